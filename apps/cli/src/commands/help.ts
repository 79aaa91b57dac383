/** The text of `headroom --help`. */
export const HELP_TEXT = `headroom — keep WSL2 right for local LLMs on an NVIDIA GPU

Usage:
  headroom <command> [options]

Commands:
  demo        Serve the Headroom window to your browser on 127.0.0.1, against a simulated Windows
                --scenario NAME   the simulated machine (default: healthy; see 'headroom scenarios')
                --port N          port to listen on (default: 0, any free port)
                --state-dir DIR   keep the simulated machine's state in DIR (default: a new temporary folder)
  doctor      Diagnose WSL, .wslconfig and GPU passthrough: findings with evidence, a fix and a source
                --simulate NAME | --from-capture DIR   judge a simulated machine or a capture
                --boot            start the WSL VM for the in-distro checks when it is stopped
                --model NAME --ctx N   check memory against the model you want to run
                --json            findings, health (green/amber/red/grey) and the exit code as JSON
                exit codes: 0 healthy, 1 configuration, 2 driver/GPU passthrough, 3 runtime, 4 WSL missing
  verify      Shut WSL down, boot it again and prove it runs with .wslconfig (memory, processors, swap, GPU)
                --yes             stop running distros without asking   --distro NAME   the distro to boot
                --simulate NAME   verify a simulated machine            --json          checks as JSON
  collect     Capture every probe's raw output (WSL, GPUs, registry, event log, .wslconfig) into a folder
                --out DIR         where to write it (default: ./headroom-capture-<time>)
                --simulate NAME   collect from a simulated Windows (see 'headroom scenarios')
                --boot            start the WSL VM for the in-distro probes when it is stopped
                --redact          replace your user name, profile folder and computer name (to share it)
                --show DIR        print the facts of a capture instead (add --json for JSON)
  fit         How a model fits your GPU and RAM, each number explained, and the .wslconfig to match
                --model NAME | --gguf FILE   a preset (see 'headroom fit --help') or a GGUF file
                --ctx N           context length in tokens; --kv f16|q8_0|q4_0 (default f16)
                --vram-free GIB --host-ram GIB   what the machine has (without them: what is needed)
  scenarios   List the simulated Windows machines the demo and --simulate can act out
                --json            print them as JSON
  wslconfig   Read and edit .wslconfig exactly as WSL reads it: check, set, unset, diff, history, restore
                (see 'headroom wslconfig --help')
  completion  Print tab completion for PowerShell: headroom completion powershell | Out-String | Invoke-Expression
  help        headroom help COMMAND is the same as headroom COMMAND --help: its options, examples, exit codes

Options:
  -h, --help     show this help
  -v, --version  print Headroom's version
  --quiet        print nothing on stdout but what --json asks for (for scripts: read the exit code)
  --verbose      also print what went wrong in the background (a check, a watcher) to stderr; the app keeps
                 the same lines in its log file (see README.md, "Data folder")

Exit codes: 0 done, 1 the command failed, 2 the command line was wrong; doctor has its own (see its --help).
Demo, scenarios and --simulate come with the development build (npx headroom in the repository).
`;

/** The help of every command but `fit` and `wslconfig` (which keep theirs beside their code), with examples. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  doctor: `headroom doctor — diagnose WSL, .wslconfig and GPU passthrough

Usage:
  headroom doctor [--from-capture DIR | --simulate NAME] [--boot] [--model NAME --ctx N] [--json]

Options:
  --from-capture DIR  judge a capture written by 'headroom collect' instead of this machine
  --simulate NAME     judge a simulated Windows (development build; see 'headroom scenarios')
  --boot              start the WSL VM for the in-distro checks when it is stopped (never without it)
  --model NAME        check memory against this model (a preset of 'headroom fit --help') instead of the goal
                      saved in setup, which is checked otherwise
  --ctx N             its context length in tokens (default 8192)
  --quant NAME        its quantization (default Q4_K_M)
  --json              findings, health (green/amber/red/grey) and the exit code as JSON (docs/cli.md)

Examples:
  headroom doctor
  headroom doctor --boot --model llama-3.1-8b --ctx 32768
  headroom doctor --from-capture .\\headroom-capture-2026-05-01 --json

Exit codes: 0 healthy, 1 configuration, 2 driver/GPU passthrough or the command line was wrong,
3 runtime, 4 WSL missing.
`,
  collect: `headroom collect — capture what Windows, WSL and nvidia-smi say, for a bug report or 'doctor --from-capture'

Usage:
  headroom collect [--out DIR] [--boot] [--redact] [--simulate NAME]
  headroom collect --show DIR [--json]

Options:
  --out DIR         a new or empty folder to write to (default: ./headroom-capture-<time>); never overwritten
  --boot            start the WSL VM for the in-distro probes when it is stopped
  --redact          replace your user name (C:\\Users\\<name>, /home/<name>, /mnt/c/Users/<name>), profile folder
                    and computer name with [user] and [machine] in every output, capture.json, .wslconfig and
                    the log: a capture to attach to a public bug report
  --simulate NAME   collect from a simulated Windows (development build)
  --show DIR        print the facts of a capture instead
  --json            with --show: the facts as JSON

Examples:
  headroom collect --out .\\capture --boot
  headroom collect --redact --out .\\for-the-issue
  headroom collect --show .\\capture --json

Exit codes: 0 written (or shown), 1 the capture could not be taken or written, 2 the command line was wrong
(including --out naming a folder that already holds files).
`,
  verify: `headroom verify — shut WSL down, boot it again and prove it runs with .wslconfig

Usage:
  headroom verify [--distro NAME] [--yes] [--timeout SECONDS] [--json] [--simulate NAME]

Options:
  --distro NAME       the distro to boot (default: the default distro)
  --yes               stop running distros without asking (needed without a terminal)
  --timeout SECONDS   how long to wait for WSL to stop (default 60, at most 3600)
  --json              the checks as JSON
  --simulate NAME     verify a simulated Windows (development build)

Examples:
  headroom verify
  headroom verify --yes --json

Exit codes: 0 verified (the baseline is saved), 1 a check failed or WSL did not stop, 2 the command line was
wrong.
`,
  demo: `headroom demo — serve the Headroom window to your browser on 127.0.0.1, against a simulated Windows

Usage:
  headroom demo [--scenario NAME] [--port N] [--state-dir DIR]

Options:
  --scenario NAME   the simulated machine (default: healthy; see 'headroom scenarios')
  --port N          port to listen on, 0 to 65535 (default: 0, any free port)
  --state-dir DIR   keep the simulated machine's state in DIR (default: a new temporary folder)

Examples:
  headroom demo
  headroom demo --scenario vram-pressure --port 5173

Development build only. Exit codes: 0 stopped with Ctrl+C, 1 it failed, 2 the command line was wrong.
`,
  scenarios: `headroom scenarios — the simulated Windows machines the demo and --simulate act out

Usage:
  headroom scenarios [--json]

Examples:
  headroom scenarios
  headroom scenarios --json

Development build only. Exit codes: 0 listed, 2 the command line was wrong.
`,
  completion: `headroom completion — print a shell completion script

Usage:
  headroom completion powershell

Example (add it to your PowerShell profile):
  headroom completion powershell | Out-String | Invoke-Expression

Exit codes: 0 printed, 2 the command line was wrong (an unknown shell).
`,
};
