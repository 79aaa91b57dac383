import { useEffect } from 'react';
import { useHealth, useHistory, useVerify } from '../state/store-context';
import { useShutdownConfirm } from './useShutdownConfirm';

/**
 * On the overview, when the light is not green: names the newest Windows Update or driver change in the event log
 * and offers to re-verify (shut WSL down, start it, check), asking first when distributions run.
 */
export function UpdateNotice() {
  const health = useHealth((s) => s.health);
  const history = useHistory((s) => s.history);
  const loadHistory = useHistory((s) => s.load);
  const run = useVerify((s) => s.run);
  const verifying = useVerify((s) => s.running);
  const confirm = useShutdownConfirm((stopRunning) => void run({ edits: [], stopRunning }));
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  const latest = history?.timeline.find(
    (entry) => entry.kind === 'windows-update' || entry.kind === 'driver-change',
  );
  if (!health || health.health === 'grey') return null;
  if (health.health === 'green' && health.changes.length === 0) return null;
  if (!latest && health.changes.length === 0) return null;

  return (
    <section className="card update-notice" aria-labelledby="update-notice-title" data-entry={latest?.id}>
      <header className="card__header">
        <div>
          <h2 id="update-notice-title">{latest?.title ?? 'Your setup changed since it was verified'}</h2>
          <p className="card__summary">
            {latest
              ? `${new Date(latest.time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}. `
              : ''}
            {health.changes.length > 0 ? `Since the last verified setup: ${health.changes.join(', ')}. ` : ''}
            Now: {health.summary}. Windows Updates and driver installs can break GPU passthrough
            (Headroom&apos;s rule of thumb, as when Windows build 21327 broke it, microsoft/WSL#6617);
            re-verify to see what changed.
          </p>
        </div>
        <div className="card__actions">
          <button type="button" className="button button--primary" disabled={verifying} onClick={confirm.ask}>
            {verifying ? 'Verifying…' : 'Re-verify'}
          </button>
        </div>
      </header>
      {confirm.dialog}
    </section>
  );
}
