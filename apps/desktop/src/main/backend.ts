import { windowsMachine, type Machine } from '@headroom/service';

/** Where the app runs and which simulator scenario to act out when that is not Windows. */
export interface MachineOptions {
  readonly platform: NodeJS.Platform;
  /** Headroom's data folder; the simulator keeps its state in `simulator/` under it. */
  readonly dataDir: string;
  /** A simulator scenario name; default `HEADROOM_SCENARIO` from `env`, then 'healthy'. */
  readonly scenario?: string;
  /** Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Builds the simulated machine; only the development entry (dev-index.ts) provides one. */
export type SimulatedMachineFactory = (options: MachineOptions) => Machine;

let simulated: SimulatedMachineFactory | undefined;

/**
 * Let this process run off Windows against the simulated Windows. Only the development entry calls it, so the
 * production bundle (built from index.ts) holds no simulator code at all.
 */
export function allowSimulatedMachine(factory: SimulatedMachineFactory): void {
  simulated = factory;
}

/**
 * The app's one choice between real and simulated: this Windows on Windows; elsewhere, in the development build
 * only, the simulator's fake programs, so the app runs (and is developed) on Linux and macOS with the same
 * process-spawning code. Everything else is built the same over either by `createHeadroom`.
 */
export function chooseMachine(options: MachineOptions): Machine {
  const env = options.env ?? process.env;
  if (options.platform === 'win32') return windowsMachine(env);
  if (!simulated) {
    throw new Error(
      `This build of Headroom runs on Windows only (this is ${options.platform}). Off Windows, \`npm start\` runs the development app against the simulated Windows.`,
    );
  }
  return simulated(options);
}
