import { HEALTH_WORDS } from '@headroom/core';
import type { AppPage } from '@headroom/contract';
import { useEffect, type ReactNode } from 'react';
import { navigate, useHashPage } from '../state/navigation';
import { useHealth, useSetup } from '../state/store-context';
import { DashboardPage } from './dashboard/DashboardPage';
import { DiagnosticsPage } from './DiagnosticsPage';
import { HistoryPage } from './HistoryPage';
import { OverviewHealth } from './OverviewHealth';
import { UpdateNotice } from './UpdateNotice';
import { SettingsPage } from './SettingsPage';
import { SetupWizard } from './setup/SetupWizard';
import { VerifyCard } from './VerifyCard';
import { WslconfigPage } from './WslconfigPage';
import { WslPage } from './WslPage';

/** The rail's health light: a shape and a word (never colour alone), its one line, and "Run checks now". */
function RailStatus() {
  const health = useHealth((s) => s.health);
  const checking = useHealth((s) => s.checking);
  const load = useHealth((s) => s.load);
  const check = useHealth((s) => s.check);
  useEffect(() => {
    void load();
  }, [load]);
  const state = health?.health ?? 'grey';
  return (
    <div className={`rail__status rail__status--${state}`} data-health={state}>
      <span className="rail__dot" aria-hidden="true" />
      <div>
        <div role="status" aria-live="polite" aria-label="Health">
          <p className="rail__word">{health ? HEALTH_WORDS[health.health] : 'Checking…'}</p>
          {health && health.summary !== HEALTH_WORDS[health.health] ? (
            <p className="rail__line">{health.summary}</p>
          ) : null}
        </div>
        <button type="button" className="rail__check" onClick={() => void check()} disabled={checking}>
          {checking ? 'Checking…' : 'Run checks now'}
        </button>
      </div>
    </div>
  );
}

const PLACES: readonly { page: AppPage; name: string }[] = [
  { page: 'overview', name: 'Overview' },
  { page: 'dashboard', name: 'Dashboard' },
  { page: 'diagnostics', name: 'Diagnostics' },
  { page: 'wslconfig', name: '.wslconfig' },
  { page: 'history', name: 'History' },
  { page: 'settings', name: 'Settings' },
  { page: 'setup', name: 'Setup' },
];

/** On the overview: reopen the wizard, or finish it when it was left half-way. */
function SetupPrompt() {
  const completed = useSetup((s) => s.completed);
  const started = useSetup((s) => s.step > 1 || s.check !== undefined);
  const reopen = useSetup((s) => s.reopen);
  const [title, summary, action] = completed
    ? ['Setup', 'Size WSL for another model, or prove your setup again from the start.', 'Run setup again']
    : started
      ? ['Finish setting up', 'Setup was left half-way. Pick up where you stopped.', 'Continue setup']
      : [
          'Set up Headroom',
          'Check WSL and the GPU, size WSL for your model, and prove it works.',
          'Start setup',
        ];
  return (
    <section className="card setup-prompt" aria-labelledby="setup-prompt-title">
      <header className="card__header">
        <div>
          <h2 id="setup-prompt-title">{title}</h2>
          <p className="card__summary">{summary}</p>
        </div>
        <div className="card__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              reopen();
              navigate('setup');
            }}
          >
            {action}
          </button>
        </div>
      </header>
    </section>
  );
}

/**
 * The window: a left rail with the app's places and the current page. Setup opens by itself on a first start.
 * `footer` goes at the foot of the rail (the "Open log folder" button).
 */
export function App({ footer }: { readonly footer?: ReactNode } = {}) {
  const loaded = useSetup((s) => s.loaded);
  const completed = useSetup((s) => s.completed);
  const load = useSetup((s) => s.load);
  const hashPage = useHashPage();

  useEffect(() => {
    void load();
  }, [load]);

  // A first start opens on setup, and stays there when finishing it marks setup complete.
  const opensOnSetup = hashPage === undefined && loaded && !completed;
  useEffect(() => {
    if (opensOnSetup) navigate('setup', { replace: true });
  }, [opensOnSetup]);

  // Until the setup's place is read, no page shows: a first start must not flash the overview.
  const page: AppPage | undefined = hashPage ?? (!loaded ? undefined : completed ? 'overview' : 'setup');
  return (
    <div className="shell">
      <nav className="rail" aria-label="Headroom">
        <p className="rail__title">Headroom</p>
        <RailStatus />
        <ul className="rail__places">
          {PLACES.map((place) => (
            <li key={place.page}>
              <a href={`#${place.page}`} aria-current={page === place.page ? 'page' : undefined}>
                {place.name}
              </a>
            </li>
          ))}
        </ul>
        {footer}
      </nav>
      {page === undefined ? (
        <main className="page" aria-busy="true">
          <p className="status">Opening Headroom…</p>
        </main>
      ) : page === 'history' ? (
        <main className="page" id="history">
          <h1>History</h1>
          <HistoryPage />
        </main>
      ) : page === 'dashboard' ? (
        <main className="page" id="dashboard">
          <h1>Dashboard</h1>
          <DashboardPage />
        </main>
      ) : page === 'diagnostics' ? (
        <main className="page" id="diagnostics">
          <h1>Diagnostics</h1>
          <DiagnosticsPage />
        </main>
      ) : page === 'wslconfig' ? (
        <main className="page" id="wslconfig">
          <h1>.wslconfig</h1>
          <WslconfigPage />
        </main>
      ) : page === 'settings' ? (
        <main className="page" id="settings">
          <h1>Settings</h1>
          <SettingsPage />
        </main>
      ) : page === 'setup' ? (
        <main className="page" id="setup">
          <h1>Set up Headroom</h1>
          <SetupWizard />
        </main>
      ) : (
        <main className="page" id="overview">
          <h1>Overview</h1>
          <OverviewHealth />
          <UpdateNotice />
          {loaded ? <SetupPrompt /> : null}
          <WslPage />
          <VerifyCard />
        </main>
      )}
    </div>
  );
}
