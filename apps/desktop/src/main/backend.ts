import { dataFolderLayout } from '@headroom/host';
import { simulatedMachine, windowsMachine, type Machine } from '@headroom/service';
import { createSimulatedWindows } from '@headroom/simulator';

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

/**
 * The app's one choice between real and simulated: this Windows on Windows; elsewhere the simulator's fake
 * programs, so the app runs (and is developed) on Linux and macOS with the same process-spawning code. Everything
 * else is built the same over either by `createHeadroom`.
 */
export function chooseMachine(options: MachineOptions): Machine {
  const env = options.env ?? process.env;
  if (options.platform === 'win32') return windowsMachine(env);
  const scenario = options.scenario ?? env.HEADROOM_SCENARIO ?? 'healthy';
  return simulatedMachine(
    createSimulatedWindows({ scenario, stateDir: dataFolderLayout(options.dataDir).simulator }),
  );
}
