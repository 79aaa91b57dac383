import type { AppPage } from '@headroom/contract';
import { useEffect } from 'react';
import { navigate, useHashPage } from '../state/navigation';
import { useSetup, useWsl } from '../state/store-context';
import { DashboardPage } from './dashboard/DashboardPage';
import { SetupWizard } from './setup/SetupWizard';
import { VerifyCard } from './VerifyCard';
import { WslPage } from './WslPage';

/** The rail's health line for now: whether WSL runs. Full health (green/amber/red/grey) arrives with the doctor. */
function RailStatus() {
  const snapshot = useWsl((s) => s.snapshot);
  const running = snapshot?.distros.some((d) => d.state === 'Running') ?? false;
  const word = snapshot === undefined ? 'Checking…' : running ? 'WSL running' : 'WSL stopped';
  return (
    <div className={`rail__status rail__status--${running ? 'ok' : 'idle'}`}>
      <span className="rail__dot" aria-hidden="true" />
      <span>{word}</span>
    </div>
  );
}

const PLACES: readonly { page: AppPage; name: string }[] = [
  { page: 'overview', name: 'Overview' },
  { page: 'dashboard', name: 'Dashboard' },
  { page: 'setup', name: 'Setup' },
];

/** On the overview: reopen the wizard, or finish it when it was left half-way. */
function SetupPrompt() {
  const completed = useSetup((s) => s.completed);
  const reopen = useSetup((s) => s.reopen);
  return (
    <section className="card setup-prompt" aria-labelledby="setup-prompt-title">
      <header className="card__header">
        <div>
          <h2 id="setup-prompt-title">{completed ? 'Setup' : 'Finish setting up'}</h2>
          <p className="card__summary">
            {completed
              ? 'Size WSL for another model, or prove your setup again from the start.'
              : 'Setup was left half-way. Pick up where you stopped.'}
          </p>
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
            {completed ? 'Run setup again' : 'Continue setup'}
          </button>
        </div>
      </header>
    </section>
  );
}

/** The window: a left rail with the app's places and the current page. Setup opens by itself on a first start. */
export function App() {
  const loaded = useSetup((s) => s.loaded);
  const completed = useSetup((s) => s.completed);
  const load = useSetup((s) => s.load);
  const hashPage = useHashPage();

  useEffect(() => {
    void load();
  }, [load]);

  const page: AppPage = hashPage ?? (loaded && !completed ? 'setup' : 'overview');
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
      </nav>
      {page === 'dashboard' ? (
        <main className="page" id="dashboard">
          <h1>Dashboard</h1>
          <DashboardPage />
        </main>
      ) : page === 'setup' ? (
        <main className="page" id="setup">
          <h1>Set up Headroom</h1>
          <SetupWizard />
        </main>
      ) : (
        <main className="page" id="overview">
          <h1>Overview</h1>
          {loaded ? <SetupPrompt /> : null}
          <WslPage />
          <VerifyCard />
        </main>
      )}
    </div>
  );
}
