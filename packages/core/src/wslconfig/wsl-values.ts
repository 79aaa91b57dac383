/**
 * WSL's value parsers, reproduced exactly: C's strtol/strtoull as MSVC implements them (long is 32 bits on
 * Windows), ParseBool, ParseMemorySize, enum lookup, inet_pton, the MAC address parser and the ignoredPorts list.
 * Each returns undefined where WSL warns that the value is invalid and keeps its default.
 */

const C_SPACE = /^[ \t\n\v\f\r]*/;
const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;
const UINT64 = 1n << 64n;

function digitValue(c: string | undefined): number {
  if (c === undefined || !/^[0-9A-Za-z]$/.test(c)) return 99;
  if (c <= '9') return c.charCodeAt(0) - 48;
  return c.toLowerCase().charCodeAt(0) - 87;
}

/** What C's strtol/strtoull read: the number and where they stopped (end === 0 when nothing was read). */
interface CNumber {
  readonly magnitude: bigint;
  readonly negative: boolean;
  readonly end: number;
}

function readCNumber(text: string, base: 0 | 10): CNumber {
  let index = C_SPACE.exec(text)?.[0].length ?? 0;
  let negative = false;
  if (text[index] === '+' || text[index] === '-') {
    negative = text[index] === '-';
    index += 1;
  }
  let radix: number = base === 0 ? 10 : base;
  if (base === 0 && text[index] === '0') {
    if ((text[index + 1] === 'x' || text[index + 1] === 'X') && digitValue(text[index + 2]) < 16) {
      radix = 16;
      index += 2;
    } else {
      radix = 8;
    }
  }
  const start = index;
  let magnitude = 0n;
  while (digitValue(text[index]) < radix) {
    magnitude = magnitude * BigInt(radix) + BigInt(digitValue(text[index]));
    index += 1;
  }
  return { magnitude, negative, end: index === start ? 0 : index };
}

/**
 * `strtol(value, &end, 0)` with a 32-bit long, as WSL reads integers: decimal, 0x hex or 0 octal, an optional
 * sign, leading whitespace skipped; out-of-range values saturate. Invalid when empty or followed by anything.
 */
export function parseWslInt(value: string): { value: number; saturated: boolean } | undefined {
  const read = readCNumber(value, 0);
  if (value === '' || read.end !== value.length) return undefined;
  const signed = read.negative ? -read.magnitude : read.magnitude;
  if (signed > BigInt(INT32_MAX)) return { value: INT32_MAX, saturated: true };
  if (signed < BigInt(INT32_MIN)) return { value: INT32_MIN, saturated: true };
  return { value: Number(signed), saturated: false };
}

const SIZE_UNITS: Readonly<Record<string, bigint>> = {
  B: 1n,
  K: 1n << 10n,
  KB: 1n << 10n,
  M: 1n << 20n,
  MB: 1n << 20n,
  G: 1n << 30n,
  GB: 1n << 30n,
  T: 1n << 40n,
  TB: 1n << 40n,
};

/** A size as WSL reads it, exact, and whether C's unsigned arithmetic wrapped it on the way. */
export interface WslSize {
  readonly bytes: bigint;
  /** `negative`: a minus sign, negated modulo 2^64; `overflow`: past 2^64 − 1, saturated; `unit`: the unit's multiplication wrapped. */
  readonly wrapped?: 'negative' | 'overflow' | 'unit';
}

/**
 * WSL's ParseMemorySize, telling how the value wrapped: `strtoull(value, &end, 10)`, then nothing or one of B K KB
 * M MB G GB T TB, upper case only, binary. Zero must be written as a lone `0` (optionally with a unit).
 */
export function readWslSize(value: string): WslSize | undefined {
  const read = readCNumber(value, 10);
  const ULLONG_MAX = UINT64 - 1n;
  // On overflow strtoull answers ULLONG_MAX whatever the sign; otherwise a minus sign negates modulo 2^64.
  const overflow = read.magnitude > ULLONG_MAX;
  const negative = !overflow && read.negative && read.magnitude !== 0n;
  const number = overflow ? ULLONG_MAX : read.negative ? (UINT64 - read.magnitude) % UINT64 : read.magnitude;
  const end = read.end;
  if (number === 0n && !(value.startsWith('0') && end === 1)) return undefined;
  const unit = value.slice(end);
  const factor = unit === '' ? 1n : SIZE_UNITS[unit];
  if (factor === undefined) return undefined;
  const product = number * factor;
  const wrapped = overflow ? 'overflow' : negative ? 'negative' : product > ULLONG_MAX ? 'unit' : undefined;
  return { bytes: product % UINT64, ...(wrapped ? { wrapped } : {}) };
}

/**
 * WSL's ParseMemorySize: returns bytes, wrapped to 64 bits as the C++ multiplication does; undefined where WSL
 * says the value is invalid.
 */
export function parseWslSize(value: string): bigint | undefined {
  return readWslSize(value)?.bytes;
}

/** WSL's ParseBool for config files: `1`, `0`, `true`, `false` (case-insensitive) and nothing else. */
export function parseWslBool(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if (value === '1' || lower === 'true') return true;
  if (value === '0' || lower === 'false') return false;
  return undefined;
}

/** An enum value looked up case-insensitively, answered in WSL's spelling. */
export function parseWslEnum(value: string, values: readonly string[]): string | undefined {
  return values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
}

/** `inet_pton(AF_INET, ...)`: four decimal numbers 0–255 separated by dots. */
export function parseWslIpv4(value: string): string | undefined {
  const parts = value.split('.');
  const valid = parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
  return valid ? value : undefined;
}

/** WSL's MAC address parser: six hex pairs separated by `-` or `:` (the one after the first pair), 17 characters. */
export function parseWslMac(value: string): string | undefined {
  if (value.length !== 17) return undefined;
  const separator = value[2];
  if (separator !== '-' && separator !== ':') return undefined;
  const pairs = value.split(separator);
  return pairs.length === 6 && pairs.every((pair) => /^[0-9A-Fa-f]{2}$/.test(pair)) ? value : undefined;
}

/**
 * WSL's ignoredPorts: split on commas (empty entries skipped), each read by `std::stoi` (leading spaces, a sign and
 * digits; anything after the digits is ignored) and kept when 1–65535. WSL warns once per bad entry.
 */
export function parseWslPorts(value: string): { ports: number[]; rejected: string[] } {
  const ports = new Set<number>();
  const rejected: string[] = [];
  for (const entry of value.split(',').filter((part) => part !== '')) {
    const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(entry);
    const number = match?.[1] === undefined ? Number.NaN : Number(match[1]);
    if (Number.isInteger(number) && number > 0 && number <= 65535) ports.add(number);
    else rejected.push(entry);
  }
  return { ports: [...ports].sort((a, b) => a - b), rejected };
}
