import { freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  createWslCli,
  locateWslConfig,
  ollamaPsReader,
  openRollingCsvLog,
  thisWindowsHost,
  type RollingCsvLog,
  type WslCli,
} from '@headroom/host';
import {
  createHealthMonitor,
  createMetricsSampler,
  createVerifier,
  quietCollector,
  type HealthMonitor,
  METRICS_CSV_COLUMNS,
  VMMEM_COMMAND,
  type MetricsSampler,
  type SetupDeps,
  type VerifierDeps,
  type VerifierOptions,
} from '@headroom/service';

/** Where the app runs and which simulator scenario to act out when that is not Windows. */
export interface BackendOptions {
  readonly platform: NodeJS.Platform;
  /** The app's userData folder; the simulator keeps its state in `simulator/` under it. */
  readonly userDataDir: string;
  /** A simulator scenario name; default `HEADROOM_SCENARIO` from `env`, then 'healthy'. */
  readonly scenario?: string;
  /** Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The wsl.exe adapter the service runs over, and whether it is the simulator's. */
export interface Backend {
  readonly wsl: WslCli;
  /** The shutdown-and-verify loop's adapters over the same machine. */
  readonly verifier: VerifierDeps;
  /** Where the setup wizard keeps its place, and the .wslconfig it shows. */
  readonly setup: Pick<SetupDeps, 'stateFile' | 'wslconfigPath'>;
  /** Live sampling for the dashboard, over the same machine. */
  readonly metrics: MetricsSampler;
  /** The health light's check, which never starts WSL. */
  readonly health: HealthMonitor;
  readonly simulated: boolean;
  /** The scenario acted out, when simulated. */
  readonly scenario?: string;
}

/** What the shared part of {@link createBackend} hands a simulated backend: where to keep things. */
export interface SimulatedBackendOptions extends BackendOptions {
  readonly keep: Pick<VerifierOptions, 'historyDir' | 'baselineFile'>;
  readonly stateFile: string;
  readonly csvLog: { readonly csvLog?: RollingCsvLog };
}

/** Builds the backend over the simulated Windows; only the development entry (dev-index.ts) provides one. */
export type SimulatedBackendFactory = (options: SimulatedBackendOptions) => Backend;

let simulated: SimulatedBackendFactory | undefined;

/**
 * Let this process run off Windows against the simulated Windows. Only the development entry calls it, so the
 * production bundle (built from index.ts) holds no simulator code at all.
 */
export function allowSimulatedBackend(factory: SimulatedBackendFactory): void {
  simulated = factory;
}

/**
 * Pick the wsl.exe to talk to: the real one on Windows; elsewhere, in the development build only, the simulator's
 * fake, so the app runs (and is developed) on Linux and macOS with the same process-spawning code.
 */
export function createBackend(options: BackendOptions): Backend {
  const keep = {
    historyDir: join(options.userDataDir, 'wslconfig-history'),
    baselineFile: join(options.userDataDir, 'baselines.json'),
  };
  const stateFile = join(options.userDataDir, 'setup.json');
  // HEADROOM_METRICS_CSV=1 keeps every sample in a rolling CSV (10 MB, one older generation) in the data folder.
  const csvLog =
    (options.env ?? process.env).HEADROOM_METRICS_CSV === '1'
      ? {
          csvLog: openRollingCsvLog({
            path: join(options.userDataDir, 'metrics', 'samples.csv'),
            header: ['time', ...METRICS_CSV_COLUMNS],
            maxBytes: 10 * 2 ** 20,
          }),
        }
      : {};
  if (options.platform === 'win32') {
    const { path } = locateWslConfig({ platform: 'win32', env: options.env ?? process.env });
    const host = thisWindowsHost();
    const metrics = createMetricsSampler({
      hostMemory: () => ({ totalBytes: totalmem(), freeBytes: freemem() }),
      ollama: ollamaPsReader(),
      vmmemCommand: VMMEM_COMMAND,
      ...csvLog,
    });
    const verifier = createVerifier({ host, wslconfigPath: path, ...keep });
    return {
      wsl: createWslCli(),
      verifier,
      setup: { stateFile, wslconfigPath: path },
      metrics,
      health: createHealthMonitor({
        collect: quietCollector({ host, wslconfigPath: path }),
        latency: () => metrics.latency(),
        baseline: () => verifier.baselines?.latest() ?? Promise.resolve(undefined),
      }),
      simulated: false,
    };
  }
  if (!simulated) {
    throw new Error(
      `This build of Headroom runs on Windows only (this is ${options.platform}). Off Windows, \`npm start\` runs the development app against the simulated Windows.`,
    );
  }
  return simulated({ ...options, keep, stateFile, csvLog });
}
