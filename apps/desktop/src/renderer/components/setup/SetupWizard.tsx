import { useEffect, useRef } from 'react';
import { SETUP_STEPS, STEP } from '../../state/setup-store';
import { useSetup } from '../../state/store-context';
import { ApplyStep } from './ApplyStep';
import { CheckStep } from './CheckStep';
import { DoneStep } from './DoneStep';
import { GoalStep } from './GoalStep';
import { ErrorAlert } from '../ErrorAlert';

const STEP_VIEWS = [CheckStep, GoalStep, ApplyStep, DoneStep] as const;

/** The steps as an ordered list: earlier ones are buttons back, the current one is marked for screen readers. */
function Stepper({ step, onPick }: { step: number; onPick: (step: number) => void }) {
  return (
    <ol className="stepper" aria-label="Setup steps">
      {SETUP_STEPS.map((name, index) => {
        const number = index + 1;
        const state = number < step ? 'done' : number === step ? 'current' : 'todo';
        return (
          <li
            key={name}
            className={`stepper__step stepper__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {number < step ? (
              <button type="button" className="stepper__button" onClick={() => onPick(number)}>
                <span className="stepper__number">{number}</span> {name}
                <span className="visually-hidden"> (done)</span>
              </button>
            ) : (
              <span className="stepper__label">
                <span className="stepper__number">{number}</span> {name}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The first-run setup: check, goal (with the proposal), apply and verify, done. Resumes at the saved step; focus moves to the
 * step's heading on every move, so a keyboard or screen reader user always knows where they are.
 */
export function SetupWizard() {
  const loaded = useSetup((s) => s.loaded);
  const step = useSetup((s) => s.step);
  const error = useSetup((s) => s.error);
  const notice = useSetup((s) => s.notice);
  const goTo = useSetup((s) => s.goTo);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  if (!loaded) return <p className="status">Reading where setup was left…</p>;
  const StepView = STEP_VIEWS[step - 1] ?? CheckStep;
  return (
    <section className="card wizard" aria-labelledby="wizard-step-title">
      <Stepper step={step} onPick={goTo} />
      <h2 id="wizard-step-title" ref={heading} tabIndex={-1} data-step={step}>
        Step {step} of {SETUP_STEPS.length}: {SETUP_STEPS[step - 1]}
      </h2>
      <StepView />
      {step !== STEP.apply ? (
        <p className="status" role="status" aria-live="polite">
          {notice ?? ''}
        </p>
      ) : null}
      <ErrorAlert error={error} />
    </section>
  );
}
