import { useVerify } from '../state/store-context';
import { useShutdownConfirm } from './useShutdownConfirm';
import { CancelVerifyButton, VerifyProgressAndResult } from './VerifyOutcome';

/**
 * "Shut down WSL and verify" for a .wslconfig already written (after a fix or a save): asks before stopping running
 * distributions, then shows the loop's progress and its verdict check by check.
 */
export function ShutdownVerify({ intro }: { readonly intro: string }) {
  const running = useVerify((s) => s.running);
  const run = useVerify((s) => s.run);
  const confirm = useShutdownConfirm((stopRunning) => void run({ edits: [], stopRunning }));
  return (
    <div className="shutdown-verify" aria-busy={running}>
      <p>{intro}</p>
      <div className="card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={running}
          onClick={() => confirm.ask()}
        >
          {running ? 'Verifying…' : 'Shut down WSL and verify'}
        </button>
        <CancelVerifyButton />
      </div>
      <VerifyProgressAndResult />
      {confirm.dialog}
    </div>
  );
}
