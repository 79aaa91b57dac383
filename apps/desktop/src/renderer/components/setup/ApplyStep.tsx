import { useEffect } from 'react';
import { tickedEdits } from '../../state/setup-store';
import { useSetup, useVerify, useWsl } from '../../state/store-context';
import { useShutdownConfirm } from '../useShutdownConfirm';
import { CheckTable, Verdict, VerifyStatusLine } from '../VerifyOutcome';
import { gib } from './format';

/** WSL's memory before the setup and after the verification, when both were read. */
export function MemoryBeforeAfter({
  before,
  after,
}: {
  before: number | undefined;
  after: number | undefined;
}) {
  if (after === undefined) return null;
  return (
    <p className="memory-after" data-testid="memory-after">
      WSL memory: {before === undefined ? '' : <>before {gib(before)} → </>}
      now <strong>{gib(after)}</strong>.
    </p>
  );
}

/**
 * Step 4: write the ticked changes (a backup first), shut WSL down (asking first, naming what runs), boot it and
 * prove it has what .wslconfig says; a clear pass or fail, with retry and roll back.
 */
export function ApplyStep() {
  const edits = tickedEdits(useSetup((s) => s.edits));
  const before = useSetup((s) => s.check?.wslMemTotalBytes);
  const goTo = useSetup((s) => s.goTo);
  const running = useVerify((s) => s.running);
  const result = useVerify((s) => s.result);
  const run = useVerify((s) => s.run);
  const cancel = useVerify((s) => s.cancel);
  const rollBack = useVerify((s) => s.rollBack);
  const clear = useVerify((s) => s.clear);
  const resultFor = useVerify((s) => s.request);
  const loadDistros = useWsl((s) => s.load);
  const editsKey = JSON.stringify(edits);
  // A result for these same edits stays (Back from Done keeps it); one for other edits is cleared.
  const stale = resultFor !== undefined && JSON.stringify(resultFor.edits) !== editsKey;
  useEffect(() => {
    if (stale) clear();
    void loadDistros();
  }, [stale, clear, loadDistros]);
  const confirm = useShutdownConfirm((stopRunning) => void run({ edits, stopRunning }));

  return (
    <div className="step" aria-busy={running}>
      <p>
        {edits.length === 0
          ? 'No changes to write. Headroom shuts WSL down, starts it again and proves it runs with your .wslconfig.'
          : `Headroom writes ${edits.map((edit) => `${edit.key}=${edit.value}`).join(', ')} (keeping a backup), shuts WSL down, starts it again and proves WSL applied it.`}
      </p>
      <div className="card__actions step__actions">
        <button type="button" className="button" onClick={() => goTo(3)} disabled={running}>
          Back
        </button>
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className={result?.ok ? 'button' : 'button button--primary'}
            onClick={confirm.ask}
          >
            {result ? 'Try again' : edits.length === 0 ? 'Verify now' : 'Apply and verify'}
          </button>
        )}
        {result?.ok && !running ? (
          <button type="button" className="button button--primary" onClick={() => goTo(5)}>
            Next: finish
          </button>
        ) : null}
      </div>
      <VerifyStatusLine />
      {result && !running ? (
        <>
          <Verdict result={result} onRollBack={() => void rollBack()} />
          <MemoryBeforeAfter before={before} after={result.wslMemTotalBytes} />
          {result.checks.length > 0 ? <CheckTable checks={result.checks} /> : null}
        </>
      ) : null}
      {confirm.dialog}
    </div>
  );
}
