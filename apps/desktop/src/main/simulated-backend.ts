import { dataFolderLayout } from '@headroom/host';
import { simulatedMachine, type Machine } from '@headroom/service';
import { createSimulatedWindows } from '@headroom/simulator';
import type { MachineOptions } from './backend';

/**
 * The development app's machine off Windows: the simulator's fake wsl.exe and friends in `simulator/` under the data
 * folder, acting out the scenario asked for, else `HEADROOM_SCENARIO`, else 'healthy'. Only dev-index.ts (through
 * use-simulator.ts) imports this module, so the production bundle holds no simulator.
 */
export function simulatedMachineFor(options: MachineOptions): Machine {
  const env = options.env ?? process.env;
  const scenario = options.scenario ?? env.HEADROOM_SCENARIO ?? 'healthy';
  return simulatedMachine(
    createSimulatedWindows({ scenario, stateDir: dataFolderLayout(options.dataDir).simulator }),
  );
}
