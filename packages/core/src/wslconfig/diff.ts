import { diffArrays } from 'diff';
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

/**
 * How many removed plus added lines the diff looks for before it gives up on the middle of two texts that share
 * little. Myers' algorithm costs time in proportion to the file times this, so it stays bounded for any file the
 * store accepts (at most 1 MiB).
 */
const MAX_EDIT_LENGTH = 5_000;

function lineTexts(text: string): string[] {
  const lines = splitLines(text);
  const last = lines[lines.length - 1];
  if (last?.text === '' && last.eol === '' && lines.length > 1) lines.pop();
  return lines.map((line) => line.text);
}

/**
 * A line diff of two texts: the shortest edit script by Myers' algorithm (the `diff` package), linear in memory,
 * so a one-line change to a file of thousands of lines is one removed and one added line. Line ends are not
 * compared, so a file saved with other line ends shows no changed lines. When the texts differ in more than a few
 * thousand lines, the lines between their common start and end are shown as removed, then added.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = lineTexts(oldText);
  const b = lineTexts(newText);
  const out: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  const push = (kind: DiffLine['kind'], texts: readonly string[]): void => {
    for (const text of texts) {
      if (kind === 'same') out.push({ kind, text, oldLine: oldLine++, newLine: newLine++ });
      else if (kind === 'removed') out.push({ kind, text, oldLine: oldLine++ });
      else out.push({ kind, text, newLine: newLine++ });
    }
  };
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes) {
    for (const change of changes)
      push(change.removed ? 'removed' : change.added ? 'added' : 'same', change.value);
    return out;
  }
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;
  push('same', a.slice(0, head));
  push('removed', a.slice(head, a.length - tail));
  push('added', b.slice(head, b.length - tail));
  push('same', a.slice(a.length - tail));
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
