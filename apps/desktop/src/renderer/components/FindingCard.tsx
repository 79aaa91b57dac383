import type { SetupFinding } from '@headroom/contract';
import { FindingEvidence, FindingSource } from './FindingParts';

/** A finding with its evidence, its fix (a button when Headroom can run it, else the steps) and its source. */
export function FindingCard({
  finding,
  onFix,
  busy = false,
}: {
  finding: SetupFinding;
  /** Runs the fix when Headroom can (a .wslconfig edit); without it the fix is shown as words. */
  onFix?: (findingId: string) => void;
  busy?: boolean;
}) {
  return (
    <li className={`finding finding--${finding.severity}`} data-finding={finding.id}>
      <p className="finding__title">{finding.title}</p>
      <p>{finding.explanation}</p>
      <FindingEvidence evidence={finding.evidence} />
      {finding.fix.runnable && onFix ? (
        <button type="button" className="button" disabled={busy} onClick={() => onFix(finding.id)}>
          {finding.fix.label}
        </button>
      ) : finding.fix.steps.length > 0 ? (
        <div>
          <p>{finding.fix.label}:</p>
          <ol className="finding__steps">
            {finding.fix.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ) : finding.fix.url ? (
        <p>
          <a href={finding.fix.url} target="_blank" rel="noreferrer">
            {finding.fix.label}
          </a>
        </p>
      ) : (
        <p>Fix: {finding.fix.label}</p>
      )}
      <FindingSource label="Why?" source={finding.source} />
    </li>
  );
}
