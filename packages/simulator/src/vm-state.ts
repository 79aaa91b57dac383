import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './scenarios/scenario';
import { bootConfig, type VmConfig } from './vm-config';

/** The simulated machine's state, kept as JSON in the state folder so every fake process sees the same VM. */
export interface VmState {
  readonly scenario: string;
  readonly distros: readonly { readonly name: string; readonly running: boolean }[];
  /** How many times the VM was created; each creation reads .wslconfig again. */
  readonly boots: number;
  /** What the running VM was created with; null while it is stopped. */
  readonly vm: VmConfig | null;
}

const STATE_FILE = 'vm-state.json';

/** The state a scenario starts in: its running distros inside a VM booted with the .wslconfig it had then. */
export function initialState(scenario: Scenario): VmState {
  const anyRunning = scenario.distros.some((distro) => distro.running);
  const booted = scenario.appliedWslconfig ?? scenario.wslconfig;
  return {
    scenario: scenario.name,
    distros: scenario.distros.map(({ name, running }) => ({ name, running })),
    boots: anyRunning ? 1 : 0,
    vm: anyRunning ? { ...bootConfig(booted, scenario.host), warnings: [] } : null,
  };
}

/** Read the state folder's VM state. */
export function readVmState(stateDir: string): VmState {
  return JSON.parse(readFileSync(join(stateDir, STATE_FILE), 'utf8')) as VmState;
}

/** Replace the VM state atomically (temp file + rename), so a concurrent reader never sees half a file. */
export function writeVmState(stateDir: string, state: VmState): void {
  const target = join(stateDir, STATE_FILE);
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, target);
}
