import { useId } from 'react';
import { navigate } from '../../state/navigation';
import { useSetup, useVerify } from '../../state/store-context';
import { STEP } from '../../state/setup-store';
import { MemoryBeforeAfter } from './ApplyStep';
import { GoalVerdict } from './GoalVerdict';

const LIGHTS: readonly { state: string; word: string; meaning: string }[] = [
  {
    state: 'green',
    word: 'Green',
    meaning: 'every check passes and the GPU answers inside WSL in under half a second.',
  },
  {
    state: 'amber',
    word: 'Amber',
    meaning:
      'something needs a look: a warning, a slow GPU (0.5–2 s), or a .wslconfig change waiting for a restart.',
  },
  {
    state: 'red',
    word: 'Red',
    meaning: 'something is broken: an error, the GPU lost, or nvidia-smi hanging in WSL.',
  },
  {
    state: 'grey',
    word: 'Grey',
    meaning: 'WSL is stopped. That is normal: it starts when you open a distribution.',
  },
];

/**
 * The last step: what was verified and whether the goal fits now (never "proven" over a goal that is not met),
 * start at sign-in, and what the tray light means. Reaching it records setup as finished.
 */
export function DoneStep() {
  const before = useSetup((s) => s.check?.wslMemTotalBytes);
  const loginItem = useSetup((s) => s.loginItem);
  const setLoginItem = useSetup((s) => s.setLoginItem);
  const finish = useSetup((s) => s.finish);
  const goTo = useSetup((s) => s.goTo);
  const result = useVerify((s) => s.result);
  const legendId = useId();

  return (
    <div className="step">
      <p className="verdict verdict--ok">
        {result?.ok === true
          ? 'Verified: WSL runs with your .wslconfig.'
          : 'Setup is finished. "Run setup again" on the overview proves it anew.'}
        {result?.ok === true && result.baselineSaved
          ? ' Headroom saved it as the baseline, and tells you when a Windows Update or a driver changes it.'
          : ''}
      </p>
      {result?.ok === true ? <GoalVerdict /> : null}
      <MemoryBeforeAfter before={before} after={result?.wslMemTotalBytes} />
      {loginItem?.supported ? (
        <label className="login-item">
          <input
            type="checkbox"
            checked={loginItem.enabled}
            onChange={(event) => void setLoginItem(event.target.checked)}
          />{' '}
          Start Headroom in the tray when I sign in to Windows
        </label>
      ) : (
        <p className="card__summary">The installed app can start in the tray when you sign in to Windows.</p>
      )}
      <h3 id={legendId}>The tray light</h3>
      <ul className="legend" aria-labelledby={legendId}>
        {LIGHTS.map((light) => (
          <li key={light.state}>
            <span className={`legend__dot legend__dot--${light.state}`} aria-hidden="true" />
            <span>
              <strong>{light.word}</strong>: {light.meaning}
            </span>
          </li>
        ))}
      </ul>
      <p className="card__summary" id="pin-tray-light">
        Windows 11 puts a new tray icon in the overflow (the ^ beside the clock). To keep the light in sight,
        drag it from there onto the taskbar, or turn Headroom on under Settings › Personalization › Taskbar ›
        Other system tray icons. Windows remembers the choice across Headroom&apos;s updates.
      </p>
      <div className="card__actions step__actions">
        <button type="button" className="button" onClick={() => goTo(STEP.apply)}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            finish();
            navigate('overview');
          }}
        >
          Go to the overview
        </button>
      </div>
    </div>
  );
}
