import { mkdtempSync } from 'node:fs';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataFolderLayout, extraProbes, resolveDataDir, type CollectOptions } from '@headroom/host';
import {
  createHeadroom,
  windowsMachine,
  type CreateHeadroomOptions,
  type Headroom,
  type Machine,
} from '@headroom/service';
import type { Scenario } from '@headroom/simulator';
import { UsageError, type CliIo } from '../cli-io';
import { cliSimulation, NO_SIMULATOR } from '../simulation';

/** The machine a command works on and the data folder it keeps what it saves in. */
export interface CliMachine {
  readonly machine: Machine;
  readonly dataDir: string;
  /** The simulated scenario, when the machine is simulated. */
  readonly scenario?: Scenario;
}

/**
 * The machine a command works on: this Windows machine (on Windows without --simulate), or a simulated one. Off
 * Windows without --simulate it is the simulated machine kept in the data folder, the one the app runs on there,
 * so the app and the CLI share it. `--simulate NAME` acts the scenario out in a fresh folder that also holds its
 * own data folder: a throwaway machine's versions and baselines never mix with the user's.
 */
export function cliMachine(simulate: string | undefined, env: NodeJS.ProcessEnv = process.env): CliMachine {
  const dataDir = resolveDataDir(env);
  if (simulate === undefined && platform() === 'win32') return { machine: windowsMachine(env), dataDir };
  const simulation = cliSimulation();
  if (simulation === undefined) {
    if (simulate !== undefined) throw new UsageError(NO_SIMULATOR);
    throw new Error(
      `Headroom looks at Windows, and this is ${platform()}. Here it can read a capture taken on Windows: headroom doctor --from-capture DIR.`,
    );
  }
  const scenario = simulate ?? env.HEADROOM_SCENARIO ?? 'healthy';
  if (!simulation.scenarioNames().includes(scenario)) {
    throw new UsageError(
      `There is no scenario named "${scenario}". Scenarios: ${simulation.scenarioNames().join(', ')}.`,
    );
  }
  const fresh = simulate === undefined ? undefined : mkdtempSync(join(tmpdir(), `headroom-${scenario}-`));
  return {
    machine: simulation.machine(scenario, fresh ?? dataFolderLayout(dataDir).simulator),
    dataDir: fresh ? join(fresh, 'data') : dataDir,
    scenario: simulation.getScenario(scenario),
  };
}

/** Build Headroom for a command through the one composition root, logging to stderr with --verbose. */
export function openHeadroom(
  target: CliMachine,
  io: CliIo,
  options: Omit<CreateHeadroomOptions, 'machine' | 'dataDir' | 'log'> = {},
): Promise<Headroom> {
  return createHeadroom({
    machine: target.machine,
    dataDir: target.dataDir,
    ...(io.log ? { log: io.log } : {}),
    ...options,
  });
}

/** How to collect from a machine, with the probes only a live look has. */
export function collectOptions(machine: Machine): Omit<CollectOptions, 'bootVm'> {
  return {
    ...(machine.env ? { env: machine.env } : {}),
    host: machine.host,
    wslconfigPath: machine.wslconfigPath,
    extraProbes: extraProbes(),
  };
}
