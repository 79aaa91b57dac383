import { join } from 'node:path';
import type { Capture, NotificationPolicyState, NotificationRequest } from '@headroom/core';
import {
  collectCapture,
  createWslCli,
  extraProbes,
  createWslConfigStore,
  dataFolderLayout,
  historyDirFor,
  migrateDataFolder,
  nullLog,
  openJsonDocument,
  writeSupportBundle,
  type DataFolderLayout,
  type HostFacts,
  type JsonDocument,
  type Log,
  type WslConfigStore,
} from '@headroom/host';
import { createHeadroomService, type HeadroomService, type SupportDeps } from '../headroom-service';
import { captureWithHostFacts } from './capture-host-facts';
import { createHealthMonitor, type HealthMonitor } from '../health/health-monitor';
import { createEventWatcher } from '../history/event-watcher';
import {
  createMetricsSampler,
  type MetricsSampler,
  type MetricsSamplerDeps,
} from '../metrics/metrics-sampler';
import { acceptPolicyState, eventNotification, healthNotifications } from '../notify/notification-decisions';
import { createServiceRouter, type ServiceRouter } from '../service-router';
import { acceptAppSettings, openAppSettings, settingsOverrides } from '../settings/app-settings';
import { switchableCsvLog } from '../metrics/switchable-csv-log';
import type { LoginItemPort } from '../setup/setup-handlers';
import type { VerifierDeps } from '../verify/verify-handlers';
import { createModelFinder } from '../setup/model-discovery';
import { createGoalTarget, type GoalTarget } from '../setup/goal-target';
import { createVerifier, quietCollector } from '../verify/verifier';
import { createWslTurns, type WslTurns } from '../wsl-turns';
import type { Machine } from './machine';

/** What {@link createHeadroom} builds Headroom over. */
export interface CreateHeadroomOptions {
  /** This Windows ({@link windowsMachine}) or a simulated one ({@link simulatedMachine}). */
  readonly machine: Machine;
  /** Headroom's data folder (`resolveDataDir()` from @headroom/host): the one the app, the CLI and the demo share. */
  readonly dataDir: string;
  /** Where background failures go: the app's rolling file, the CLI's stderr with --verbose; default none. */
  readonly log?: Log;
  /** Reads HEADROOM_METRICS_CSV and HEADROOM_HEALTH_INTERVAL_S (they override the Settings page); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Start at sign-in (Electron's); default the machine's, else none. */
  readonly loginItem?: LoginItemPort;
  /** Open a folder in the file manager (Electron's `shell.openPath`); absent in a browser or a terminal. */
  readonly openFolder?: (path: string) => Promise<string>;
  /** How long verify waits for WSL to stop; default 60 s. */
  readonly stopTimeoutMs?: number;
  /** The distro verify boots (a command's --distro); default the Settings page's choice, else WSL's default. */
  readonly distro?: string;
  /** The health check's collection; default the machine's quiet collection (tests hand in a failing one). */
  readonly collect?: () => Promise<Capture>;
  /** Parts of the sampler to replace: the bench hands in a full day's store, or a stream starter that counts. */
  readonly metricsOverrides?: Partial<Pick<MetricsSamplerDeps, 'store' | 'startStream'>>;
}

/** How often each watcher runs once {@link Headroom.start} is called. */
export interface HeadroomIntervals {
  /** The distros (a wsl.exe call); default 10 s. */
  readonly wslMs?: number;
  /**
   * The light health check (never starts WSL) when the Settings page has no interval and HEADROOM_HEALTH_INTERVAL_S
   * is unset; default 5 minutes.
   */
  readonly healthMs?: number;
  /** .wslconfig edited outside Headroom (a file read); default 15 s. */
  readonly wslconfigMs?: number;
}

/** Headroom assembled: the service and everything it keeps and watches, over one machine and one data folder. */
export interface Headroom {
  readonly machine: Machine;
  readonly layout: DataFolderLayout;
  readonly log: Log;
  readonly service: HeadroomService;
  readonly router: ServiceRouter;
  /** The verify loop's adapters; `verifier.store` is the user's .wslconfig with its history. */
  readonly verifier: VerifierDeps;
  readonly health: HealthMonitor;
  /** The setup's saved goal, which the health light and the doctor judge WSL's memory against. */
  readonly goal: GoalTarget;
  readonly metrics: MetricsSampler;
  /** The notification policy's state (when each kind was last shown, muted kinds). */
  readonly notificationState: JsonDocument<NotificationPolicyState>;
  /** The turns every start and stop of WSL takes, shared with the other Headroom processes of this data folder. */
  readonly turns: WslTurns;
  /** The store of any .wslconfig: the user's own shares the app's history, another file has its own folder. */
  storeFor(path: string): WslConfigStore;
  /** Hear what should be notified (health worse, changes since the verified setup, new events); while started. */
  onNotify(listener: (requests: NotificationRequest[]) => void): () => void;
  /** Start the watchers: distros, the health light (and a first check), .wslconfig, and notifications. */
  start(intervals?: HeadroomIntervals): void;
  /** Stop every watcher and the live sampling. */
  stop(): void;
  /**
   * Settles once the work under way has ended: the requests being answered, the health check a shutdown or a
   * verification starts at its end, and every turn with WSL. Whoever removes the data folder after `stop()` waits
   * for it first; never rejects.
   */
  settled(): Promise<void>;
}

