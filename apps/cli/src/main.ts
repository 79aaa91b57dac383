import { readFileSync } from 'node:fs';
import { streamLog } from '@headroom/host';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { runCollect } from './commands/collect';
import { runDemo } from './commands/demo';
import { runDoctor } from './commands/doctor';
import { runFit } from './commands/fit';
import { HELP_TEXT } from './commands/help';
import { runScenarios } from './commands/scenarios';
import { runVerifyCommand } from './commands/verify';
import { runWslconfig } from './commands/wslconfig';

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
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
export async function main(argv: readonly string[], given: CliIo = processIo): Promise<number> {
  const verbose = argv.includes('--verbose');
  const io: CliIo = verbose ? { ...given, log: streamLog(given.stderr, 'debug') } : given;
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
        io.stdout.write(`headroom ${version()}\n`);
        return EXIT.ok;
      case 'scenarios':
        return runScenarios(rest, io);
      case 'demo':
        return await runDemo(rest, io);
      case 'doctor':
        return await runDoctor(rest, io);
      case 'verify':
        return await runVerifyCommand(rest, io);
      case 'collect':
        return await runCollect(rest, io);
      case 'fit':
        return await runFit(rest, io);
      case 'wslconfig':
        return await runWslconfig(rest, io);
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
