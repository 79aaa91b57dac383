import { memoryLoginItem, simulatedMachine } from '@headroom/service';
import { createSimulatedWindows, getScenario, scenarioNames } from '@headroom/simulator';
import { runDemo } from './commands/demo';
import { runScenarios } from './commands/scenarios';
import type { CliSimulation } from './simulation';

/** The simulated Windows of the development build, with `demo` and `scenarios`. */
export const devSimulation: CliSimulation = {
  scenarioNames,
  getScenario,
  machine: (scenario, stateDir) =>
    simulatedMachine(createSimulatedWindows({ scenario, stateDir }), memoryLoginItem()),
  commands: { demo: (args, io) => runDemo(args, io), scenarios: runScenarios },
};
