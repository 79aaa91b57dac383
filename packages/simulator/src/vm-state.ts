import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, SimulatedDistro } from './scenarios/scenario';

/** The simulated machine's state, kept as JSON in the state folder so every fake process sees the same VM. */
export interface VmState {
  readonly scenario: string;
  readonly distros: readonly (SimulatedDistro & { readonly running: boolean })[];
  /** How many times the VM was created; each boot re-reads .wslconfig on a real machine. */
  readonly boots: number;
}

const STATE_FILE = 'vm-state.json';

/** The state a scenario starts in. */
export function initialState(scenario: Scenario): VmState {
  const anyRunning = scenario.distros.some((distro) => distro.running);
  return { scenario: scenario.name, distros: scenario.distros, boots: anyRunning ? 1 : 0 };
}

/** Read the state folder's VM state. */
export function readVmState(stateDir: string): VmState {
  return JSON.parse(readFileSync(join(stateDir, STATE_FILE), 'utf8')) as VmState;
}

/** Replace the VM state atomically (temp file + rename), so a concurrent reader never sees half a file. */
export function writeVmState(stateDir: string, state: VmState): void {
  const target = join(stateDir, STATE_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, target);
}
