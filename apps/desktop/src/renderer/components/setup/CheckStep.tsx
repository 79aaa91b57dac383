import type { SetupCheck, SetupFinding } from '@headroom/contract';
import { useEffect } from 'react';
import { STEP } from '../../state/setup-store';
import { useSetup } from '../../state/store-context';
import { FindingCard } from '../FindingCard';
import { gib } from './format';

const STATUS_WORDS: Readonly<Record<SetupCheck['status'], string>> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  unknown: 'Not checked',
};

/** A finding of the checks, with its fix button wired to the setup store. */
function FindingView({ finding }: { finding: SetupFinding }) {
  const fix = useSetup((s) => s.fix);
  const checking = useSetup((s) => s.checking);
  return <FindingCard finding={finding} onFix={(id) => void fix(id)} busy={checking} />;
}

function Gate({ check }: { check: SetupCheck }) {
  return (
    <li className={`gate gate--${check.status}`} data-gate={check.id}>
      <div className="gate__head">
        <span className={`state state--${check.status === 'pass' ? 'running' : 'busy'}`}>
          <span className="state__icon" aria-hidden="true" />
          {STATUS_WORDS[check.status]}
        </span>
        <span className="gate__title">{check.title}</span>
      </div>
      <p className="gate__summary">{check.summary}</p>
      {check.findings.length > 0 ? (
        <ul className="findings">
          {check.findings.map((finding) => (
            <FindingView key={finding.id} finding={finding} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * Step 1: WSL present and current, the distro on WSL 2, a GPU on the host and inside WSL, each with what was seen
 * and the fix when it fails. The checks run by themselves when the step opens without a result; "Next" waits until
 * no gate fails (GPU failures may be passed over, for the CPU).
 */
export function CheckStep() {
  const check = useSetup((s) => s.check);
  const checking = useSetup((s) => s.checking);
  const runCheck = useSetup((s) => s.runCheck);
  const goTo = useSetup((s) => s.goTo);
  const failed = useSetup((s) => s.error !== undefined);

  // No button for what can happen by itself: a step without a result checks at once (a failure waits for "Check again").
  useEffect(() => {
    if (!check && !failed) void runCheck();
  }, [check, failed, runCheck]);

  return (
    <div className="step">
      <p>
        Headroom looks at WSL, your Linux distribution and the GPU, from Windows and from inside Linux.
        Checking starts WSL if it is stopped.
      </p>
      {check ? (
        <>
          <ul className="gates" aria-label="Checks">
            {check.checks.map((gate) => (
              <Gate key={gate.id} check={gate} />
            ))}
          </ul>
          {check.wslMemTotalBytes === undefined ? null : (
            <p className="memory-before" data-testid="memory-before">
              WSL memory now: <strong>{gib(check.wslMemTotalBytes)}</strong>
              {check.distro ? ` (MemTotal in ${check.distro})` : ''}
              {check.current.memory ? `; .wslconfig says memory=${check.current.memory}.` : '.'}
            </p>
          )}
          {check.otherFindings.length > 0 ? (
            <section aria-labelledby="also-found">
              <h3 id="also-found">Also found</h3>
              <ul className="findings">
                {check.otherFindings.map((finding) => (
                  <FindingView key={finding.id} finding={finding} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      <div className="card__actions step__actions">
        <button type="button" className="button" onClick={() => void runCheck()} disabled={checking}>
          {checking ? 'Checking…' : 'Check again'}
        </button>
        {check?.ready ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => goTo(STEP.goal)}
            disabled={checking}
          >
            Next: your model
          </button>
        ) : check?.gpuOnly ? (
          <button type="button" className="button" onClick={() => goTo(STEP.goal)} disabled={checking}>
            Go on without the GPU
          </button>
        ) : null}
      </div>
    </div>
  );
}
