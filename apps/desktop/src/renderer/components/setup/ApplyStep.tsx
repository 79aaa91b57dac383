import { useEffect } from 'react';
import { STEP, tickedEdits } from '../../state/setup-store';
import { useSetup, useVerify } from '../../state/store-context';
import { useShutdownConfirm } from '../useShutdownConfirm';
import { CheckTable, Verdict, VerifyStatusLine } from '../VerifyOutcome';
import { gib } from './format';
import { GoalVerdict } from './GoalVerdict';

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
 * Step 3: write the ticked changes (a backup first), shut WSL down (asking first, naming what runs), boot it and
 * prove it has what .wslconfig says; a clear pass or fail, whether the goal fits now, retry (after a failure) and
 * roll back. The goal step starts it; opened without a run (a resume) it offers to start.
 */
export function ApplyStep() {
  const edits = tickedEdits(useSetup((s) => s.edits));
  const before = useSetup((s) => s.check?.wslMemTotalBytes);
  const goTo = useSetup((s) => s.goTo);
  const judgeGoal = useSetup((s) => s.judgeGoal);
  const running = useVerify((s) => s.running);
  const result = useVerify((s) => s.result);
  const run = useVerify((s) => s.run);
  const cancel = useVerify((s) => s.cancel);
  const rollBack = useVerify((s) => s.rollBack);
  const clear = useVerify((s) => s.clear);
  const resultFor = useVerify((s) => s.request);
  const editsKey = JSON.stringify(edits);
  // A result for these same edits stays (Back from Done keeps it); one for other edits is cleared.
  const stale = !running && resultFor !== undefined && JSON.stringify(resultFor.edits) !== editsKey;
  const verified = result?.ok === true && !running;
  useEffect(() => {
    if (stale) clear();
  }, [stale, clear]);
  // Verified says WSL applied the file; whether the model fits is judged anew against it.
  useEffect(() => {
    if (verified) void judgeGoal();
  }, [verified, judgeGoal]);
  const confirm = useShutdownConfirm((stopRunning) => void run({ edits, stopRunning }));

  return (
    <div className="step" aria-busy={running}>
      <p>
        {edits.length === 0
          ? 'No changes to write. Headroom shuts WSL down, starts it again and proves it runs with your .wslconfig.'
          : `Headroom writes ${edits.map((edit) => `${edit.key}=${edit.value}`).join(', ')} (keeping a backup), shuts WSL down, starts it again and proves WSL applied it.`}
      </p>
      <div className="card__actions step__actions">
        <button type="button" className="button" onClick={() => goTo(STEP.goal)} disabled={running}>
          Back
        </button>
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : verified ? null : (
          <button
            type="button"
            className="button button--primary"
            onClick={confirm.ask}
            disabled={confirm.asking}
          >
            {result ? 'Try again' : edits.length === 0 ? 'Verify now' : 'Apply and verify'}
          </button>
        )}
        {verified ? (
          <button type="button" className="button button--primary" onClick={() => goTo(STEP.done)}>
            Next: finish
          </button>
        ) : null}
      </div>
      <VerifyStatusLine />
      {result && !running ? (
        <>
          <Verdict result={result} onRollBack={() => void rollBack()} />
          {verified ? <GoalVerdict /> : null}
          <MemoryBeforeAfter before={before} after={result.wslMemTotalBytes} />
          {result.checks.length > 0 ? <CheckTable checks={result.checks} /> : null}
        </>
      ) : null}
      {confirm.dialog}
    </div>
  );
}
