import { normalizeLineEnds } from '../text/decode-console';

/**
 * Shared readers for nvidia-smi values. nvidia-smi marks a missing value as `[N/A]`, `[Not Supported]` or any other
 * bracketed text in CSV (docs/gpu-tools.md "Unavailable values"), and as a bare `N/A` in the table. Numbers carry units (`8192 MiB`, `0 %`,
 * `39.32 W`, `40 C`) unless `nounits` was asked.
 */

/** The lines of an output, whatever its line ends (CRLF, CR CR LF, lone CR), without a trailing empty line. */
export function outputLines(text: string): string[] {
  const lines = normalizeLineEnds(text).split('\n');
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return lines;
}

/** Whether an output stops in the middle of a line: nvidia-smi ends every line, so such an output was cut off. */
export function endsMidLine(text: string): boolean {
  const normalized = normalizeLineEnds(text);
  return normalized !== '' && !normalized.endsWith('\n');
}

/** The unreadable reason for an output that stops in the middle of a line. */
export const CUT_OFF = 'the output stops in the middle of a line (cut off?)';

/** A text value, or null for an empty cell, a bracketed CSV placeholder or a bare `N/A`. */
export function textValue(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  if (value === '' || /^\[.*\]$/s.test(value) || /^N\/A$/i.test(value)) return null;
  return value;
}

/** Whether a value is one of nvidia-smi's placeholders for "no value" rather than a reading. */
function isPlaceholder(raw: string): boolean {
  const value = raw.trim();
  return value === '' || /^\[.*\]$/s.test(value) || /^N\/A$/i.test(value) || /^ERR!$/i.test(value);
}

/** A reading that could not be read as the number it should be: the caller treats the output as garbage. */
export const NOT_A_NUMBER = Symbol('not a number');

const NUMBER_WITH_UNIT = /^([-+]?\d+(?:\.\d+)?)(?:\s*([A-Za-z%]+))?$/;

const MEBIBYTES_PER_UNIT: Readonly<Record<string, number>> = { kib: 1 / 1024, mib: 1, gib: 1024 };

/**
 * Read a number that may carry a unit. `units` lists the units accepted (case-insensitive) and the factor each one
 * is multiplied by; a bare number is always accepted. Placeholders give null; anything else gives NOT_A_NUMBER.
 * With `unitRequired`, a bare number is NOT_A_NUMBER too: `-q` and XML always print the unit, so a number without
 * it is a line that was cut off (`Total : 81` out of `Total : 81559 MiB`).
 */
export function numberValue(
  raw: string | undefined,
  units: Readonly<Record<string, number>>,
  unitRequired = false,
): number | null | typeof NOT_A_NUMBER {
  if (raw === undefined || isPlaceholder(raw)) return null;
  const match = NUMBER_WITH_UNIT.exec(raw.trim());
  if (!match) return NOT_A_NUMBER;
  const [, digits = '', unit] = match;
  if (unit === undefined) return unitRequired ? NOT_A_NUMBER : Number(digits);
  const factor = units[unit.toLowerCase()];
  return factor === undefined ? NOT_A_NUMBER : Number(digits) * factor;
}

/** Units for memory (in MiB), percentages, watts, degrees Celsius and megahertz. */
export const UNITS = {
  mebibytes: MEBIBYTES_PER_UNIT,
  percent: { '%': 1 },
  watts: { w: 1 },
  celsius: { c: 1 },
  megahertz: { mhz: 1 },
} as const satisfies Record<string, Readonly<Record<string, number>>>;

/** A number or null, turning NOT_A_NUMBER into null for readers that tolerate a bad value (`-q`, XML, tables). */
export function lenientNumber(value: number | null | typeof NOT_A_NUMBER): number | null {
  return value === NOT_A_NUMBER ? null : value;
}

/** A whole non-negative number such as a GPU index or a PID, or null. */
export function wholeNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}