/** The sampler's battery reading from the host facts: a laptop off its charger is sampled more slowly. */
function hostFactsPower(facts: HostFacts): () => Promise<{ readonly onBattery: boolean }> {
  return () => facts.power();
}

/**
 * The health check's collection with the host facts filled in (display adapters to name when there is no NVIDIA GPU,
 * edition, the drives of the distros' disks and model folders, battery); without them, the capture as before.
 */
function withFactsOf(machine: Machine, collect: () => Promise<Capture>, log: Log): () => Promise<Capture> {
  const facts = machine.hostFacts;
  if (!facts) return collect;
  return async () => captureWithHostFacts(await collect(), facts, log);
}

/**
 * Diagnostics' support bundle: every probe (WSL is never started for it; the distro checked is the one in Settings)
 * with the host facts, zipped with the log
 * into the data folder's `support` folder, the user's name, profile folder and machine name redacted when asked.
 */
function supportBundles(
  machine: Machine,
  layout: DataFolderLayout,
  log: Log,
  distro: () => string | undefined,
  turns: WslTurns,
): SupportDeps {
  const dir = layout.support;
  const collect = withFactsOf(
    machine,
    () => {
      const name = distro();
      return collectCapture({
        ...(machine.env ? { env: machine.env } : {}),
        host: machine.host,
        wslconfigPath: machine.wslconfigPath,
        extraProbes: extraProbes(),
        bootVm: false,
        ...(name === undefined ? {} : { distro: name }),
      });
    },
    log,
  );
  return {
    dir,
    save: async (redact) =>
      writeSupportBundle({
        // Its probes run in the distros WSL runs: never across a shutdown, whose end they would undo.
        capture: await turns.take('a support bundle’s checks', collect),
        logFiles: [layout.logFile, `${layout.logFile}.1`],
        ...(redact ? { redact: machine.identity } : {}),
        dir,
        now: new Date(),
      }),
  };
}

const DEFAULT_INTERVALS = { wslMs: 10_000, healthMs: 300_000, wslconfigMs: 15_000 } as const;

/**
 * The one composition root: the app's main process, every CLI command and the demo build Headroom here, so they
 * keep .wslconfig's versions, the baselines, the wizard's place and the notification state in the same files of the
 * same data folder (README.md "Data folder"). What the CLI of 0.1 kept elsewhere is moved in first.
 */
