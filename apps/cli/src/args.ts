import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from './cli-io';

/**
 * What a number on the command line may be: its range, whether it is whole, its unit and why the range stops
 * there, so a refusal can say why.
 */
export interface NumberBound {
  /** The least value; with `aboveMin` the value must be greater than it. */
  readonly min: number;
  readonly aboveMin?: boolean;
  readonly max: number;
  readonly whole?: boolean;
  /** The unit in the refusal: "tokens", "GiB", "seconds". */
  readonly unit: string;
  /** Why nothing above `max` (or below `min`) is meaningful. */
  readonly why: string;
}

/** Every number any command takes, bounded to what is physically meaningful. */
export const BOUNDS = {
  tokens: {
    min: 1,
    max: 2 ** 24,
    whole: true,
    unit: 'tokens',
    why: 'no model reads a longer context (the longest, Llama 4 Scout, reads 10 million tokens)',
  },
  vramGiB: {
    min: 0,
    aboveMin: true,
    max: 1024,
    unit: 'GiB',
    why: 'no GPU has more memory (the largest have under 300 GB)',
  },
  hostRamGiB: {
    min: 0,
    aboveMin: true,
    max: 6144,
    unit: 'GiB',
    why: 'Windows 11 addresses at most 6 TB of memory',
  },
  fileGb: {
    min: 0,
    aboveMin: true,
    max: 4096,
    unit: 'GB',
    why: 'no GGUF model is that large (the largest published are under 1.5 TB)',
  },
  logicalProcessors: {
    min: 1,
    max: 2048,
    whole: true,
    unit: 'logical processors',
    why: 'Windows runs on at most 2048 logical processors',
  },
  modelDimension: {
    min: 1,
    max: 65_536,
    whole: true,
    unit: '',
    why: 'no published transformer has more layers, heads or head dimensions',
  },
  timeoutSeconds: {
    min: 0,
    aboveMin: true,
    max: 3600,
    unit: 'seconds',
    why: 'WSL stops and boots in seconds; after an hour it is stuck, not slow',
  },
  port: {
    min: 0,
    max: 65_535,
    whole: true,
    unit: '',
    why: 'TCP ports run from 0 to 65535 (0 picks a free one)',
  },
} as const satisfies Record<string, NumberBound>;

/** Decimal (`8192`, `0.5`), scientific (`1e3`) or hexadecimal (`0x100`); not `Infinity`, `0b1`, blanks or signs. */
const NUMBER_TEXT = /^(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;

/** The range of a bound in words: "a whole number of tokens from 1 to 16777216". */
function describe(bound: NumberBound): string {
  const kind = bound.whole ? 'a whole number' : 'a number';
  const unit = bound.unit === '' ? '' : ` of ${bound.unit}`;
  const low = bound.aboveMin ? `above ${bound.min}` : `from ${bound.min}`;
  return `${kind}${unit} ${low} ${bound.aboveMin ? 'up to' : 'to'} ${bound.max}`;
}

/**
 * Read option `--name`'s number, or refuse it with a {@link UsageError} that gives the range and why it stops there.
 * Accepts what people type for numbers (`8192`, `1e3`, `0x100`, `7.5`).
 */
export function parseNumber(name: string, text: string, bound: NumberBound): number {
  const value = NUMBER_TEXT.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const inRange =
    Number.isFinite(value) &&
    (bound.aboveMin ? value > bound.min : value >= bound.min) &&
    value <= bound.max &&
    (!bound.whole || Number.isSafeInteger(value));
  if (inRange) return value;
  const reason = Number.isFinite(value) && value > bound.max ? `: ${bound.why}` : '';
  throw new UsageError(`--${name} takes ${describe(bound)}, not "${text}"${reason}.`);
}

/** {@link parseNumber} for an option that may be left out. */
export function optionalNumber(
  name: string,
  text: string | undefined,
  bound: NumberBound,
): number | undefined {
  return text === undefined ? undefined : parseNumber(name, text, bound);
}

/**
 * Parse a command's options the one way every command does: strict (an unknown option is a {@link UsageError}),
 * positionals only for a command that takes them. `--help` is handled before a command runs (see run.ts).
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  takesPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>> {
  const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  const [extra] = parsed.positionals;
  if (!takesPositionals && extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
  return parsed;
}

/** The one way a command reports a failure it knows: `headroom: <message>` on stderr, and the exit code. */
export function fail(io: CliIo, message: string, code: number): number {
  io.stderr.write(`headroom: ${message}\n`);
  return code;
}
