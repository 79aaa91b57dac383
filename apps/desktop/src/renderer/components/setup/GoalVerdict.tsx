import { useSetup } from '../../state/store-context';

/**
 * Whether the goal fits now, after the verification: sized again against the file WSL runs with. "Verified" only
 * says WSL applied the file; this says whether the model the user wants will run, and when it cannot, what does.
 */
export function GoalVerdict() {
  const goalNow = useSetup((s) => s.goalNow);
  if (!goalNow) return null;
  const { plan } = goalNow;
  if (goalNow.state === 'fits') {
    return (
      <p className="verdict verdict--ok goal-verdict" data-testid="goal-verdict" data-goal="fits">
        {plan.model} fits now: WSL has the memory it needs beside Windows.
      </p>
    );
  }
  if (goalNow.state === 'short') {
    const missing = plan.changes
      .filter((change) => change.needed)
      .map((change) => `${change.key}=${change.value}`)
      .join(', ');
    return (
      <p className="verdict verdict--warn goal-verdict" data-testid="goal-verdict" data-goal="short">
        {plan.model} does not fit yet: it still needs {missing}, which was left unticked. Go back to the goal
        to apply it.
      </p>
    );
  }
  return (
    <p className="verdict verdict--warn goal-verdict" data-testid="goal-verdict" data-goal="too-big">
      {plan.model} does not fit: it needs more memory than can be left to WSL beside Windows.{' '}
      {goalNow.fitting.length > 0
        ? `What does fit: ${goalNow.fitting.join('; ')}.`
        : 'Nothing Headroom tried fits here either; a smaller quantization or model is needed.'}
    </p>
  );
}
