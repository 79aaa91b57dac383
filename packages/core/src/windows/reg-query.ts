/**
 * `reg query` output (docs/windows-events.md "Registry facts"): a blank line, the full key path, then one
 * `    <Name>    <REG_TYPE>    <data>` line per value (4-space separators, DWORDs as `0x…`). With `/s` every key
 * gets a block of its own; without it the subkeys follow as bare key paths. A missing key or value prints a
 * localised `ERROR: …` and exits 1, so "missing" is read from the exit code, never from the text.
 */
import { normalizeLineEnds } from '../text/decode-console';
import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** The value types reg.exe prints. */
export const REG_VALUE_TYPES = [
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_MULTI_SZ',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_QWORD',
  'REG_BINARY',
  'REG_NONE',
  'REG_LINK',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTOR',
  'REG_RESOURCE_REQUIREMENTS_LIST',
] as const;

/** A registry value type as reg.exe names it. */
export type RegValueType = (typeof REG_VALUE_TYPES)[number];

/**
 * One value. `data` is a number for REG_DWORD and REG_QWORD (the hex string as printed when it is not a safe
 * integer or not hex), a list for REG_MULTI_SZ (reg.exe joins the strings with a literal `\0`), and the printed
 * text for every other type (REG_EXPAND_SZ unexpanded, REG_BINARY as hex digits).
 */
export interface RegValue {
  readonly type: RegValueType;
  readonly data: string | number | readonly string[];
}

/** One key block: its full path as printed (`HKEY_LOCAL_MACHINE\…`) and its values by name as printed. */
export interface RegKey {
  readonly path: string;
  readonly values: Readonly<Record<string, RegValue>>;
}

/** What one `reg query` printed. */
export interface RegQueryResult {
  /** False when reg.exe exited 1 and printed no key: the key or the value does not exist (or is not readable). */
  readonly found: boolean;
  /** The key blocks in the order printed; values attach to the key path printed last before them. */
  readonly keys: readonly RegKey[];
  /** False when reg.exe exited 1 after printing some keys (a recursive query stopped at an unreadable subkey). */
  readonly complete: boolean;
}

const KEY_LINE = /^HKEY_[A-Z_]+(?:\\.*)?$/;
const VALUE_LINE = new RegExp(`^ {4}(.*?) {4}(${REG_VALUE_TYPES.join('|')})(?: {4}(.*))?$`);

function readNumber(text: string): number | string {
  const trimmed = text.trim();
  if (!/^0x[0-9a-f]+$/i.test(trimmed)) return text;
  const value = Number.parseInt(trimmed.slice(2), 16);
  return Number.isSafeInteger(value) ? value : text;
}

function readData(type: RegValueType, text: string): RegValue['data'] {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
    case 'REG_QWORD':
      return readNumber(text);
    case 'REG_MULTI_SZ': {
      const parts = text.split('\\0');
      while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
      return parts;
    }
    default:
      return text;
  }
}

/**
 * Parse the decoded text of `reg query KEY [/v NAME | /s]` with its exit code (`probe` names the probe in an
 * unreadable result). Exit 1 with no key printed is `found: false`; exit 0 must print at least one key.
 */
export function parseRegQuery(
  text: string,
  exitCode: number | null,
  probe = 'reg-query',
): Parsed<RegQueryResult> {
  return parseSafely(probe, text, (): Parsed<RegQueryResult> => {
    if (exitCode === null) return unreadable(probe, 'reg.exe did not finish (timed out or was killed)', text);
    if (exitCode !== 0 && exitCode !== 1)
      return unreadable(probe, `reg.exe failed with exit code ${exitCode}`, text);
    const blocks: { path: string; values: Map<string, RegValue> }[] = [];
    for (const line of normalizeLineEnds(text).split('\n')) {
      if (KEY_LINE.test(line)) {
        blocks.push({ path: line.trimEnd(), values: new Map() });
        continue;
      }
      const match = VALUE_LINE.exec(line);
      const current = blocks[blocks.length - 1];
      if (!match || !current) continue;
      const [, name = '', type = 'REG_NONE', data = ''] = match;
      const valueType = type as RegValueType;
      if (!current.values.has(name))
        current.values.set(name, { type: valueType, data: readData(valueType, data) });
    }
    const keys = blocks.map((block) => ({ path: block.path, values: Object.fromEntries(block.values) }));
    if (exitCode === 1) return parsed({ found: keys.length > 0, keys, complete: false });
    if (keys.length === 0) return unreadable(probe, 'reg.exe exited 0 but printed no registry key', text);
    return parsed({ found: true, keys, complete: true });
  });
}

/** A value of a key by name, case-insensitively as the registry compares names. */
export function getRegValue(key: RegKey, name: string): RegValue | undefined {
  const wanted = name.toLowerCase();
  const found = Object.keys(key.values).find((candidate) => candidate.toLowerCase() === wanted);
  return found === undefined ? undefined : key.values[found];
}

/** A value's data as a string (REG_SZ, REG_EXPAND_SZ), or undefined for another type or a missing value. */
export function getRegString(key: RegKey, name: string): string | undefined {
  const value = getRegValue(key, name);
  return value &&
    typeof value.data === 'string' &&
    (value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ')
    ? value.data
    : undefined;
}

/** A value's data as a number (REG_DWORD, REG_QWORD), or undefined for another type or a missing value. */
export function getRegNumber(key: RegKey, name: string): number | undefined {
  const value = getRegValue(key, name);
  return value && typeof value.data === 'number' ? value.data : undefined;
}
