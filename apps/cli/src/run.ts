import { EXIT, UsageError, type CliIo } from './cli-io';
import { COMMAND_HELP, HELP_TEXT } from './commands/help';
import { cliSimulation, NO_SIMULATOR } from './simulation';
import { headroomVersion } from './version';

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

// Each command is imported when it runs, not before: in the compiled CLI esbuild keeps a dynamically imported
// module's top level unevaluated until then, so `headroom --version` and `--help` start as fast as Node itself.

/** The commands that have a help of their own. */
const COMMAND_HELP_NAMES: Readonly<Record<string, true>> = {
  ...Object.fromEntries(Object.keys(COMMAND_HELP).map((name) => [name, true] as const)),
  fit: true,
  wslconfig: true,
};

/** `--help` or `-h` among a command's arguments (before a `--`, after which arguments are the command's own). */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** The help of one command, the same for `headroom help X` and `headroom X --help`. */
async function commandHelp(command: string): Promise<string> {
  if (command === 'fit') return (await import('./commands/fit')).fitHelp();
  if (command === 'wslconfig') return (await import('./commands/wslconfig')).WSLCONFIG_HELP;
  const help = COMMAND_HELP[command];
  if (help === undefined) throw new UsageError(`Unknown command "${command}".`);
  return help;
}

function isUsageMistake(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  );
}

/**
 * Run the `headroom` command line and resolve with the exit code. Mistakes in the command line print one line and
 * a pointer to --help (exit 2); failures print what went wrong (exit 1); neither prints a stack trace.
 */
export async function runHeadroom(argv: readonly string[], given: CliIo = processIo): Promise<number> {
  const verbose = argv.includes('--verbose');
  // --quiet, for scripts: stdout carries only what --json asked for; failures still go to stderr, the exit code
  // says how it went.
  const quiet = argv.includes('--quiet') && !argv.includes('--json');
  const logged: CliIo = verbose
    ? { ...given, log: (await import('@headroom/host')).streamLog(given.stderr, 'debug') }
    : given;
  const io: CliIo = quiet ? { ...logged, stdout: { write: () => true } } : logged;
  const [command, ...rest] = argv.filter((arg) => arg !== '--verbose' && arg !== '--quiet');
  try {
    if (command !== undefined && wantsHelp(rest)) {
      io.stdout.write(await commandHelp(command));
      return EXIT.ok;
    }
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
        io.stdout.write(HELP_TEXT);
        return EXIT.ok;
      case 'help':
        if (rest[0] === undefined) {
          io.stdout.write(HELP_TEXT);
          return EXIT.ok;
        }
        io.stdout.write(await commandHelp(rest[0]));
        return EXIT.ok;
      case '-v':
      case '--version':
        io.stdout.write(`headroom ${headroomVersion()}\n`);
        return EXIT.ok;
      case 'scenarios':
      case 'demo': {
        const run = cliSimulation()?.commands[command];
        if (run === undefined) throw new UsageError(NO_SIMULATOR);
        return await run(rest, io);
      }
      case 'doctor':
        return await (await import('./commands/doctor')).runDoctor(rest, io);
      case 'verify':
        return await (await import('./commands/verify')).runVerifyCommand(rest, io);
      case 'collect':
        return await (await import('./commands/collect')).runCollect(rest, io);
      case 'fit':
        return await (await import('./commands/fit')).runFit(rest, io);
      case 'completion':
        return (await import('./commands/completion')).runCompletion(rest, io);
      case 'wslconfig':
        return await (await import('./commands/wslconfig')).runWslconfig(rest, io);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (isUsageMistake(error)) {
      io.stderr.write(
        `headroom: ${error.message}\n${
          command !== undefined && command in COMMAND_HELP_NAMES
            ? `Run 'headroom ${command} --help' to see its options and examples.`
            : "Run 'headroom --help' to see the commands and their options."
        }\n`,
      );
      return EXIT.usage;
    }
    io.stderr.write(`headroom: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
