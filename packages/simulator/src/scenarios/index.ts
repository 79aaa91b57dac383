import { healthy } from './healthy';
import type { Scenario } from './scenario';

/** Every scenario the simulator can act out, by name. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = { healthy };

/** The names `headroom scenarios` lists and `--scenario` accepts. */
export function scenarioNames(): string[] {
  return Object.keys(SCENARIOS);
}

/** Look up a scenario; throws an error listing the valid names when there is none by that name. */
export function getScenario(name: string): Scenario {
  const scenario = SCENARIOS[name];
  if (!scenario) {
    throw new Error(`There is no scenario named "${name}". Scenarios: ${scenarioNames().join(', ')}.`);
  }
  return scenario;
}
