import { useEffect, useId, useState } from 'react';
import { setShutdownWithoutAsking, shutdownWithoutAsking } from '../state/shutdown-preference';
import { useSettings } from '../state/store-context';
import { ErrorAlert } from './ErrorAlert';

/** Start at sign-in: a check box where this build can set it, else why not. */
function LoginItemField() {
  const loginItem = useSettings((s) => s.loginItem);
  const setLoginItem = useSettings((s) => s.setLoginItem);
  const id = useId();
  if (!loginItem) return null;
  return loginItem.supported ? (
    <p className="field-row">
      <input
        id={id}
        type="checkbox"
        checked={loginItem.enabled}
        onChange={(event) => void setLoginItem(event.target.checked)}
      />
      <label htmlFor={id}>Start Headroom when I sign in to Windows</label>
    </p>
  ) : (
    <p className="card__summary">Starting at sign-in is set by the installed app, not this window.</p>
  );
}

/** The shutdown question's "don't ask again", undone here. */
function ShutdownQuestionField() {
  const [ask, setAsk] = useState(() => !shutdownWithoutAsking());
  const id = useId();
  return (
    <p className="field-row">
      <input
        id={id}
        type="checkbox"
        checked={ask}
        onChange={(event) => {
          setAsk(event.target.checked);
          setShutdownWithoutAsking(!event.target.checked);
        }}
      />
      <label htmlFor={id}>Ask before shutting WSL down while distributions run</label>
    </p>
  );
}

/**
 * Settings: start at sign-in, the shutdown question, notifications per kind, the health-check interval, the metrics CSV log, the data and
 * log folders, the target distro, and the version.
 */
export function SettingsPage() {
  const settings = useSettings((s) => s.settings);
  const notice = useSettings((s) => s.notice);
  const error = useSettings((s) => s.error);
  const load = useSettings((s) => s.load);
  const muteNotification = useSettings((s) => s.muteNotification);
  const openFolder = useSettings((s) => s.openFolder);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <p className="status" role="status" aria-live="polite" data-testid="settings-status">
        {notice ?? ''}
      </p>
      <ErrorAlert error={error} />
      <section className="card" aria-labelledby="settings-start">
        <h2 id="settings-start">Start</h2>
        <LoginItemField />
        <ShutdownQuestionField />
      </section>
      {settings ? (
        <>
          <section className="card" aria-labelledby="settings-notifications">
            <h2 id="settings-notifications">Notifications</h2>
            <p className="card__summary">At most one of a kind per hour. Tick a kind to be told about it.</p>
            <ul className="settings-list">
              {settings.notifications.map((entry) => (
                <li key={entry.kind} className="field-row">
                  <input
                    id={`notify-${entry.kind}`}
                    type="checkbox"
                    checked={!entry.muted}
                    onChange={(event) => void muteNotification(entry.kind, !event.target.checked)}
                  />
                  <label htmlFor={`notify-${entry.kind}`}>{entry.label}</label>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="settings-checks">
            <h2 id="settings-checks">Checks and metrics</h2>
            <dl className="settings-facts">
              <dt>Health check</dt>
              <dd>
                Every {settings.healthIntervalMinutes} minute{settings.healthIntervalMinutes === 1 ? '' : 's'}
                ; it never starts WSL.
              </dd>
              <dt>Distribution checked</dt>
              <dd>{settings.distro ?? 'WSL’s default distribution'}</dd>
              <dt>Metrics log (CSV)</dt>
              <dd>
                {settings.metricsCsv.enabled ? (
                  <>
                    On: <code>{settings.metricsCsv.path}</code>
                  </>
                ) : (
                  <>
                    Off. Start Headroom with <code>HEADROOM_METRICS_CSV=1</code> to keep every sample in{' '}
                    <code>{settings.metricsCsv.path}</code>.
                  </>
                )}
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="settings-folders">
            <h2 id="settings-folders">Folders</h2>
            <dl className="settings-facts">
              <dt>Data</dt>
              <dd>
                <code>{settings.dataDir}</code>{' '}
                <button type="button" className="button" onClick={() => void openFolder('data')}>
                  Open data folder
                </button>
              </dd>
              <dt>Log</dt>
              <dd>
                <code>{settings.logDir}</code>{' '}
                <button type="button" className="button" onClick={() => void openFolder('log')}>
                  Open log folder
                </button>
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="settings-about">
            <h2 id="settings-about">About</h2>
            <p>
              Headroom <span data-testid="version">{settings.version}</span>: keeps WSL’s .wslconfig right for
              local models on NVIDIA GPUs, and proves WSL applied it.
            </p>
          </section>
        </>
      ) : null}
    </>
  );
}
