import { findKeySpec, WSL_KEYS, type WslKeySpec } from './schema';
import { formatSize, readHumanSize, suggestEnum, suggestName } from './suggest';
import { hasNonAscii } from './text-lines';
import { parseWslBool, parseWslIpv4, parseWslMac, parseWslPorts } from './wsl-values';

/** Why an edit could not be made; the message says what to do instead. */
export class WslConfigEditError extends Error {
  constructor(
    readonly code: 'unknown-key' | 'invalid-value' | 'unreadable-encoding' | 'not-applied',
    message: string,
  ) {
    super(message);
    this.name = 'WslConfigEditError';
  }
}

/** The key spec for a name the user typed (`wsl2.memory`, `WSL2.Memory`, `experimental.networkingMode`). */
export function requireKeySpec(key: string): WslKeySpec {
  const spec = findKeySpec(key);
  if (spec) return spec;
  const guess = suggestName(
    key,
    WSL_KEYS.map((candidate) => candidate.key),
  );
  throw new WslConfigEditError(
    'unknown-key',
    `WSL does not read a key named "${key}"${guess ? `; did you mean "${guess}"?` : '.'} Keys are written section.name, e.g. wsl2.memory.`,
  );
}

const INT32 = 2 ** 31;

/** The control characters WSL has an escape for: `\t`, `\n`, `\b`. */
const WSL_ESCAPED = new Set(['\t', '\n', '\b']);

/**
 * The first control character WSL has no escape for: a carriage return ends the value, NUL cuts it, and the rest (ESC,
 * DEL, ...) reach WSL raw. Tab, newline and backspace are written as WSL's own `\t`, `\n` and `\b`.
 */
function unescapableControl(text: string): string | undefined {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !WSL_ESCAPED.has(char)) return char;
  }
  return undefined;
}

const CONTROL_NAMES: Readonly<Record<string, string>> = {
  '\0': 'NUL',
  '\r': 'carriage return',
  '\v': 'vertical tab',
  '\f': 'form feed',
  '\x1b': 'ESC',
  '\x7f': 'DEL',
};

/** `a carriage return (U+000D)`: the control character by name where it has a common one, and its code point. */
function describeControl(char: string): string {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[char];
  return name === undefined ? `the control character ${code}` : `a control character, ${name} (${code})`;
}

function quoteIfNeeded(value: string): string {
  const escaped = value.replace(
    /[\\"\t\n\b]/g,
    (char) => ({ '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\b': '\\b' })[char] ?? char,
  );
  return /#|^\s|\s$/.test(value) ? `"${escaped}"` : escaped;
}

/**
 * Turn what a user typed into the text WSL reads for that key: sizes in the largest exact unit (`16GB`,
 * `1536MB`), `true`/`false`, enums in WSL's spelling, strings with backslashes doubled and quotes where a `#` or
 * edge space needs them. ASCII only: WSL garbles anything else.
 */
export function formatWslValue(spec: WslKeySpec, input: string): string {
  const bad = (why: string): never => {
    throw new WslConfigEditError('invalid-value', `"${input}" is not a valid value for ${spec.key}: ${why}`);
  };
  const trimmed = input.trim();
  switch (spec.type) {
    case 'size': {
      const bytes = readHumanSize(trimmed);
      if (bytes === undefined) return bad('give a whole size such as 16GB, 1536MB or 8589934592 (bytes).');
      return formatSize(bytes);
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(trimmed)) return bad('give a whole number.');
      const number = Number(trimmed);
      if (number >= INT32 || number < -INT32) return bad('it is out of range.');
      return String(number);
    }
    case 'bool': {
      const word = trimmed.toLowerCase();
      const parsed =
        parseWslBool(trimmed) ??
        (['yes', 'on'].includes(word) ? true : ['no', 'off'].includes(word) ? false : undefined);
      if (parsed === undefined) return bad('give true or false.');
      return String(parsed);
    }
    case 'enum': {
      const values = spec.values ?? [];
      const match = values.find((value) => value.toLowerCase() === trimmed.toLowerCase());
      if (match) return match;
      const guess = suggestEnum(trimmed, values);
      return bad(`WSL accepts ${values.join(', ')}${guess ? `; did you mean ${guess}?` : '.'}`);
    }
    case 'ipv4':
      return parseWslIpv4(trimmed) ?? bad('give an IPv4 address such as 10.255.255.254.');
    case 'mac':
      return parseWslMac(trimmed) ?? bad('give a MAC address such as 00:15:5d:01:02:03.');
    case 'ports': {
      const { ports, rejected } = parseWslPorts(trimmed.replace(/\s+/g, ''));
      if (rejected.length > 0 || ports.length === 0)
        return bad('give ports from 1 to 65535, separated by commas.');
      return ports.join(',');
    }
    case 'string':
    case 'path': {
      if (hasNonAscii(input)) return bad('WSL garbles characters outside ASCII; use an ASCII path or text.');
      const control = unescapableControl(input);
      if (control !== undefined)
        return bad(`it contains ${describeControl(control)}, which WSL cannot read back; remove it.`);
      return quoteIfNeeded(input);
    }
  }
}
