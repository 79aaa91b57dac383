import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildRenderer, isRendererBuilt, rendererDistDir } from '@headroom/desktop';
import {
  createHeadroom,
  memoryLoginItem,
  simulatedMachine,
  startDemoServer,
  type DemoServer,
} from '@headroom/service';
import { createSimulatedWindows, scenarioNames, simulatorTimeScale } from '@headroom/simulator';
import { BOUNDS, parseNumber, parseOptions } from '../args';
import { EXIT, UsageError, type CliIo } from '../cli-io';

/** What the demo runs against and where it listens. */
export interface DemoOptions {
  readonly scenario: string;
  readonly port: number;
  /** Keep the simulated machine here; a temporary folder (removed on stop) when absent. */
  readonly stateDir?: string;
}

/** A running demo: the server and how to stop everything it started. */
export interface RunningDemo {
  readonly server: DemoServer;
  stop(): Promise<void>;
}

/** How often the demo re-reads the distros, so changes made behind its back still reach the page. */
const WATCH_INTERVAL_MS = 5_000;

/** How long a stopping demo waits for the work under way before removing its state folder. */
const SETTLE_MS = 5_000;

/** How often the demo's light health check runs (it never starts WSL). */
const HEALTH_INTERVAL_MS = 60_000;

/** How long verify waits for the VM to stop, in simulated time (HEADROOM_SIM_TIME_SCALE shrinks it as it does the VM's). */
const VERIFY_STOP_TIMEOUT_MS = 60_000;

/** Parse and check `headroom demo` options; a mistake becomes a {@link UsageError} that says how to fix it. */
export function parseDemoArgs(args: readonly string[]): DemoOptions {
  const { values } = parseOptions(args, {
    scenario: { type: 'string', default: 'healthy' },
    port: { type: 'string', default: '0' },
    'state-dir': { type: 'string' },
  });
  if (!scenarioNames().includes(values.scenario)) {
    throw new UsageError(
      `There is no scenario named "${values.scenario}". Scenarios: ${scenarioNames().join(', ')}.`,
    );
  }
  const port = parseNumber('port', values.port, BOUNDS.port);
  return {
    scenario: values.scenario,
    port,
    ...(values['state-dir'] ? { stateDir: resolve(values['state-dir']) } : {}),
  };
}

/** Start the demo: a simulated Windows, the real service over it, and the server for the built renderer. */
export async function startDemo(options: DemoOptions, io: CliIo): Promise<RunningDemo> {
  if (!isRendererBuilt()) {
    io.stdout.write('Building the Headroom window for the browser (first run only)…\n');
    await buildRenderer({ quiet: true });
  }
  const ownsStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'headroom-demo-'));
  const windows = createSimulatedWindows({ scenario: options.scenario, stateDir });
  // The demo's data folder lives beside its simulated machine, never in the user's: a browser tab is not the app.
  const headroom = await createHeadroom({
    machine: simulatedMachine(windows, memoryLoginItem()),
    dataDir: join(stateDir, 'headroom'),
    ...(io.log ? { log: io.log } : {}),
    stopTimeoutMs: VERIFY_STOP_TIMEOUT_MS * simulatorTimeScale(process.env),
  });
  let server: DemoServer;
  try {
    server = await startDemoServer({
      router: headroom.router,
      ...(io.log ? { log: io.log } : {}),
      staticDir: rendererDistDir,
      port: options.port,
    });
  } catch (error) {
    if (ownsStateDir) rmSync(stateDir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `Port ${options.port} is in use. Pick another with --port, or --port 0 for any free port.`,
      );
    }
    throw error;
  }
  headroom.start({ wslMs: WATCH_INTERVAL_MS, healthMs: HEALTH_INTERVAL_MS, wslconfigMs: WATCH_INTERVAL_MS });
  return {
    server,
    async stop() {
      headroom.stop();
      await server.close();
      // A health check that a shutdown just started still runs its simulated programs in the state folder: let it
      // end, but never hold Ctrl+C up for long behind a verification under way.
      await Promise.race([
        headroom.settled(),
        new Promise((resolve) => setTimeout(resolve, SETTLE_MS).unref()),
      ]);
      if (ownsStateDir) rmSync(stateDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Resolves when the user presses Ctrl+C or the process is asked to terminate. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolvePromise) => {
    process.once('SIGINT', () => resolvePromise());
    process.once('SIGTERM', () => resolvePromise());
  });
}

/** `headroom demo`: serve the window to a browser until interrupted. */
export async function runDemo(
  args: readonly string[],
  io: CliIo,
  untilStopped = untilInterrupted,
): Promise<number> {
  const options = parseDemoArgs(args);
  const demo = await startDemo(options, io);
  io.stdout.write(
    [
      `Headroom demo against a simulated Windows (scenario "${options.scenario}").`,
      `Open ${demo.server.url}`,
      'The address holds this run’s access token; it only works on this computer. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await untilStopped();
  await demo.stop();
  io.stdout.write('Headroom demo stopped.\n');
  return EXIT.ok;
}
