import { useEffect, useState } from 'react';
import { useWsl } from '../state/store-context';
import { DistroTable } from './DistroTable';
import { ShutdownDialog } from './ShutdownDialog';
import { ErrorAlert } from './ErrorAlert';

/** The first page: WSL's distros with their states, and a "Shut down WSL" button that asks first. */
export function WslPage() {
  const snapshot = useWsl((s) => s.snapshot);
  const loading = useWsl((s) => s.loading);
  const shuttingDown = useWsl((s) => s.shuttingDown);
  const error = useWsl((s) => s.error);
  const notice = useWsl((s) => s.notice);
  const load = useWsl((s) => s.load);
  const shutdown = useWsl((s) => s.shutdown);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const running = snapshot?.distros.filter((d) => d.state === 'Running').map((d) => d.name) ?? [];

  return (
    <section className="card" aria-labelledby="wsl-title" aria-busy={loading || shuttingDown}>
      <header className="card__header">
        <div>
          <h2 id="wsl-title">WSL distributions</h2>
          <p className="card__summary">
            {snapshot === undefined
              ? loading
                ? 'Reading WSL distributions…'
                : ' '
              : running.length > 0
                ? `${running.length} of ${snapshot.distros.length} running`
                : 'WSL is stopped. That is normal: it starts when you open a distribution.'}
          </p>
        </div>
        <div className="card__actions">
          <button
            type="button"
            className="button"
            onClick={() => void load()}
            disabled={loading || shuttingDown}
          >
            Check again
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setConfirming(true)}
            disabled={shuttingDown || snapshot === undefined}
          >
            {shuttingDown ? 'Shutting down…' : 'Shut down WSL'}
          </button>
        </div>
      </header>

      <ErrorAlert error={error} detailSummary="Show what WSL printed" />

      {snapshot ? <DistroTable distros={snapshot.distros} /> : null}

      <p className="status" role="status" aria-live="polite">
        {notice ?? ''}
      </p>

      <ShutdownDialog
        open={confirming}
        running={running}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void shutdown();
        }}
      />
    </section>
  );
}
