import { useEffect, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { DiffLines } from './DiffLines';
import { useHistory } from '../state/store-context';
import { ErrorAlert } from './ErrorAlert';

const KIND_WORDS = {
  'windows-update': 'Windows Update',
  'driver-change': 'Driver',
  'display-reset': 'Display reset',
  'inference-crash': 'Crash',
  restart: 'Restart',
} as const;

/** A time as the page prints it: date and minute, in the user's locale. */
function when(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime())
    ? time
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The history: Windows Updates, driver changes, display resets, crashes and restarts from the event log (what the
 * last health check read), and every saved version of .wslconfig with why it was saved.
 */
export function HistoryPage() {
  const history = useHistory((s) => s.history);
  const loading = useHistory((s) => s.loading);
  const error = useHistory((s) => s.error);
  const load = useHistory((s) => s.load);
  const diff = useHistory((s) => s.diff);
  const showDiff = useHistory((s) => s.showDiff);
  const restore = useHistory((s) => s.restore);
  const notice = useHistory((s) => s.notice);
  const [restoring, setRestoring] = useState<string | undefined>();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <section className="card" aria-labelledby="timeline-title" aria-busy={loading}>
        <header className="card__header">
          <div>
            <h2 id="timeline-title">Windows and drivers</h2>
            <p className="card__summary">
              Updates, driver installs, display resets, crashes of inference programs and restarts, newest
              first: the usual reasons a working setup stops working overnight.
            </p>
          </div>
        </header>
        <ErrorAlert error={error} />
        {history?.timeline.length === 0 ? (
          <p className="empty">Nothing in the event log that touches the WSL GPU setup.</p>
        ) : null}
        {history && history.timeline.length > 0 ? (
          <table className="distros timeline">
            <caption className="visually-hidden">Windows events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Event</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {history.timeline.map((entry) => (
                <tr key={entry.id} data-kind={entry.kind}>
                  <td>{when(entry.time)}</td>
                  <td>{KIND_WORDS[entry.kind]}</td>
                  <th scope="row">{entry.title}</th>
                  <td className="timeline__detail">{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="card" aria-labelledby="versions-title">
        <header className="card__header">
          <div>
            <h2 id="versions-title">.wslconfig versions</h2>
            <p className="card__summary">Headroom keeps a copy before every change it writes.</p>
          </div>
        </header>
        {history?.wslconfig.length === 0 ? <p className="empty">No saved versions yet.</p> : null}
        {history && history.wslconfig.length > 0 ? (
          <table className="distros">
            <caption className="visually-hidden">Saved versions of .wslconfig</caption>
            <thead>
              <tr>
                <th scope="col">Saved</th>
                <th scope="col">Why</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.wslconfig.map((version) => (
                <tr key={version.id} data-version={version.id}>
                  <td>{when(version.savedAt)}</td>
                  <td>{version.reason}</td>
                  <td className="versions__actions">
                    <button
                      type="button"
                      className="button"
                      aria-expanded={diff?.id === version.id}
                      onClick={() => void showDiff(diff?.id === version.id ? undefined : version.id)}
                    >
                      {diff?.id === version.id ? 'Hide changes' : 'Changes since'}
                    </button>
                    <button type="button" className="button" onClick={() => setRestoring(version.id)}>
                      Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {diff ? (
          <DiffLines
            lines={diff.lines}
            label="This version against the file now, line by line"
            words={{ added: 'in the file now', removed: 'only in this version' }}
          />
        ) : null}
        <p className="status" role="status" aria-live="polite">
          {notice ?? ''}
        </p>
        <ConfirmDialog
          open={restoring !== undefined}
          title="Restore this version of .wslconfig?"
          body="Headroom keeps the file as it is now in the history first, then writes this version back. WSL reads it at its next start."
          confirmLabel="Restore"
          onCancel={() => setRestoring(undefined)}
          onConfirm={() => {
            if (restoring) void restore(restoring);
            setRestoring(undefined);
          }}
        />
      </section>
    </>
  );
}
