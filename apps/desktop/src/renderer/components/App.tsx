import { useWsl } from '../state/store-context';
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

/** The window: a left rail with the app's places and the current page. */
export function App() {
  return (
    <div className="shell">
      <nav className="rail" aria-label="Headroom">
        <p className="rail__title">Headroom</p>
        <RailStatus />
        <ul className="rail__places">
          <li>
            <a href="#overview" aria-current="page">
              Overview
            </a>
          </li>
        </ul>
      </nav>
      <main className="page" id="overview">
        <h1>Overview</h1>
        <WslPage />
        <VerifyCard />
      </main>
    </div>
  );
}