export async function createHeadroom(options: CreateHeadroomOptions): Promise<Headroom> {
  const { machine } = options;
  const log = options.log ?? nullLog;
  const env = options.env ?? process.env;
  const layout = dataFolderLayout(options.dataDir);
  await migrateDataFolder(layout, machine.wslconfigPath, log);

  // What the Settings page chose (settings.json), the environment over it; --distro of a command over both.
  let fallbackHealthMs: number = DEFAULT_INTERVALS.healthMs;
  const overrides = settingsOverrides(env);
  const appSettings = await openAppSettings(
    openJsonDocument(layout.settings, acceptAppSettings),
    overrides,
    () => fallbackHealthMs,
  );
  const targetDistro = (): string | undefined => options.distro ?? appSettings.distro();
  const verifier = createVerifier({
    ...(machine.env ? { env: machine.env } : {}),
    host: machine.host,
    wslconfigPath: machine.wslconfigPath,
    historyDir: layout.wslconfigHistory,
    baselineFile: layout.baselines,
    ...(options.stopTimeoutMs === undefined ? {} : { stopTimeoutMs: options.stopTimeoutMs }),
    distro: targetDistro,
  });
  // The metrics CSV log (Settings, or HEADROOM_METRICS_CSV=1) keeps every sample in a rolling CSV (10 MB, one older
  // generation) in the data folder; it is opened on the first row written while it is on.
  const samplerDeps: MetricsSamplerDeps = {
    ...(machine.env ? { env: machine.env } : {}),
    hostMemory: () => machine.hostMemory(),
    ...(machine.ollama ? { ollama: machine.ollama } : {}),
    ...(machine.vmmemCommand ? { vmmemCommand: machine.vmmemCommand } : {}),
    ...(machine.hostFacts ? { power: hostFactsPower(machine.hostFacts) } : {}),
    ...options.metricsOverrides,
    csvLog: switchableCsvLog(layout.metricsCsv, () => appSettings.metricsCsv()),
    log,
  };
  const metrics = createMetricsSampler(samplerDeps);
  const goal = createGoalTarget({
    stateFile: layout.setup,
    shapesFile: layout.setupGoalShapes,
    log,
  });
  // Everything that starts or stops WSL, or runs commands in its distros, takes its turn here (wsl-turns.ts).
  const turns = createWslTurns({ lockPath: join(layout.root, 'wsl-turn'), log });
  const wsl = createWslCli(machine.env ? { env: machine.env } : {});
  const findModels = createModelFinder({
    wsl,
    ...(machine.ollamaApi ? { ollama: machine.ollamaApi } : {}),
    log,
  });
  const collectQuietly =
    options.collect ?? withFactsOf(machine, quietCollector({ ...machine, distro: targetDistro }), log);
  const health = createHealthMonitor({
    target: (facts) => goal.need(facts),
    collect: () => turns.take('the health check', collectQuietly),
    latency: () => metrics.latency(),
    baseline: () => verifier.baselines?.latest() ?? Promise.resolve(undefined),
    log,
  });
  const loginItem = options.loginItem ?? machine.loginItem;
  const notificationState = openJsonDocument(layout.notifications, acceptPolicyState);
  const service = createHeadroomService({
    wsl,
    verifier,
    metrics,
    health,
    setup: {
      stateFile: layout.setup,
      wslconfigPath: machine.wslconfigPath,
      ...(loginItem ? { loginItem } : {}),
      goalTarget: goal,
      onGoalSaved: () => {
        health.check().catch((error: unknown) => log.warn('checking the health against the new goal', error));
      },
      // Its `wsl -d` commands run in the distros it found running: never across a shutdown, which they would undo.
      // Every way in takes the turn here: the wizard's list of models, and a plan for a saved goal's model.
      findModels: (context) => turns.take('the search for models', () => findModels(context)),
    },
    log,
    paths: { dataDir: layout.root, logDir: layout.logDir },
    settings: {
      notificationState,
      healthIntervalMs: () => appSettings.healthIntervalMs(),
      ...(overrides.healthIntervalMs === undefined
        ? {}
        : { healthIntervalOverride: `HEADROOM_HEALTH_INTERVAL_S=${env.HEADROOM_HEALTH_INTERVAL_S ?? ''}` }),
      metricsCsv: () => ({
        enabled: appSettings.metricsCsv(),
        path: layout.metricsCsv,
        ...(overrides.metricsCsv === undefined
          ? {}
          : { override: `HEADROOM_METRICS_CSV=${env.HEADROOM_METRICS_CSV ?? ''}` }),
      }),
      distro: targetDistro,
      update: (change) => appSettings.update(change),
    },
    targetDistro,
    ...(options.openFolder ? { openFolder: options.openFolder } : {}),
    support: supportBundles(machine, layout, log, targetDistro, turns),
    turns,
  });

  // The requests under way, so `settled()` can wait for them and for the health check each may start at its end.
  const answering = new Set<Promise<unknown>>();
  const routed = createServiceRouter(service);
  const router: ServiceRouter = {
    ...routed,
    invoke(channel, request) {
      const answer = routed.invoke(channel, request);
      answering.add(answer);
      // The router answers every request with an envelope, never a rejection.
      void answer.finally(() => answering.delete(answer));
      return answer;
    },
  };

  const notifyListeners = new Set<(requests: NotificationRequest[]) => void>();
  const notify = (requests: NotificationRequest[]): void => {
    if (requests.length > 0) notifyListeners.forEach((listener) => listener(requests));
  };
  const events = createEventWatcher(layout.events);
  let stops: (() => void)[] = [];

  return {
    machine,
    layout,
    log,
    service,
    router,
    verifier,
    health,
    goal,
    metrics,
    notificationState,
    turns,
    storeFor: (path) =>
      createWslConfigStore({ path, historyDir: historyDirFor(layout, path, machine.wslconfigPath) }),
    onNotify(listener) {
      notifyListeners.add(listener);
      return () => notifyListeners.delete(listener);
    },
    start(intervals = {}) {
      const every = { ...DEFAULT_INTERVALS, ...intervals };
      fallbackHealthMs = every.healthMs;
      // The health check's timer follows the Settings page: a new interval applies at once.
      let healthMs = appSettings.healthIntervalMs();
      let stopHealthWatch = health.watch(healthMs);
      let lastLight: Parameters<typeof healthNotifications>[0];
      stops = [
        health.onTimeline((entries) => {
          events.observe(entries).then(
            (fresh) => notify(fresh.flatMap(eventNotification)),
            (error: unknown) => log.warn('remembering which Windows events were already told', error),
          );
        }),
        service.on('health.changed', (light) => {
          notify(healthNotifications(lastLight, light));
          lastLight = light;
        }),
        service.watch(every.wslMs),
        () => stopHealthWatch(),
        appSettings.onChange(() => {
          if (appSettings.healthIntervalMs() === healthMs) return;
          healthMs = appSettings.healthIntervalMs();
          stopHealthWatch();
          stopHealthWatch = health.watch(healthMs);
        }),
        service.watchWslconfig(every.wslconfigMs),
      ];
      health.check().catch((error: unknown) => log.warn('running the first health check', error));
    },
    stop() {
      stops.forEach((stop) => stop());
      stops = [];
      metrics.stop();
      machine.hostFacts?.close();
    },
    async settled() {
      // A request ends by starting a health check (after a shutdown or a verification), which takes its turn for
      // its probes: wait for each in that order, again while requests are still coming in.
      do {
        await Promise.all(answering);
        await health.settled();
        await turns.idle();
      } while (answering.size > 0);
    },
  };
}
