/**
 * A scan of .wslconfig text that follows WSL's own parser (microsoft/WSL src/shared/configfile/configfile.cpp)
 * character by character: what it accepts, what it warns about and skips, and how it builds each key's full name
 * and value. It records offsets into the text so that edits can replace exactly one value and nothing else.
 */

/** A half-open range of offsets into the scanned text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The syntax errors WSL warns about; each makes WSL skip the rest of its line. */
export type SyntaxIssueKind =
  | 'invalid-key-name'
  | 'invalid-section-name'
  | 'unclosed-section'
  | 'junk-after-section'
  | 'missing-equals'
  | 'invalid-escape'
  | 'unclosed-quote';

/** A syntax error at a place in the text. */
export interface SyntaxIssue {
  readonly kind: SyntaxIssueKind;
  /** 1-based physical line of the offending character. */
  readonly line: number;
  readonly offset: number;
  /** The offending character (empty at end of file). */
  readonly char: string;
  /** For errors inside a `key = value` line: the key's full name as WSL built it. */
  readonly key?: string;
}

/** A `[section]` header WSL accepted. */
export interface SectionHeader {
  readonly name: string;
  readonly line: number;
  readonly span: Span;
}

/** A `key = value` line that reached its `=`: WSL either registers it or drops it for a bad escape or quote. */
export interface KeyLine {
  /** 1-based physical line where the key starts. */
  readonly line: number;
  /** 1-based physical line where the value ends (later than `line` after a backslash line continuation). */
  readonly lastLine: number;
  /** The key name as written. */
  readonly name: string;
  readonly nameSpan: Span;
  /** What WSL matches against its key table: `section.key`, a bare `key` before any section, cut at a NUL. */
  readonly fullName: string;
  /** The value as written, without surrounding spaces, comment or line end: what an edit replaces. */
  readonly valueSpan: Span;
  /** The value after quote and escape processing, as WSL's 8-bit string; undefined when WSL dropped the line. */
  readonly value: string | undefined;
}

/** Everything a scan found. */
export interface ConfigScan {
  readonly sections: readonly SectionHeader[];
  readonly keys: readonly KeyLine[];
  readonly issues: readonly SyntaxIssue[];
}

const EOF = '';

const isAlpha = (c: string): boolean => /^[A-Za-z]$/.test(c);
const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);
const isHSpace = (c: string): boolean => c === ' ' || c === '\t';

/**
 * Reads the text as the CRT's text mode hands it to WSL: CR LF arrives as one LF; every other code unit as it is.
 * Offsets and physical line numbers refer to the original text.
 */
