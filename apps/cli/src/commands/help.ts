/** The text of `headroom --help`. */
export const HELP_TEXT = `headroom — keep WSL2 right for local LLMs on an NVIDIA GPU

Usage:
  headroom <command> [options]

Commands:
  demo        Serve the Headroom window to your browser on 127.0.0.1, against a simulated Windows
                --scenario NAME   the simulated machine (default: healthy; see 'headroom scenarios')
                --port N          port to listen on (default: 0, any free port)
                --state-dir DIR   keep the simulated machine's state in DIR (default: a new temporary folder)
  scenarios   List the simulated Windows machines the demo and --simulate can act out
                --json            print them as JSON
  wslconfig   Read and edit .wslconfig exactly as WSL reads it: check, set, unset, diff, history, restore
                (see 'headroom wslconfig --help')

Options:
  -h, --help     show this help
  -v, --version  print Headroom's version

Exit codes: 0 done, 1 the command failed, 2 the command line was wrong.
`;
