/** One physical line: its text, the line end it had ('' on a last line without one), and where it starts. */
export interface TextLine {
  readonly text: string;
  readonly eol: '' | '\n' | '\r\n' | '\r';
  readonly start: number;
}

/**
 * Split text into physical lines the way editors count them (CR LF, LF or a lone CR each end a line), keeping
 * each line's own ending so that joining `text + eol` gives back the input exactly.
 */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] as TextLine['eol'], start });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), eol: '', start });
  return lines;
}

/** Join lines back into text. */
export function joinLines(lines: readonly Pick<TextLine, 'text' | 'eol'>[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** The line end most lines of the text use (CR LF for a new or single-line file, as Windows tools write). */
export function dominantEol(lines: readonly TextLine[]): '\n' | '\r\n' | '\r' {
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  for (const line of lines) if (line.eol !== '') counts[line.eol] += 1;
  if (counts['\n'] === 0 && counts['\r\n'] === 0 && counts['\r'] === 0) return '\r\n';
  return counts['\r\n'] >= counts['\n'] && counts['\r\n'] >= counts['\r']
    ? '\r\n'
    : counts['\n'] >= counts['\r']
      ? '\n'
      : '\r';
}

/** Whether text holds a character outside ASCII (WSL keeps only each character's low byte in a value). */
export function hasNonAscii(text: string): boolean {
  return /[\u0080-\uffff]/.test(text);
}
