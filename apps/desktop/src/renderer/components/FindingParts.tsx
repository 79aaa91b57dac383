import type { SetupFinding } from '@headroom/contract';

/** A finding's evidence, one line of program output each, as code; nothing when it has none. */
export function FindingEvidence({ evidence }: { readonly evidence: SetupFinding['evidence'] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="finding__evidence" aria-label="Evidence">
      {evidence.map((line) => (
        <li key={line}>
          <code>{line}</code>
        </li>
      ))}
    </ul>
  );
}

/** Where a finding's claim comes from: a link when it is a web page, else the words (Headroom's rule of thumb). */
export function FindingSource({ label, source }: { readonly label: string; readonly source: string }) {
  return (
    <p className="finding__source">
      {label}{' '}
      {source.startsWith('https://') ? (
        <a href={source} target="_blank" rel="noreferrer">
          {source}
        </a>
      ) : (
        source
      )}
    </p>
  );
}
