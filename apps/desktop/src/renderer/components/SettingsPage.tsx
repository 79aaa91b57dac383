import { HEALTH_INTERVAL_MINUTES, type Settings } from '@headroom/contract';
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
 * The health check's interval in minutes, saved with Enter or "Save"; bounded, or fixed by the environment. Keyed by
 * the saved value, so a draft starts again from what was saved.
 */
function IntervalField({ settings }: { readonly settings: Settings }) {
  const update = useSettings((s) => s.update);
  const [draft, setDraft] = useState(String(settings.healthIntervalMinutes));
  const id = useId();
  const hint = useId();
  const { min, max } = HEALTH_INTERVAL_MINUTES;
  const value = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(value) && value >= min && value <= max;
  if (settings.healthIntervalOverride)
    return (
      <p>
        Every {settings.healthIntervalMinutes} minute{settings.healthIntervalMinutes === 1 ? '' : 's'}, set by{' '}
        <code>{settings.healthIntervalOverride}</code> when Headroom started; it never starts WSL.
      </p>
    );
  return (
    <form
      className="field-row"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void update({ healthIntervalMinutes: value });
      }}
    >
      <label htmlFor={id}>Run the health check every</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-describedby={hint}
        aria-invalid={!valid}
        onChange={(event) => setDraft(event.target.value)}
      />
      <span>minutes</span>
      <button type="submit" className="button" disabled={!valid || value === settings.healthIntervalMinutes}>
        Save
      </button>
      <span id={hint} className={valid ? 'card__summary' : 'field-error'}>
        {valid
          ? `From ${min} minute to ${max / 60} hours; it never starts WSL.`
          : `Give a whole number of minutes from ${min} to ${max}.`}
      </span>
    </form>
  );
}

/** The distro the checks, verification and the dashboard's reader use: WSL's default or one it lists. */
function DistroField({ settings }: { readonly settings: Settings }) {
  const update = useSettings((s) => s.update);
  const id = useId();
  const names =
    settings.distro && !settings.distros.includes(settings.distro)
      ? [...settings.distros, settings.distro]
      : settings.distros;
  return (
    <p className="field-row">
      <label htmlFor={id}>Distribution checked</label>
      <select
        id={id}
        value={settings.distro ?? ''}
        onChange={(event) => void update({ distro: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">WSL’s default distribution</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </p>
  );
}

/** The metrics CSV log: on or off, live; fixed when HEADROOM_METRICS_CSV decides. */
function CsvField({ settings }: { readonly settings: Settings }) {
  const update = useSettings((s) => s.update);
  const id = useId();
  const { enabled, path, override } = settings.metricsCsv;
  return (
    <>
      <p className="field-row">
        <input
          id={id}
          type="checkbox"
          checked={enabled}
          disabled={override !== undefined}
          onChange={(event) => void update({ metricsCsv: event.target.checked })}
        />
        <label htmlFor={id}>Keep every metrics sample in a CSV file</label>
      </p>
      <p className="card__summary">
        <code>{path}</code> (10 MB, one older file kept)
        {override ? (
          <>
            ; set by <code>{override}</code> when Headroom started
          </>
        ) : null}
        .
      </p>
    </>
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
            <IntervalField key={settings.healthIntervalMinutes} settings={settings} />
            <DistroField settings={settings} />
            <CsvField settings={settings} />
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
