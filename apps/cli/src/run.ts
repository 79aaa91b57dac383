import { EXIT, UsageError, type CliIo } from './cli-io';
import { HELP_TEXT } from './commands/help';
import { cliSimulation, NO_SIMULATOR } from './simulation';
import { headroomVersion } from './version';

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

// Each command is imported when it runs, not before: in the compiled CLI esbuild keeps a dynamically imported
// module's top level unevaluated until then, so `headroom --version` and `--help` start as fast as Node itself.

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
  const io: CliIo = verbose
    ? { ...given, log: (await import('@headroom/host')).streamLog(given.stderr, 'debug') }
    : given;
  const [command, ...rest] = argv.filter((arg) => arg !== '--verbose');
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(HELP_TEXT);
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
      case 'wslconfig':
        return await (await import('./commands/wslconfig')).runWslconfig(rest, io);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (isUsageMistake(error)) {
      io.stderr.write(
        `headroom: ${error.message}\nRun 'headroom --help' to see the commands and their options.\n`,
      );
      return EXIT.usage;
    }
    io.stderr.write(`headroom: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
