import { findKeySpec, WslConfigEditError } from '@headroom/core';
import { WslConfigConflictError, WslConfigFileError, WslConfigHistoryError } from '@headroom/host';
import { fail as failure, parseOptions } from '../../args';
import { EXIT, UsageError, type CliIo } from '../../cli-io';
import { runCheck } from './check';
import { runSet, runUnset } from './edit';
import { resolveWslConfigTarget } from './target';
import { runDiff, runHistory, runRestore } from './versions';

/** The help of `headroom wslconfig`. */
export const WSLCONFIG_HELP = `headroom wslconfig — read and edit .wslconfig exactly as WSL reads it

Usage:
  headroom wslconfig check [FILE] [--json]          what WSL applies, and every line it ignores (exit 1 if any)
  headroom wslconfig set [FILE] KEY=VALUE ...       change values in place; missing keys go into their section
  headroom wslconfig unset [FILE] KEY ...           remove every line that sets the keys
  headroom wslconfig history [FILE]                 versions Headroom saved (before and after each change)
  headroom wslconfig diff [ID|current] [ID|current] compare versions (default: newest saved vs the file now)
  headroom wslconfig restore ID                     write a saved version back

Options:
  --file PATH   work on PATH instead of your .wslconfig (the simulated one when not on Windows)
  --json        print JSON
  --dry-run     show the diff of set, unset or restore without writing

Files over 1 MiB (a real .wslconfig is under 10 KB), folders and pipes are refused with exit 2, and a read-only
file is never overwritten.
Writes wait for any other Headroom writing the same file (a lock file beside it, .wslconfig.headroom-lock).

Keys are section.name as WSL spells them: wsl2.memory, wsl2.processors, wsl2.swap, wsl2.networkingMode,
experimental.autoMemoryReclaim, ... Values are written the way WSL reads them (16GB, true, C:\\\\path).

Examples:
  headroom wslconfig check
  headroom wslconfig set wsl2.memory=24GB wsl2.swap=8GB --dry-run
  headroom wslconfig history --json

Exit codes: 0 done (check: WSL reads every line), 1 check found lines WSL ignores, or the file changed or is
locked by another Headroom, 2 the command line was wrong (a key, a value, a version id, a file that cannot be
read or written).
`;

interface Parsed {
  readonly command: string | undefined;
  readonly positionals: string[];
  readonly file: string | undefined;
  readonly json: boolean;
  readonly dryRun: boolean;
  readonly help: boolean;
}

function parse(args: readonly string[]): Parsed {
  const { values, positionals } = parseOptions(
    args,
    {
      file: { type: 'string' },
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    file: values.file,
    json: values.json,
    dryRun: values['dry-run'],
    help: values.help,
  };
}

/**
 * Which positionals name the file (`check FILE`, `set FILE key=value`, `unset FILE key`; docs/architecture.md) and
 * which are the command's own arguments. `--file` wins when given.
 */
function splitFile(command: string, parsed: Parsed): { file: string | undefined; args: string[] } {
  if (parsed.file !== undefined) return { file: parsed.file, args: parsed.positionals };
  const [first, ...rest] = parsed.positionals;
  if (first === undefined) return { file: undefined, args: [] };
  if (command === 'check' || command === 'history') {
    if (rest.length > 0) throw new UsageError(`${command} takes at most one FILE.`);
    return { file: first, args: [] };
  }
  if (command === 'set' && !first.includes('=')) return { file: first, args: rest };
  if (command === 'unset' && (rest.length > 0 || findKeySpec(first) === undefined)) {
    if (rest.length === 0)
      throw new UsageError(`Give the keys to remove after the file, e.g. unset ${first} wsl2.memory.`);
    return { file: first, args: rest };
  }
  return { file: undefined, args: parsed.positionals };
}

/** `headroom wslconfig ...`: dispatch, and turn every known failure into a plain message and an exit code. */
export async function runWslconfig(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (parsed.help || parsed.command === undefined || parsed.command === 'help') {
    io.stdout.write(WSLCONFIG_HELP);
    return parsed.command === undefined && !parsed.help ? EXIT.usage : EXIT.ok;
  }
  const command = parsed.command;
  const known = ['check', 'set', 'unset', 'history', 'diff', 'restore'];
  if (!known.includes(command))
    throw new UsageError(`Unknown wslconfig command "${command}". Commands: ${known.join(', ')}.`);
  const { file, args: rest } = splitFile(command, parsed);
  const target = await resolveWslConfigTarget(file, io);
  try {
    switch (command) {
      case 'check':
        return await runCheck(target, parsed, io);
      case 'set':
        return await runSet(target, rest, parsed, io);
      case 'unset':
        return await runUnset(target, rest, parsed, io);
      case 'history':
        return await runHistory(target, parsed, io);
      case 'diff':
        return await runDiff(target, rest, parsed, io);
      default:
        return await runRestore(target, rest, parsed, io);
    }
  } catch (error) {
    if (error instanceof WslConfigEditError) {
      return failure(
        io,
        error.message,
        error.code === 'unknown-key' || error.code === 'invalid-value' ? EXIT.usage : EXIT.failed,
      );
    }
    if (error instanceof WslConfigConflictError) return failure(io, error.message, EXIT.failed);
    if (error instanceof WslConfigHistoryError) return failure(io, error.message, EXIT.usage);
    if (error instanceof WslConfigFileError) {
      // Another Headroom holding the lock is a passing state, not a mistake on the command line.
      return failure(io, error.message, error.code === 'locked' ? EXIT.failed : EXIT.usage);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      return failure(io, `Could not read or write ${target.label}: ${(error as Error).message}`, EXIT.usage);
    }
    throw error;
  }
}
