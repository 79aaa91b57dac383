/** One line of a line diff: kept, only in the old text, or only in the new one. */
export interface DiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/**
 * A line diff as monospace text: a sign and a word for screen readers on each changed line (never colour alone),
 * `added` and `removed` saying what the two sides are (e.g. "in the file now" / "only in this version").
 */
export function DiffLines({
  lines,
  label,
  words = { added: 'added', removed: 'removed' },
}: {
  lines: readonly DiffLine[];
  label: string;
  words?: { readonly added: string; readonly removed: string };
}) {
  return (
    <pre className="diff" aria-label={label}>
      {lines.length === 0 ? (
        <span className="diff__line">(the file is empty)</span>
      ) : (
        lines.map((line, index) => (
          <span key={index} className={`diff__line diff__line--${line.kind}`} data-kind={line.kind}>
            <span className="visually-hidden">
              {line.kind === 'same' ? '' : `${line.kind === 'added' ? words.added : words.removed}: `}
            </span>
            <span aria-hidden="true">
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
            </span>
            {line.text}
            {'\n'}
          </span>
        ))
      )}
    </pre>
  );
}
