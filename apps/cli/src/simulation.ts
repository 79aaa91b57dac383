import type { Machine } from '@headroom/service';
import type { Scenario } from '@headroom/simulator';
import type { CliIo } from './cli-io';

/** A command only the development build has (it needs the simulated Windows): `demo`, `scenarios`. */
export type SimulationCommand = (args: readonly string[], io: CliIo) => number | Promise<number>;

/**
 * The simulated Windows, for the development build only. The shipped CLI (`apps/cli/dist/headroom.cjs`) leaves
 * it out: the simulator bundles its fake programs with esbuild at run time, which a user's PC cannot do. The
 * development entry (`src/main.ts`, which `npx headroom` in the repository and the tests run) registers it.
 */
export interface CliSimulation {
  /** The scenarios it can act out. */
  scenarioNames(): readonly string[];
  /** One scenario by name (the name is known to exist). */
  getScenario(name: string): Scenario;
  /** A simulated machine acting `scenario` out, its state kept in `stateDir`. */
  machine(scenario: string, stateDir: string): Machine;
  /** The commands that exist only with the simulator, by name. */
  readonly commands: Readonly<Record<string, SimulationCommand>>;
}

let registered: CliSimulation | undefined;

/** Make the simulated Windows available to every command (the development entry does this once). */
export function registerSimulation(simulation: CliSimulation): void {
  registered = simulation;
}

/** The simulated Windows, when this build has one. */
export function cliSimulation(): CliSimulation | undefined {
  return registered;
}

/** Why a command that needs the simulator cannot run in this build: one line for a {@link UsageError}. */
export const NO_SIMULATOR =
  "This build of headroom has no simulated Windows; --simulate, demo and scenarios come with the repository's development build (npx headroom).";
