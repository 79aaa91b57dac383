import { availableParallelism, platform, totalmem } from 'node:os';
import { checkWslConfig, type HostFacts, type WslConfigCheck } from '@headroom/core';
import { EXIT, terminalSafe, type CliIo } from '../../cli-io';
import type { WslConfigTarget } from './target';

/**
 * The JSON of `headroom wslconfig check --json` (docs/architecture.md "wslconfig check JSON"): settings WSL applies,
 * and one entry per problem.
 */
export function checkJson(result: WslConfigCheck): object {
  return {
    settings: exactSettings(result),
    problems: result.problems.map((problem) => ({
      line: problem.line,
      ignoredByWsl: problem.ignoredByWsl,
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
      ...(problem.fix ? { fix: problem.fix.label } : {}),
    })),
  };
}

/**
 * The settings with each size exact: a JSON number while a double holds it exactly, its decimal digits beyond
 * (`memory=-1` is 18446744073709551615 bytes, which a double would round to 18446744073709552000).
 */
function exactSettings(result: WslConfigCheck): Record<string, unknown> {
  const settings: Record<string, unknown> = { ...result.settings };
  for (const [key, digits] of Object.entries(result.sizes)) {
    const bytes = BigInt(digits);
    settings[key] = bytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(bytes) : digits;
  }
  return settings;
}

/** This machine's RAM and processors, when it is the Windows host whose WSL reads the file. */
function hostFacts(target: WslConfigTarget): HostFacts {
  if (platform() !== 'win32' || !target.isUsersFile) return {};
  return { totalMemoryBytes: totalmem(), logicalProcessors: availableParallelism() };
}

function formatValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Print a check for a person: what WSL ignores and why, then the settings it applies. */
function printHuman(
  io: CliIo,
  target: WslConfigTarget,
  result: WslConfigCheck,
  misplaced: readonly { message: string }[],
): void {
  const ignoredLines = new Set(result.problems.filter((p) => p.ignoredByWsl).map((p) => p.line));
  const settingCount = Object.keys(result.settings).length;
  io.stdout.write(
    `${target.label}\nWSL applies ${settingCount} setting${settingCount === 1 ? '' : 's'} and ignores ${ignoredLines.size} line${ignoredLines.size === 1 ? '' : 's'}.\n`,
  );
  for (const item of misplaced) io.stdout.write(`\n  warning  ${terminalSafe(item.message)}\n`);
  if (result.problems.length > 0) io.stdout.write('\n');
  for (const problem of result.problems) {
    io.stdout.write(
      `  line ${String(problem.line).padEnd(4)} ${problem.severity.padEnd(8)} ${terminalSafe(problem.message)}\n`,
    );
    if (problem.fix && !problem.message.includes(problem.fix.label))
      io.stdout.write(`  ${' '.repeat(14)}Fix: ${problem.fix.label}\n`);
  }
  if (settingCount > 0) {
    io.stdout.write('\nSettings WSL applies:\n');
    const width = Math.max(...Object.keys(result.settings).map((key) => key.length));
    for (const [key, value] of Object.entries(exactSettings(result)))
      io.stdout.write(`  ${key.padEnd(width)}  ${terminalSafe(formatValue(value))}
`);
  }
}

/**
 * `headroom wslconfig check`: exit 0 when WSL ignores no line and no value does something other than it says, 1
 * otherwise (docs/architecture.md).
 */
export async function runCheck(
  target: WslConfigTarget,
  options: { json: boolean },
  io: CliIo,
): Promise<number> {
  const snapshot = await target.store.read();
  if (!snapshot.exists && !target.isUsersFile) {
    io.stderr.write(`headroom: There is no file at ${target.label}.\n`);
    return EXIT.usage;
  }
  const result = checkWslConfig(snapshot.bytes, hostFacts(target));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(checkJson(result), null, 2)}\n`);
  } else if (!snapshot.exists) {
    io.stdout.write(
      `${target.label}\nThere is no .wslconfig here: WSL uses its defaults (memory: half of the RAM).\n`,
    );
  } else {
    printHuman(io, target, result, await target.misplaced());
  }
  return result.problems.some((problem) => problem.ignoredByWsl || problem.severity === 'error')
    ? EXIT.failed
    : EXIT.ok;
}