class TextReader {
  private index = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) this.lineStarts.push(i + 1);
    }
  }

  /** Offset of the next character to be read. */
  get offset(): number {
    return this.index;
  }

  next(): string {
    if (this.index >= this.text.length) return EOF;
    const c = this.text[this.index] ?? EOF;
    if (c === '\r' && this.text[this.index + 1] === '\n') {
      this.index += 2;
      return '\n';
    }
    this.index += 1;
    return c;
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/** WSL stores each UTF-16 code unit of a value as its low byte; a byte that was not valid UTF-8 arrives as U+FFFD. */
function toWslChar(c: string): string {
  const unit = c.charCodeAt(0);
  if (unit < 0x80) return c;
  const lowByte = unit >= 0xdc80 && unit <= 0xdcff ? 0xfd : unit & 0xff;
  return String.fromCharCode(lowByte);
}

/** Scan .wslconfig text exactly as WSL's parser walks it. */
export function scanWslConfig(text: string): ConfigScan {
  const reader = new TextReader(text);
  const sections: SectionHeader[] = [];
  const keys: KeyLine[] = [];
  const issues: SyntaxIssue[] = [];
  // WSL keeps one buffer for the section name and the current key; a key takes the buffer's first
  // `sectionLength` characters as its section, even when a failed header overwrote them.
  let buffer = '';
  let sectionLength = 0;
  let c: string;
  let at = 0;

  /** Read the next character; `at` becomes its offset. */
  const read = (): string => {
    at = reader.offset;
    return reader.next();
  };
  const issue = (kind: SyntaxIssueKind, char: string, key?: string): void => {
    issues.push({ kind, line: reader.lineOf(at), offset: at, char, ...(key === undefined ? {} : { key }) });
  };
  /** Skip what is left of a line WSL rejected; returns the LF (or EOF) it stopped at. */
  const skipRestOfLine = (from: string): string => {
    let ch = from;
    while (ch !== EOF && ch !== '\n') ch = read();
    return ch;
  };
  /** Skip a `#` comment to the end of its line. */
  const skipComment = (): void => {
    let ch: string;
    do {
      ch = read();
      if (ch === '\r') ch = read();
    } while (ch !== '\n' && ch !== EOF);
  };

  for (;;) {
    do c = read();
    while (isHSpace(c));
    if (c === EOF) break;
    if (c === '\n' || c === '\r') continue;
    if (c === '#') {
      skipComment();
      continue;
    }
    if (c === '[') {
      const headerStart = at;
      c = read();
      if (!isAlpha(c)) {
        issue('invalid-section-name', c);
        skipRestOfLine(c);
        continue;
      }
      buffer = '';
      do {
        buffer += c;
        c = read();
      } while (isAlnum(c));
      if (c !== ']') {
        issue('unclosed-section', c);
        skipRestOfLine(c);
        continue;
      }
      const headerEnd = reader.offset;
      do c = read();
      while (isHSpace(c));
      if (c !== EOF && c !== '\n' && c !== '\r' && c !== '#') {
        issue('junk-after-section', c);
        skipRestOfLine(c);
        continue;
      }
      sectionLength = buffer.length;
      sections.push({
        name: buffer,
        line: reader.lineOf(headerStart),
        span: { start: headerStart, end: headerEnd },
      });
      if (c === '#') skipComment();
      continue;
    }
    if (!isAlpha(c)) {
      issue('invalid-key-name', c);
      skipRestOfLine(c);
      continue;
    }

    buffer = buffer.slice(0, sectionLength).padEnd(sectionLength, '\0') + (sectionLength > 0 ? '.' : '');
    const nameStart = at;
    let name = '';
    do {
      name += c;
      c = read();
    } while (isAlnum(c));
    const nameEnd = at;
    buffer += name;
    const fullName = buffer.split('\0')[0] ?? '';
    while (isHSpace(c)) c = read();
    if (c !== '=') {
      issue('missing-equals', c, fullName);
      skipRestOfLine(c);
      continue;
    }
    do c = read();
    while (isHSpace(c));

    const valueStart = at;
    let valueEnd = at;
    let value = '';
    let trimmed = 0;
    let inQuote = false;
    let dropped = false;
    while (c !== EOF && c !== '\n' && c !== '\r') {
      if (c === '"') {
        inQuote = !inQuote;
      } else if (c === '\\') {
        const escaped = read();
        if (escaped === '\\' || escaped === '"') value += escaped;
        else if (escaped === 'b') value += '\b';
        else if (escaped === 'n') value += '\n';
        else if (escaped === 't') value += '\t';
        else if (escaped !== '\n') {
          issue('invalid-escape', escaped, fullName);
          dropped = true;
          c = escaped;
          break;
        }
        trimmed = value.length;
        valueEnd = reader.offset;
        c = read();
        continue;
      } else if (c === '#' && !inQuote) {
        break;
      } else {
        value += toWslChar(c);
      }
      if (!isHSpace(c)) {
        trimmed = value.length;
        valueEnd = reader.offset;
      }
      c = read();
    }
    if (!dropped && inQuote) {
      issue('unclosed-quote', c, fullName);
      dropped = true;
    }
    const entry = {
      line: reader.lineOf(nameStart),
      lastLine: reader.lineOf(Math.max(valueStart, valueEnd - 1)),
      name,
      nameSpan: { start: nameStart, end: nameEnd },
      fullName,
      valueSpan: { start: valueStart, end: Math.max(valueStart, valueEnd) },
    };
    if (dropped) {
      keys.push({ ...entry, value: undefined });
      skipRestOfLine(c);
      continue;
    }
    keys.push({ ...entry, value: value.slice(0, trimmed).split('\0')[0] ?? '' });
    if (c === '#') skipComment();
  }
  return { sections, keys, issues };
}
