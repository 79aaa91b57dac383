import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AppPage,
  HistoryPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
  PushChannel,
  PushPayload,
  WslSnapshot,
} from '@headroom/contract';
import { decodeConfigBytes, diffLines, type WslDistro } from '@headroom/core';
import { nullLog, WslError, type Log, type WslCli } from '@headroom/host';
import { createDoctorHandlers, type DoctorHandlers } from './doctor/doctor-handlers';
import type { HealthMonitor } from './health/health-monitor';
import type { MetricsSampler } from './metrics/metrics-sampler';
import { ServiceError } from './service-error';
import { createSettingsHandlers, type SettingsDeps } from './settings/settings-handlers';
import { createSetupHandlers, type SetupDeps, type SetupHandlers } from './setup/setup-handlers';
import { createWslconfigEditor } from './wslconfig-editor/wslconfig-editor';
import { createVerifyHandlers, type VerifierDeps } from './verify/verify-handlers';
import { createWslTurns, type WslTurns } from './wsl-turns';

/** One handler per invoke channel; the compiler insists every channel of the contract has one. */
export type InvokeHandlers = {
  readonly [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;
};

type PushListener = (payload: PushPayload<PushChannel>) => void;

/** What the service needs from the outside world; tests and the simulator hand in their own. */
export interface HeadroomServiceOptions {
  readonly wsl: WslCli;
  readonly clock?: () => Date;
  /** How to verify .wslconfig took effect; without it `verify.run` answers `unavailable`. */
  readonly verifier?: VerifierDeps;
  /** Where the setup wizard keeps its place, and sign-in; without it (or a verifier) the wizard is unavailable. */
  readonly setup?: Omit<SetupDeps, 'verifier'>;
  /** Live sampling for the dashboard; without it `metrics.watch` answers `unavailable`. */
  readonly metrics?: MetricsSampler;
  /** The health light; without it `health.get` answers `unavailable`. */
  readonly health?: HealthMonitor;
  /** Where background failures go (each with what was being done); default none. */
  readonly log?: Log;
  /** The data folder and its log folder, for "Open log folder"; without them `app.paths` answers `unavailable`. */
  readonly paths?: { readonly dataDir: string; readonly logDir: string };
  /**
   * Open a folder in the system's file manager (Electron's `shell.openPath`): resolves with '' when it opened, or
   * what went wrong. Absent where the UI is a browser (the demo), which cannot open folders on this computer.
   */
  readonly openFolder?: (path: string) => Promise<string>;
  /** What the Settings page shows and changes; without it `settings.get` answers `unavailable`. */
  readonly settings?: Omit<SettingsDeps, 'dataDir' | 'logDir' | 'canOpenFolders' | 'listDistros'>;
  /** The distro the user chose for checks and the dashboard's reader; undefined: WSL's default. */
  readonly targetDistro?: () => string | undefined;
  /** Diagnostics' support bundle; without it `support.saveBundle` answers `unavailable`. */
  readonly support?: SupportDeps;
  /**
   * The queue every start and stop of WSL waits in (shared with the health check's collection by the composition
   * root); default: one of the service's own.
   */
  readonly turns?: WslTurns;
}

/** How the service writes a support bundle: where, and the collection and zipping (`createHeadroom` brings them). */
export interface SupportDeps {
  /** The folder the bundles go to (the data folder's `support`). */
  readonly dir: string;
  /** Collect a capture and zip it with the log, redacted or not; answers the zip's path, size and entries. */
  save(
    redact: boolean,
  ): Promise<{ path: string; bytes: number; redacted: boolean; entries: readonly string[] }>;
}

/** Headroom's brain, free of Electron: answers the contract's channels and pushes what changed. */
export interface HeadroomService {
  readonly handlers: InvokeHandlers;
  /** Listen to a push channel; returns the function that stops listening. */
  on<C extends PushChannel>(channel: C, listener: (payload: PushPayload<C>) => void): () => void;
  /** Read the distros again and push `wsl.changed` when they differ from what was last seen. */
  refresh(): Promise<WslSnapshot>;
  /**
   * Re-read the distros every `intervalMs`, skipping a tick while one is in flight or while the metrics' in-distro
   * reader runs (its end triggers a read at once); returns the stop function.
   */
  watch(intervalMs: number): () => void;
  /** Ask every window to show a page (the tray's "Set up Headroom…"). */
  show(page: AppPage): void;
  /**
   * Keep an edit made to .wslconfig outside Headroom in its history, tell the windows and judge the light again
   * (WSL applies the edit only at its next start); true when there was one.
   */
  noticeOutsideEdit(): Promise<boolean>;
  /** Look for outside edits every `intervalMs` (a file read, no process); returns the stop function. */
  watchWslconfig(intervalMs: number): () => void;
}

/**
 * How long the timed watch leaves wsl.exe alone after Windows' stub said WSL is not installed: installing WSL takes
 * minutes and a restart, so a 10 s poll would only start processes. A window or "Run checks now" still asks at once.
 */
const NOT_INSTALLED_WATCH_MS = 5 * 60_000;

function sameDistros(a: readonly WslDistro[], b: readonly WslDistro[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Build the service over a wsl.exe adapter (the real one on Windows, the simulator's elsewhere). */
export function createHeadroomService(options: HeadroomServiceOptions): HeadroomService {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? nullLog;
  const turns = options.turns ?? createWslTurns();
  /** Refresh in the background of something else; a failure is logged and the caller goes on. */
  const refreshQuietly = (doing: string): Promise<unknown> =>
    refresh().catch((error: unknown) => log.warn(`reading the distros ${doing}`, error));
  const listeners = new Map<PushChannel, Set<PushListener>>();
  let last: WslSnapshot | undefined;
  let shutdownInFlight: Promise<WslSnapshot> | undefined;

  const push = <C extends PushChannel>(channel: C, payload: PushPayload<C>): void => {
    listeners.get(channel)?.forEach((listener) => listener(payload));
  };

  const refresh = async (): Promise<WslSnapshot> => {
    const epoch = turns.stopEpoch();
    const stoppingBefore = turns.stopping();
    const distros = await options.wsl.listDistros();
    const snapshot: WslSnapshot = { distros, observedAt: clock().toISOString() };
    // Read while WSL is being stopped, or across a stop: the caller gets it, but the reader is not started on it (its
    // `wsl -d` would start the distro again) and the windows hear the read that follows the stop instead.
    if (stoppingBefore || turns.stopping() || epoch !== turns.stopEpoch()) return snapshot;
    const chosen = options.targetDistro?.()?.toLowerCase();
    options.metrics?.runningChanged(
      distros.filter((distro) => distro.state === 'Running').map((distro) => distro.name),
      (
        distros.find((distro) => distro.name.toLowerCase() === chosen) ??
        distros.find((distro) => distro.isDefault)
      )?.name,
    );
    const changed = !last || !sameDistros(last.distros, distros);
    last = snapshot;
    if (changed) push('wsl.changed', snapshot);
    return snapshot;
  };

  const shutdown = (): Promise<WslSnapshot> => {
    // A second click while one is under way joins it; checks that boot WSL end before it starts, not after.
    shutdownInFlight ??= (async () => {
      try {
        await turns.take('a shutdown of WSL', () => options.wsl.shutdown(), { stopsWsl: true });
        return await refresh();
      } finally {
        shutdownInFlight = undefined;
      }
    })();
    return shutdownInFlight;
  };

  const verify = createVerifyHandlers(
    options.verifier,
    (progress) => push('verify.progress', progress),
    turns,
  );
  const setupHandlers =
    options.verifier && options.setup
      ? createSetupHandlers({ ...options.setup, verifier: options.verifier })
      : undefined;
  options.metrics?.onSample((sample) => push('metrics.sample', sample));
  options.health?.onChange((snapshot) => push('health.changed', snapshot));
  const history = async (): Promise<HistoryPayload> => ({
    timeline: [...(options.health?.timeline() ?? [])],
    wslconfig: options.verifier
      ? (
          await options.verifier.store.history().catch((error: unknown) => {
            log.warn('listing the saved .wslconfig versions for the history page (shown as none)', error);
            return [];
          })
        ).map(({ id, savedAt, reason }) => ({
          id,
          savedAt,
          reason,
        }))
      : [],
  });
  options.health?.onTimeline(() => void history().then((payload) => push('history.changed', payload)));
  const health = (): HealthMonitor => {
    if (!options.health)
      throw new ServiceError('unavailable', 'The health check is not available on this machine.');
    return options.health;
  };
  const wslconfigStore = (): VerifierDeps['store'] => {
    if (!options.verifier)
      throw new ServiceError('unavailable', '.wslconfig history is not available on this machine.');
    return options.verifier.store;
  };
  const noticeOutsideEdit = async (): Promise<boolean> => {
    const store = options.verifier?.store;
    if (!store) return false;
    const first = (await store.history()).length === 0;
    const kept = await store.keepOutsideEdit(
      first ? 'as Headroom first found it' : 'edited outside Headroom',
    );
    if (!kept) return false;
    push('history.changed', await history());
    recheck();
    return true;
  };
  /** After WSL was shut down or verified, the light is judged again (in the background). */
  const recheck = (): void =>
    void options.health
      ?.check()
      .catch((error: unknown) => log.warn('checking the light again after a change to WSL', error));
  // The reader ends when WSL stops (or the distro idles): look at once rather than at the next watch tick.
  options.metrics?.onReaderEnded(() => void refreshQuietly('after the in-distro reader ended'));
  const paths = (): { readonly dataDir: string; readonly logDir: string } => {
    if (!options.paths) throw new ServiceError('unavailable', 'Headroom keeps no data folder here.');
    return options.paths;
  };
  let doctorHandlers: DoctorHandlers | undefined;
  const doctor = (): DoctorHandlers => {
    if (!options.health || !options.verifier || !options.paths || !options.setup)
      throw new ServiceError('unavailable', 'Diagnostics are not available on this machine.');
    doctorHandlers ??= createDoctorHandlers({
      health: options.health,
      store: options.verifier.store,
      wslconfigPath: options.setup.wslconfigPath,
      mutedFile: join(options.paths.dataDir, 'diagnostics.json'),
      onWritten: () =>
        void history().then(
          (payload) => push('history.changed', payload),
          (error: unknown) => log.warn('listing the .wslconfig versions after a fix', error),
        ),
    });
    return doctorHandlers;
  };
  const settingsHandlers =
    options.settings && options.paths
      ? createSettingsHandlers({
          ...options.settings,
          ...options.paths,
          canOpenFolders: options.openFolder !== undefined,
          listDistros: async () => {
            try {
              return (await refresh()).distros.map((distro) => distro.name);
            } catch (error) {
              log.warn('listing the distros for the Settings page (shown as none)', error);
              return [];
            }
          },
        })
      : undefined;
  const settings = (): NonNullable<typeof settingsHandlers> => {
    if (!settingsHandlers) throw new ServiceError('unavailable', 'Settings are not available here.');
    return settingsHandlers;
  };
  const openFolder = async (path: string, what: string) => {
    if (!options.openFolder)
      return {
        opened: false,
        path,
        message: `A browser cannot open folders on this computer; ${what} is in the folder shown.`,
      };
    await mkdir(path, { recursive: true });
    const failure = await options.openFolder(path);
    if (failure) log.warn(`opening the folder ${path}: ${failure}`);
    return failure ? { opened: false, path, message: failure } : { opened: true, path };
  };
  let bundleInFlight: ReturnType<SupportDeps['save']> | undefined;
  const saveBundle = async (redact: boolean): Promise<InvokeResponse<'support.saveBundle'>> => {
    const support = options.support;
    if (!support) throw new ServiceError('unavailable', 'Support bundles are not available here.');
    // A second click while one is collecting gets the same bundle, not a second set of probes.
    bundleInFlight ??= support.save(redact).finally(() => {
      bundleInFlight = undefined;
    });
    try {
      const bundle = await bundleInFlight;
      return {
        ...bundle,
        entries: [...bundle.entries],
        folder: support.dir,
        canOpenFolder: options.openFolder !== undefined,
      };
    } catch (error) {
      log.warn('saving a support bundle', error);
      throw new ServiceError(
        'internal',
        `The support bundle could not be written to ${support.dir}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const editor = () => {
    if (!options.verifier || !options.setup)
      throw new ServiceError('unavailable', 'The .wslconfig editor is not available on this machine.');
    return createWslconfigEditor(options.verifier.store, options.setup.wslconfigPath, options.verifier.host);
  };
  const setup = (): SetupHandlers => {
    if (!setupHandlers)
      throw new ServiceError('unavailable', 'The setup wizard is not available on this machine.');
    return setupHandlers;
  };

  return {
    handlers: {
      'wsl.list': () => refresh(),
      'wsl.shutdown': async () => {
        const snapshot = await shutdown();
        recheck();
        return snapshot;
      },
      'verify.run': async (request) => {
        try {
          return await verify.run(request);
        } finally {
          await refreshQuietly('after a verify run');
          recheck();
        }
      },
      'verify.cancel': () => verify.cancel(),
      'verify.rollBack': () => verify.rollBack(),
      'setup.check': async () => {
        try {
          const handlers = setup();
          return await turns.take('setup’s checks', () => handlers.check());
        } finally {
          await refreshQuietly("after the setup wizard's check");
        }
      },
      'setup.fix': ({ findingId }) => setup().fix(findingId),
      // The search's `wsl -d` commands take their turn in the finder the composition root builds (create-headroom.ts).
      'setup.models': () => setup().models(),
      'setup.plan': (goal) => setup().plan(goal),
      'setup.preview': ({ edits }) => setup().preview(edits),
      'setup.state': () => setup().state(),
      'setup.saveState': (state) => setup().saveState(state),
      'app.loginItem': () => setup().loginItem(),
      'app.setLoginItem': ({ enabled }) => setup().setLoginItem(enabled),
      'app.paths': () => Promise.resolve({ ...paths(), canOpenFolders: options.openFolder !== undefined }),
      'app.openLogFolder': () => openFolder(paths().logDir, 'the log'),
      'app.openDataFolder': () => openFolder(paths().dataDir, 'Headroom’s data'),
      'wslconfig.read': () => editor().read(),
      'wslconfig.preview': ({ edits }) => editor().preview(edits),
      'wslconfig.save': async ({ edits }) => {
        const document = await editor().save(edits);
        push('history.changed', await history());
        recheck();
        return document;
      },
      'settings.get': () => settings().get(),
      'settings.muteNotification': ({ kind, muted }) => settings().muteNotification(kind, muted),
      'settings.update': async (change) => {
        const answer = await settings().update(change);
        // A new target distro: the dashboard's reader follows it at once.
        if (change.distro !== undefined) await refreshQuietly('after the target distro changed');
        return answer;
      },
      'health.get': () => {
        const latest = health().latest();
        return latest ? Promise.resolve(latest) : health().check();
      },
      'health.check': () => health().check(),
      'doctor.report': () => doctor().report(),
      'doctor.check': () => doctor().check(),
      'doctor.previewFix': ({ findingId }) => doctor().previewFix(findingId),
      'doctor.fix': ({ findingId }) => doctor().fix(findingId),
      'doctor.mute': ({ findingId, muted }) => doctor().mute(findingId, muted),
      'support.saveBundle': ({ redact }) => saveBundle(redact),
      'support.openFolder': () => {
        if (!options.support)
          throw new ServiceError('unavailable', 'Support bundles are not available here.');
        return openFolder(options.support.dir, 'the support bundle');
      },
      'history.diff': async ({ id }) => {
        const store = wslconfigStore();
        const [version, now] = await Promise.all([store.readVersion(id), store.read()]);
        return {
          id,
          lines: diffLines(decodeConfigBytes(version).text, decodeConfigBytes(now.bytes).text).map(
            ({ kind, text }) => ({
              kind,
              text,
            }),
          ),
        };
      },
      'history.restore': async ({ id }) => {
        const store = wslconfigStore();
        await store.restore(id, { expectedHash: (await store.read()).hash });
        const payload = await history();
        push('history.changed', payload);
        recheck();
        return payload;
      },
      'history.list': async () => {
        if (options.health && !options.health.latest())
          await options.health
            .check()
            .catch((error: unknown) =>
              log.warn('running the first health check for the history page (its events left out)', error),
            );
        return history();
      },
      'metrics.watch': async ({ windowSeconds, watcher }) => {
        const sampler = options.metrics;
        if (!sampler)
          throw new ServiceError('unavailable', 'Live metrics are not available on this machine.');
        if (!sampler.active) await refreshQuietly('before live metrics start');
        sampler.watch(watcher);
        return sampler.snapshot(windowSeconds);
      },
      'metrics.unwatch': ({ watcher }) => {
        options.metrics?.unwatch(watcher);
        return Promise.resolve({ sampling: options.metrics?.active ?? false });
      },
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set<PushListener>();
      listeners.set(channel, set);
      const entry = listener as PushListener;
      set.add(entry);
      return () => set.delete(entry);
    },
    refresh,
    show(page) {
      push('app.show', { page });
    },
    noticeOutsideEdit,
    watchWslconfig(intervalMs) {
      const timer = setInterval(
        () =>
          void noticeOutsideEdit().catch((error: unknown) =>
            log.warn('looking at .wslconfig for edits made outside Headroom', error),
          ),
        intervalMs,
      );
      timer.unref();
      return () => clearInterval(timer);
    },
    watch(intervalMs) {
      let inFlight = false;
      /** While WSL is not installed (Windows' wsl.exe stub answered), the watch asks again only this rarely. */
      let quietUntil = 0;
      const timer = setInterval(() => {
        // While the in-distro reader runs, WSL is known to be up: no wsl.exe is started to ask.
        if (inFlight || options.metrics?.readingWsl === true || clock().getTime() < quietUntil) return;
        inFlight = true;
        refresh()
          .catch((error: unknown) => {
            if (error instanceof WslError && error.failure === 'not-installed') {
              quietUntil = clock().getTime() + NOT_INSTALLED_WATCH_MS;
              log.info('WSL is not installed: the distros are read again in 5 minutes, or when asked', error);
            } else log.warn('reading the distros for the timed watch', error);
          })
          .finally(() => {
            inFlight = false;
          });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
