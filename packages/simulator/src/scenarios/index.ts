import { CATALOG } from './catalog';
import type { Scenario } from './scenario';

/** Every scenario the simulator can act out, by name (docs/architecture.md "Simulator scenarios"). */
export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(
  CATALOG.map((scenario) => [scenario.name, scenario]),
);

/** The names `headroom scenarios` lists and `--scenario` / `--simulate` accept. */
export function scenarioNames(): string[] {
  return CATALOG.map((scenario) => scenario.name);
}

/** Look up a scenario; throws an error listing the valid names when there is none by that name. */
export function getScenario(name: string): Scenario {
  const scenario = SCENARIOS[name];
  if (!scenario) {
    throw new Error(`There is no scenario named "${name}". Scenarios: ${scenarioNames().join(', ')}.`);
  }
  return scenario;
}
