import { createHash } from 'node:crypto';
import { homedir as osHomedir, platform as osPlatform } from 'node:os';
import { join, resolve } from 'node:path';
import { headroomDataDir } from '../wslconfig/locate';

/**
 * Where Headroom keeps its data: `%APPDATA%\Headroom` on Windows, `$XDG_CONFIG_HOME/headroom` or
 * `~/.config/headroom` elsewhere; HEADROOM_DATA_DIR overrides it (tests, portable use). The app, every CLI command
 * and the demo ask this one function, so they share one folder.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = osPlatform(),
  homedir: string = osHomedir(),
): string {
  return env.HEADROOM_DATA_DIR ?? headroomDataDir({ platform, env, homedir });
}

/** Every file and folder in the data folder; README.md's "Data folder" table describes the same layout. */
export interface DataFolderLayout {
  readonly root: string;
  /** Versions of the user's .wslconfig (`<id>.wslconfig` and `index.json`); other files' under `<hash of path>/`. */
  readonly wslconfigHistory: string;
  /** The baselines of passing verifications of the user's .wslconfig. */
  readonly baselines: string;
  /** The setup wizard's place. */
  readonly setup: string;
  /** The shapes of the models setup goals named, so a saved goal is judged without looking for models again. */
  readonly setupGoalShapes: string;
  /** The notification policy's state: when each kind was last shown, muted kinds. */
  readonly notifications: string;
  /** The Settings page's choices: the health-check interval, the target distro, the metrics CSV log. */
  readonly settings: string;
  /** Diagnostics' support bundles (`headroom-support-<time>.zip`). */
  readonly support: string;
  /** The Windows events already told, so each is told once across restarts. */
  readonly events: string;
  /** Every metrics sample while the metrics CSV log is on (Settings, or HEADROOM_METRICS_CSV=1; rolling, `samples.csv.1` the older file). */
  readonly metricsCsv: string;
  /** The log folder: `headroom.log` and the older `headroom.log.1`. */
  readonly logDir: string;
  readonly logFile: string;
  /** The simulated Windows' state, when Headroom runs off Windows. */
  readonly simulator: string;
}

/** The layout of the data folder at `root`. */
export function dataFolderLayout(root: string): DataFolderLayout {
  return {
    root,
    wslconfigHistory: join(root, 'wslconfig-history'),
    baselines: join(root, 'baselines.json'),
    setup: join(root, 'setup.json'),
    setupGoalShapes: join(root, 'setup-goal-shapes.json'),
    notifications: join(root, 'notifications.json'),
    settings: join(root, 'settings.json'),
    support: join(root, 'support'),
    events: join(root, 'events.json'),
    metricsCsv: join(root, 'metrics', 'samples.csv'),
    logDir: join(root, 'logs'),
    logFile: join(root, 'logs', 'headroom.log'),
    simulator: join(root, 'simulator'),
  };
}

/** The short id of a .wslconfig path that names its own history folder (case-insensitive, as Windows paths are). */
export function wslconfigPathId(path: string): string {
  return createHash('sha256').update(resolve(path).toLowerCase()).digest('hex').slice(0, 16);
}

const samePath = (a: string, b: string): boolean => resolve(a).toLowerCase() === resolve(b).toLowerCase();

/**
 * The history folder of a .wslconfig: the user's own file keeps its versions in `wslconfig-history/` itself (what
 * the app, `headroom wslconfig history` and `headroom verify` share); any other file (`--file PATH`) in
 * `wslconfig-history/<hash of its path>/`.
 */
export function historyDirFor(layout: DataFolderLayout, path: string, usersPath: string): string {
  return samePath(path, usersPath)
    ? layout.wslconfigHistory
    : join(layout.wslconfigHistory, wslconfigPathId(path));
}
