import type { VerifyResult } from '@headroom/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useVerify, useWsl } from '../state/store-context';
import { ShutdownDialog } from './ShutdownDialog';

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
function CheckTable({ checks }: { checks: VerifyResult['checks'] }) {
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
function Verdict({ result, onRollBack }: { result: VerifyResult; onRollBack: () => void }) {
  if (result.ok) {
    return (
      <p className="verdict verdict--ok">
        Verified: WSL runs with your .wslconfig.
        {result.baselineSaved ? ' Saved as the baseline later changes are compared with.' : ''}
      </p>
    );
  }
  return (
    <div className="alert" role="alert">
      <p className="alert__title">Not verified. {result.reason ?? failedChecks(result.checks)}</p>
      {result.ignoredLines.length > 0 ? (
        <ul className="ignored-lines">
          {result.ignoredLines.map((line) => (
            <li key={line.line}>{line.why}</li>
          ))}
        </ul>
      ) : null}
      {result.canRollBack ? (
        <button type="button" className="button" onClick={onRollBack}>
          Roll back to the previous .wslconfig
        </button>
      ) : null}
    </div>
  );
}

/**
 * Apply and verify: optionally set WSL's memory, then shut WSL down (asking first when distros run), boot it
 * and show, check by check, whether it has what .wslconfig says.
 */
export function VerifyCard() {
  const running = useVerify((s) => s.running);
  const progress = useVerify((s) => s.progress);
  const result = useVerify((s) => s.result);
  const error = useVerify((s) => s.error);
  const run = useVerify((s) => s.run);
  const cancel = useVerify((s) => s.cancel);
  const rollBack = useVerify((s) => s.rollBack);
  const notice = useVerify((s) => s.notice);
  const distros = useWsl((s) => s.snapshot?.distros);
  const memoryId = useId();
  const [memory, setMemory] = useState('');
  const [confirming, setConfirming] = useState(false);
  const runningDistros = distros?.filter((d) => d.state === 'Running').map((d) => d.name) ?? [];
  const memoryValid = memory === '' || /^\d{1,4}$/.test(memory.trim());

  const start = (stopRunning: boolean): void => {
    const edits = memory.trim() === '' ? [] : [{ key: 'memory' as const, value: `${memory.trim()}GB` }];
    void run({ edits, stopRunning });
  };
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!memoryValid || running) return;
    if (runningDistros.length > 0) setConfirming(true);
    else start(false);
  };

  return (
    <section className="card" aria-labelledby="verify-title" aria-busy={running}>
      <header className="card__header">
        <div>
          <h2 id="verify-title">Apply and verify</h2>
          <p className="card__summary">
            WSL reads .wslconfig only when it starts anew. This shuts it down, starts it again and checks it.
          </p>
        </div>
      </header>
      <form className="verify-form" onSubmit={onSubmit}>
        <label htmlFor={memoryId}>Memory for WSL, in GB (empty keeps the file as it is)</label>
        <input
          id={memoryId}
          name="memory"
          inputMode="numeric"
          value={memory}
          onChange={(event) => setMemory(event.target.value)}
          aria-invalid={!memoryValid}
          disabled={running}
        />
        {memoryValid ? null : <p className="field-error">Enter a whole number of gigabytes, such as 16.</p>}
        <div className="card__actions">
          <button type="submit" className="button button--primary" disabled={running || !memoryValid}>
            {running ? 'Verifying…' : memory.trim() === '' ? 'Verify now' : 'Apply and verify'}
          </button>
          {running ? (
            <button type="button" className="button" onClick={() => void cancel()}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      <p className="status" role="status" aria-live="polite">
        {progress ?? notice ?? ''}
      </p>
      {error ? (
        <div className="alert" role="alert">
          <p className="alert__title">{error.message}</p>
        </div>
      ) : null}
      {result ? <Verdict result={result} onRollBack={() => void rollBack()} /> : null}
      {result && result.checks.length > 0 ? <CheckTable checks={result.checks} /> : null}
      <ShutdownDialog
        open={confirming}
        running={runningDistros}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          start(true);
        }}
      />
    </section>
  );
}
