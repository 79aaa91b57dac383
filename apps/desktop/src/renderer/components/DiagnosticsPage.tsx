import type { DoctorFinding } from '@headroom/contract';
import { useEffect, useRef } from 'react';
import { useDoctor } from '../state/store-context';
import { DiffLines } from './DiffLines';
import { ErrorAlert } from './ErrorAlert';
import { FindingEvidence, FindingSource } from './FindingParts';
import { HealthLight } from './HealthLight';
import { ShutdownVerify } from './ShutdownVerify';
import { SupportBundleCard } from './SupportBundleCard';

const GROUPS: readonly { severity: DoctorFinding['severity']; title: string }[] = [
  { severity: 'error', title: 'Broken' },
  { severity: 'warning', title: 'Needs attention' },
  { severity: 'info', title: 'Good to know' },
];

/** A time of day as the user's locale writes it. */
function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The diff of a .wslconfig fix, with Apply (Enter) and Cancel (Esc). */
function FixPreview() {
  const preview = useDoctor((s) => s.preview);
  const fixing = useDoctor((s) => s.fixing);
  const applyFix = useDoctor((s) => s.applyFix);
  const cancelFix = useDoctor((s) => s.cancelFix);
  const apply = useRef<HTMLButtonElement>(null);
  // The diff is what the user came for: the button that applies it takes the focus.
  useEffect(() => apply.current?.focus(), [preview]);
  if (!preview) return null;
  return (
    <section
      className="fix-preview"
      aria-labelledby="fix-preview-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancelFix();
      }}
    >
      <h3 id="fix-preview-title">{preview.label}</h3>
      <p>
        This changes <code>{preview.path}</code> as shown; every other byte stays. A backup is kept.
      </p>
      <DiffLines lines={preview.diff} label="The change to .wslconfig" />
      <div className="card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={fixing}
          onClick={() => void applyFix()}
          ref={apply}
        >
          {fixing ? 'Applying…' : 'Apply the fix'}
        </button>
        <button type="button" className="button" onClick={cancelFix} disabled={fixing}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** One finding: title, one line of evidence, Fix (diff first, or the steps), Why? (the source) and Mute. */
function FindingRow({ finding }: { readonly finding: DoctorFinding }) {
  const previewFix = useDoctor((s) => s.previewFix);
  const previewing = useDoctor((s) => s.preview?.findingId === finding.id);
  const mute = useDoctor((s) => s.mute);
  const evidence = finding.evidence[0];
  return (
    <li className={`finding finding--${finding.severity}`} data-finding={finding.id}>
      <p className="finding__title">{finding.title}</p>
      {evidence ? (
        <p className="finding__evidence-line">
          <code>{evidence}</code>
        </p>
      ) : null}
      <div className="finding__actions">
        {finding.fix.runnable ? (
          <button
            type="button"
            className="button button--primary"
            aria-expanded={previewing}
            onClick={() => void previewFix(finding.id)}
          >
            Fix
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          aria-pressed={finding.muted}
          onClick={() => void mute(finding.id, !finding.muted)}
        >
          {finding.muted ? 'Unmute' : 'Mute'}
          <span className="visually-hidden"> {finding.title}</span>
        </button>
      </div>
      {!finding.fix.runnable ? (
        <details className="finding__fix">
          <summary>Fix: {finding.fix.label}</summary>
          {finding.fix.steps.length > 0 ? (
            <ol className="finding__steps">
              {finding.fix.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          ) : null}
          {finding.fix.url ? (
            <p>
              <a href={finding.fix.url} target="_blank" rel="noreferrer">
                {finding.fix.url}
              </a>
            </p>
          ) : null}
        </details>
      ) : null}
      <details className="finding__why">
        <summary>Why?</summary>
        <p>{finding.explanation}</p>
        {finding.evidence.length > 1 ? <FindingEvidence evidence={finding.evidence} /> : null}
        <FindingSource label="Source:" source={finding.source} />
      </details>
      {previewing ? <FixPreview /> : null}
    </li>
  );
}

/**
 * Diagnostics: the doctor's findings grouped by severity, each with its evidence, its fix and its source; "Run
 * checks again" with the time of the last run, what could not be checked, and the support bundle.
 */
export function DiagnosticsPage() {
  const report = useDoctor((s) => s.report);
  const checking = useDoctor((s) => s.checking);
  const notice = useDoctor((s) => s.notice);
  const error = useDoctor((s) => s.error);
  const load = useDoctor((s) => s.load);
  const check = useDoctor((s) => s.check);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = report?.findings.filter((finding) => !finding.muted) ?? [];
  const muted = report?.findings.filter((finding) => finding.muted) ?? [];
  const wrote = notice?.startsWith('Done:') === true;
  return (
    <>
      <div className="card diagnostics__head">
        <div>
          {report ? <HealthLight state={report.health} /> : null}
          <p className="card__summary">
            {report ? `Last run at ${timeOf(report.checkedAt)}.` : 'Checking…'} The checks never start WSL.
          </p>
        </div>
        <button type="button" className="button" onClick={() => void check()} disabled={checking}>
          {checking ? 'Checking…' : 'Run checks again'}
        </button>
      </div>
      <p className="status" role="status" aria-live="polite" data-testid="diagnostics-status">
        {notice ?? ''}
      </p>
      <ErrorAlert error={error} />
      {wrote ? (
        <section className="card" aria-labelledby="after-fix-title">
          <h2 id="after-fix-title">Make WSL use it</h2>
          <ShutdownVerify intro="WSL reads .wslconfig only when it starts anew. This shuts it down, starts it again and checks it has what the file says." />
        </section>
      ) : null}
      {report && shown.length === 0 ? <p className="all-good">Nothing needs your attention.</p> : null}
      {GROUPS.map(({ severity, title }) => {
        const findings = shown.filter((finding) => finding.severity === severity);
        if (findings.length === 0) return null;
        return (
          <section key={severity} className="card" aria-labelledby={`findings-${severity}`}>
            <h2 id={`findings-${severity}`}>
              {title} ({findings.length})
            </h2>
            <ul className="findings">
              {findings.map((finding) => (
                <FindingRow key={finding.id} finding={finding} />
              ))}
            </ul>
          </section>
        );
      })}
      {muted.length > 0 ? (
        <section className="card" aria-labelledby="findings-muted">
          <h2 id="findings-muted">Muted ({muted.length})</h2>
          <ul className="findings">
            {muted.map((finding) => (
              <FindingRow key={finding.id} finding={finding} />
            ))}
          </ul>
        </section>
      ) : null}
      {report && report.notChecked.length > 0 ? (
        <section className="card" aria-labelledby="not-checked">
          <h2 id="not-checked">Not checked</h2>
          <p className="card__summary">Headroom could not read these, so it says nothing about them:</p>
          <ul>
            {report.notChecked.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <SupportBundleCard />
    </>
  );
}
