import { useId, useState, type SyntheticEvent } from 'react';
import { useVerify } from '../state/store-context';
import { useShutdownConfirm } from './useShutdownConfirm';
import { CancelVerifyButton, VerifyProgressAndResult } from './VerifyOutcome';

/**
 * Apply and verify: optionally set WSL's memory, then shut WSL down (asking first when distros run), boot it
 * and show, check by check, whether it has what .wslconfig says.
 */
export function VerifyCard() {
  const running = useVerify((s) => s.running);
  const run = useVerify((s) => s.run);
  const memoryId = useId();
  const [memory, setMemory] = useState('');
  const memoryValid = memory === '' || /^\d{1,4}$/.test(memory.trim());

  const start = (stopRunning: boolean): void => {
    const edits = memory.trim() === '' ? [] : [{ key: 'memory' as const, value: `${memory.trim()}GB` }];
    void run({ edits, stopRunning });
  };
  const confirm = useShutdownConfirm(start);
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!memoryValid || running) return;
    confirm.ask();
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
          <CancelVerifyButton />
        </div>
      </form>
      <VerifyProgressAndResult />
      {confirm.dialog}
    </section>
  );
}
