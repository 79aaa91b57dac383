import { mkdtempSync } from 'node:fs';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  extraProbes,
  findMisplacedConfigs,
  locateWslConfig,
  thisWindowsHost,
  type CollectOptions,
  type MisplacedConfig,
} from '@headroom/host';
import { createSimulatedWindows, getScenario, scenarioNames, type Scenario } from '@headroom/simulator';
import { UsageError } from '../cli-io';
import { dataDir } from './wslconfig/target';

/** The machine a command looks at: how to collect from it, what to call it, and what only a live look can find. */
export interface CollectionTarget extends Omit<CollectOptions, 'bootVm'> {
  readonly label: string;
  /** The simulated scenario, when the machine is simulated. */
  readonly scenario?: Scenario;
  /** Files beside .wslconfig that WSL never reads. */
  misplaced(): Promise<MisplacedConfig[]>;
}

/**
 * Where a collection runs: this Windows machine (on Windows without --simulate), or a simulated one: the named
 * scenario in a fresh folder, or off Windows the default simulated machine kept in Headroom's data folder.
 */
export function collectionTarget(simulate: string | undefined): CollectionTarget {
  if (simulate === undefined && platform() === 'win32') {
    const host = thisWindowsHost();
    const location = locateWslConfig({ platform: 'win32', env: process.env });
    return {
      host,
      wslconfigPath: location.path,
      extraProbes: extraProbes(),
      label: 'this Windows machine',
      misplaced: () => findMisplacedConfigs(location, { env: process.env }),
    };
  }
  const scenario = simulate ?? process.env.HEADROOM_SCENARIO ?? 'healthy';
  if (!scenarioNames().includes(scenario)) {
    throw new UsageError(
      `There is no scenario named "${scenario}". Scenarios: ${scenarioNames().join(', ')}.`,
    );
  }
  const stateDir =
    simulate === undefined
      ? join(dataDir(), 'simulator')
      : mkdtempSync(join(tmpdir(), `headroom-collect-${scenario}-`));
  const windows = createSimulatedWindows({ scenario, stateDir });
  return {
    env: windows.env,
    host: windows.host,
    wslconfigPath: windows.wslconfigPath,
    extraProbes: extraProbes(),
    label: `the simulated Windows (scenario "${scenario}")`,
    scenario: getScenario(scenario),
    misplaced: () =>
      findMisplacedConfigs(locateWslConfig({ platform: 'win32', env: {}, profileDir: windows.userProfile }), {
        env: {},
        platform: 'linux',
      }),
  };
}
