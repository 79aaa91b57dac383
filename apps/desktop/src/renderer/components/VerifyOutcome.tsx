import type { VerifyResult } from '@headroom/contract';
import { useVerify } from '../state/store-context';
import { FindingCard } from './FindingCard';
import { ErrorAlert } from './ErrorAlert';

const CHECK_NAMES: Readonly<Record<string, string>> = {
  'vm-stopped': 'WSL fully stopped',
  memory: 'Memory',
  processors: 'Processors',
  swap: 'Swap',
  'config-warnings': 'WSL read every line',
  gpu: 'GPU inside WSL',
  'driver-match': 'Driver versions',
};

/** One row per check: a mark and a word (never colour alone), what .wslconfig says, what WSL has, and why. */
export function CheckTable({ checks }: { checks: VerifyResult['checks'] }) {
  return (
    <table className="distros checks">
      <caption className="visually-hidden">What WSL has, against what .wslconfig says</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Expected</th>
          <th scope="col">Observed</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr key={check.id} data-check={check.id} title={check.message}>
            <th scope="row">{CHECK_NAMES[check.id] ?? check.id}</th>
            <td>
              <span className={`state state--${check.ok ? 'running' : 'busy'}`}>
                <span className="state__icon" aria-hidden="true" />
                {check.ok ? 'Pass' : 'Fail'}
              </span>
            </td>
            <td>{check.expected}</td>
            <td>{check.observed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Which checks failed, by name, for a verdict without another reason. */
function failedChecks(checks: VerifyResult['checks']): string {
  const failed = checks.filter((check) => !check.ok).map((check) => CHECK_NAMES[check.id] ?? check.id);
  return failed.length === 0 ? '' : `Failed: ${failed.join(', ')}.`;
}

/** The verdict: pass, or fail with the reason and every .wslconfig line WSL ignored. */
export function Verdict({ result, onRollBack }: { result: VerifyResult; onRollBack: () => void }) {
  if (result.ok) {
    return (
      <p className="verdict verdict--ok">
        Verified: WSL runs with your .wslconfig.
        {result.baselineSaved ? ' Saved as the baseline later changes are compared with.' : ''}
      </p>
    );
  }
  return (
    <ErrorAlert error={{ message: `Not verified. ${result.reason ?? failedChecks(result.checks)}` }}>
      {result.ignoredLines.length > 0 ? (
        <ul className="ignored-lines">
          {result.ignoredLines.map((line) => (
            <li key={line.line}>{line.why}</li>
          ))}
        </ul>
      ) : null}
      {result.findings && result.findings.length > 0 ? (
        <>
          <p className="alert__title">What the doctor found:</p>
          <ul className="findings">
            {result.findings.map((finding) => (
              <FindingCard key={finding.id} finding={finding} />
            ))}
          </ul>
        </>
      ) : null}
      {result.canRollBack ? (
        <button type="button" className="button" onClick={onRollBack}>
          Roll back to the previous .wslconfig
        </button>
      ) : null}
    </ErrorAlert>
  );
}

/** The loop's live line (its step, or what a roll back did) and its error, as every verify view shows them. */
export function VerifyStatusLine() {
  const progress = useVerify((s) => s.progress);
  const notice = useVerify((s) => s.notice);
  const error = useVerify((s) => s.error);
  return (
    <>
      <p className="status" role="status" aria-live="polite">
        {progress ?? notice ?? ''}
      </p>
      <ErrorAlert error={error} />
    </>
  );
}

/** Cancel for the verification under way; nothing while none runs. */
export function CancelVerifyButton() {
  const running = useVerify((s) => s.running);
  const cancel = useVerify((s) => s.cancel);
  if (!running) return null;
  return (
    <button type="button" className="button" onClick={() => void cancel()}>
      Cancel
    </button>
  );
}

/** The live line while the loop runs, then its verdict (with roll back) and one row per check once it has ended. */
export function VerifyProgressAndResult() {
  const result = useVerify((s) => s.result);
  const rollBack = useVerify((s) => s.rollBack);
  return (
    <>
      <VerifyStatusLine />
      {result ? <Verdict result={result} onRollBack={() => void rollBack()} /> : null}
      {result && result.checks.length > 0 ? <CheckTable checks={result.checks} /> : null}
    </>
  );
}
