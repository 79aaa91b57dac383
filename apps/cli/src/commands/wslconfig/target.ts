import { createHash } from 'node:crypto';
import { homedir, platform as osPlatform } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createWslConfigStore,
  findMisplacedConfigs,
  headroomDataDir,
  locateWslConfig,
  type MisplacedConfig,
  type WslConfigStore,
} from '@headroom/host';
import { createSimulatedWindows } from '@headroom/simulator';

/** The .wslconfig a command works on, its store, and where it came from. */
export interface WslConfigTarget {
  readonly store: WslConfigStore;
  /** What to call the file in messages. */
  readonly label: string;
  /** True for the user's own .wslconfig (real or simulated), false for a --file. */
  readonly isUsersFile: boolean;
  readonly simulated: boolean;
  /** Copies WSL never reads, found next to the user's file. */
  misplaced(): Promise<MisplacedConfig[]>;
}

/** Where Headroom keeps its data; HEADROOM_DATA_DIR overrides it (tests, portable use). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEADROOM_DATA_DIR ?? headroomDataDir({ platform: osPlatform(), env, homedir: homedir() });
}

const pathId = (path: string): string =>
  createHash('sha256').update(resolve(path).toLowerCase()).digest('hex').slice(0, 16);

/** The history folder of one .wslconfig path, shared by every command that writes that file. */
export function historyDirFor(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'wslconfig-history', pathId(path));
}

/** Where the baselines of verifications of one .wslconfig path are kept. */
export function baselineFileFor(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'baselines', `${pathId(path)}.json`);
}

/**
 * The file to work on: `--file PATH` as given, otherwise the .wslconfig WSL really reads (the profile folder from
 * Windows), or on a machine that is not Windows the simulated user's .wslconfig.
 */
export function resolveWslConfigTarget(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): WslConfigTarget {
  if (file !== undefined) {
    const path = resolve(file);
    return {
      store: createWslConfigStore({ path, historyDir: historyDirFor(path, env) }),
      label: path,
      isUsersFile: false,
      simulated: false,
      misplaced: () => Promise.resolve([]),
    };
  }
  const platform = osPlatform();
  const simulated = platform !== 'win32';
  const location = simulated
    ? locateWslConfig({
        platform,
        env,
        profileDir: createSimulatedWindows({
          scenario: env.HEADROOM_SCENARIO ?? 'healthy',
          stateDir: join(dataDir(env), 'simulator'),
        }).userProfile,
      })
    : locateWslConfig({ platform, env });
  return {
    store: createWslConfigStore({ path: location.path, historyDir: historyDirFor(location.path, env) }),
    label: simulated ? `${location.path} (simulated Windows)` : location.path,
    isUsersFile: true,
    simulated,
    misplaced: () => findMisplacedConfigs(location, { env }),
  };
}
