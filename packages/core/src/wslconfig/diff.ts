import { splitLines } from './text-lines';

/** One line of a diff: kept, removed from the old text, or added in the new one. */
export interface DiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
  /** 1-based line in the old text (kept and removed lines). */
  readonly oldLine?: number;
  /** 1-based line in the new text (kept and added lines). */
  readonly newLine?: number;
}

const MAX_CELLS = 4_000_000;

function lineTexts(text: string): string[] {
  const lines = splitLines(text);
  const last = lines[lines.length - 1];
  if (last?.text === '' && last.eol === '' && lines.length > 1) lines.pop();
  return lines.map((line) => line.text);
}

/**
 * A line diff of two texts by longest common subsequence (configuration files are small). Line ends are not
 * compared, so a file saved with other line ends shows no changed lines.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = lineTexts(oldText);
  const b = lineTexts(newText);
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((text, index) => ({ kind: 'removed' as const, text, oldLine: index + 1 })),
      ...b.map((text, index) => ({ kind: 'added' as const, text, newLine: index + 1 })),
    ];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] ?? '', oldLine: i + 1, newLine: j + 1 });
      i += 1;
      j += 1;
    } else if (
      i < a.length &&
      (j >= b.length || (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))
    ) {
      out.push({ kind: 'removed', text: a[i] ?? '', oldLine: i + 1 });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j] ?? '', newLine: j + 1 });
      j += 1;
    }
  }
  return out;
}

/** A unified diff (`---`/`+++`, `@@` hunks with `context` lines around each change); empty when nothing changed. */
export function formatUnifiedDiff(
  oldName: string,
  newName: string,
  oldText: string,
  newText: string,
  context = 3,
): string {
  const lines = diffLines(oldText, newText);
  const changed = lines
    .map((line, index) => (line.kind === 'same' ? -1 : index))
    .filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(lines.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const [start, end] of hunks) {
    const slice = lines.slice(start, end + 1);
    const oldStart = slice.find((line) => line.oldLine !== undefined)?.oldLine ?? 0;
    const newStart = slice.find((line) => line.newLine !== undefined)?.newLine ?? 0;
    const oldCount = slice.filter((line) => line.kind !== 'added').length;
    const newCount = slice.filter((line) => line.kind !== 'removed').length;
    out.push(
      `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`,
    );
    for (const line of slice)
      out.push(`${line.kind === 'same' ? ' ' : line.kind === 'removed' ? '-' : '+'}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}
