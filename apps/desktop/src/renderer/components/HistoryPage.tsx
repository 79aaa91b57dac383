import { useEffect } from 'react';
import { useHistory } from '../state/store-context';
import { ErrorAlert } from './ErrorAlert';
import { when, WslconfigVersions } from './WslconfigVersions';

const KIND_WORDS = {
  'windows-update': 'Windows Update',
  'driver-change': 'Driver',
  'display-reset': 'Display reset',
  'inference-crash': 'Crash',
  restart: 'Restart',
} as const;

/**
 * The history: Windows Updates, driver changes, display resets, crashes and restarts from the event log (what the
 * last health check read), and every saved version of .wslconfig with why it was saved.
 */
export function HistoryPage() {
  const history = useHistory((s) => s.history);
  const loading = useHistory((s) => s.loading);
  const error = useHistory((s) => s.error);
  const load = useHistory((s) => s.load);
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
      <WslconfigVersions />
    </>
  );
}
