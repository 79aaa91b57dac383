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
                --start           start the WSL VM for the in-distro checks when it is stopped
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
                --show DIR        print the facts of a capture instead (add --json for JSON)
  fit         How a model fits your GPU and RAM, each number explained, and the .wslconfig to match
                --model NAME | --gguf FILE   a preset (see 'headroom fit --help') or a GGUF file
                --ctx N           context length in tokens; --kv f16|q8_0|q4_0 (default f16)
                --vram-free GIB --host-ram GIB   what the machine has (without them: what is needed)
  scenarios   List the simulated Windows machines the demo and --simulate can act out
                --json            print them as JSON
  wslconfig   Read and edit .wslconfig exactly as WSL reads it: check, set, unset, diff, history, restore
                (see 'headroom wslconfig --help')

Options:
  -h, --help     show this help
  -v, --version  print Headroom's version
  --verbose      also print what went wrong in the background (a check, a watcher) to stderr; the app keeps
                 the same lines in its log file (see README.md, "Data folder")

Exit codes: 0 done, 1 the command failed, 2 the command line was wrong.
`;
