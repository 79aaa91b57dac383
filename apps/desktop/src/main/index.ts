/**
 * Headroom's Electron main process: wiring only. One instance; the renderer served over `app://`; the service over
 * the real or simulated wsl.exe; IPC from trusted windows only; a tray icon that outlives the window.
 */
import { join } from 'node:path';
import type { AppPage, HealthSnapshot, WslSnapshot } from '@headroom/contract';
import type { NotificationPolicyState, NotificationRequest, TimelineEntry } from '@headroom/core';
import { openJsonDocument } from '@headroom/host';
import {
  createEventWatcher,
  createHeadroomService,
  createServiceRouter,
  toErrorPayload,
} from '@headroom/service';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { APP_ID } from './app-id';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createBackend } from './backend';
import { confirmShutdown } from './confirm-shutdown';
import { createTrustedSenders, forwardPushes, registerIpc } from './ipc';
import { electronLoginItem, HIDDEN_ARG } from './login-item';
import { createNotifier } from './notifier';
import { desktopPaths } from './paths';
import { hardenSession } from './security';
import { createTray } from './tray';
import { createMainWindow } from './window';

const WATCH_INTERVAL_MS = 10_000;
/** How often .wslconfig is looked at for edits made outside Headroom (a file read, no process). */
const WSLCONFIG_INTERVAL_MS = 15_000;
/** The light health check's interval (it never starts WSL): five minutes, or HEADROOM_HEALTH_INTERVAL_S seconds. */
const HEALTH_INTERVAL_MS = (Number(process.env.HEADROOM_HEALTH_INTERVAL_S) || 300) * 1000;

/** How bad each light is, to notify only when it gets worse. */
const HEALTH_RANK: Readonly<Record<HealthSnapshot['health'], number>> = {
  grey: 0,
  green: 1,
  amber: 2,
  red: 3,
};

/** What a new event in the log says as a notification; restarts are left to the history page. */
function eventNotification(entry: TimelineEntry): NotificationRequest[] {
  if (entry.kind === 'restart') return [];
  const body =
    entry.kind === 'inference-crash'
      ? 'Open Headroom to see whether the GPU or memory was the cause.'
      : 'Your WSL GPU setup may have changed. Open Headroom to re-verify it.';
  return [{ kind: entry.kind, title: entry.title, body, page: 'overview' }];
}

/** The notification policy's saved state, when the file holds one. */
function acceptPolicyState(value: unknown): NotificationPolicyState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { lastShown, muted } = value as Record<string, unknown>;
  return typeof lastShown === 'object' && lastShown !== null && Array.isArray(muted)
    ? (value as NotificationPolicyState)
    : undefined;
}

function start(): void {
  const paths = desktopPaths(__dirname);
  const senders = createTrustedSenders();
  let quitting = false;
  let window: BrowserWindow | undefined;

  /** Show the window (creating it on `page` when there is none); true when it already existed. */
  const openWindow = (page?: AppPage): boolean => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow({
        preloadPath: paths.preloadPath,
        senders,
        isQuitting: () => quitting,
        ...(page ? { page } : {}),
      });
      return false;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return true;
  };

  const ready = (): void => {
    hardenSession(session.defaultSession);
    serveRenderer(paths.rendererDir);
    const backend = createBackend({ platform: process.platform, userDataDir: app.getPath('userData') });
    const loginItem = electronLoginItem(app);
    if (backend.simulated)
      console.info(`Headroom is using the simulator, scenario "${backend.scenario ?? ''}".`);
    const service = createHeadroomService({
      wsl: backend.wsl,
      verifier: backend.verifier,
      metrics: backend.metrics,
      health: backend.health,
      setup: { ...backend.setup, loginItem },
    });
    const router = createServiceRouter(service);
    const stopIpc = registerIpc({ ipcMain, router, isTrusted: (event) => senders.isTrustedSender(event) });
    const stopPushes = forwardPushes({
      router,
      send: (channel, ...args) => senders.broadcast(channel, ...args),
    });

    let last: WslSnapshot | undefined;
    const tray = createTray({
      open: () => void openWindow(),
      setUp: () => {
        if (openWindow('setup')) service.show('setup');
      },
      shutdownWsl: () => void shutdownFromTray(),
      runChecks: () => void router.invoke('health.check', undefined),
      reverify: () => void reverifyFromTray(),
      setStartAtLogin: (enabled) =>
        void router.invoke('app.setLoginItem', { enabled }).then((envelope) => {
          if (envelope.ok) tray.setStartAtLogin((envelope.value as { enabled: boolean }).enabled);
        }),
      quit: () => app.quit(),
    });
    /** Ask as the window does, then run the verify loop; the light follows (the service checks again after it). */
    const reverifyFromTray = async (): Promise<void> => {
      const running = last?.distros.filter((d) => d.state === 'Running').map((d) => d.name) ?? [];
      if (running.length > 0 && !(await confirmShutdown(running))) return;
      await router.invoke('verify.run', { edits: [], stopRunning: true });
    };
    const shutdownFromTray = async (): Promise<void> => {
      const running = last?.distros.filter((d) => d.state === 'Running').map((d) => d.name) ?? [];
      if (!(await confirmShutdown(running))) return;
      const envelope = await router.invoke('wsl.shutdown', undefined);
      if (!envelope.ok) tray.update(last, envelope.error);
    };
    const stopTray = service.on('wsl.changed', (snapshot) => {
      last = snapshot;
      tray.update(snapshot);
    });
    service.refresh().then(
      (snapshot) => {
        last = snapshot;
        tray.update(snapshot);
      },
      (error: unknown) => tray.update(last, toErrorPayload(error)),
    );
    const stopWatch = service.watch(WATCH_INTERVAL_MS);
    const notifier = createNotifier({
      store: openJsonDocument(join(app.getPath('userData'), 'notifications.json'), acceptPolicyState),
      open: (page) => {
        if (openWindow(page)) service.show(page);
      },
    });
    const events = createEventWatcher(join(app.getPath('userData'), 'events.json'));
    const stopTimeline = backend.health.onTimeline((entries) => {
      void events.observe(entries).then((fresh) => notifier.notify(fresh.flatMap(eventNotification)));
    });
    let lastHealth: HealthSnapshot['health'] | undefined;
    let lastChanges: readonly string[] = [];
    const stopHealthTray = service.on('health.changed', (health) => {
      tray.setHealth(health);
      if (
        lastHealth !== undefined &&
        HEALTH_RANK[health.health] > HEALTH_RANK[lastHealth] &&
        health.health !== 'grey'
      ) {
        void notifier.notify([
          {
            kind: 'health-worse',
            title: `Headroom: ${health.summary}`,
            body: 'Open Headroom to see what changed and how to fix it.',
            page: 'overview',
          },
        ]);
      }
      const newChanges = health.changes.filter((change) => !lastChanges.includes(change));
      if (newChanges.length > 0) {
        void notifier.notify([
          {
            kind: 'driver-change',
            title: `Since the last verified setup: ${newChanges.join(', ')}`,
            body: 'Your WSL GPU setup may have changed. Open Headroom to re-verify it.',
            page: 'overview',
          },
        ]);
      }
      lastChanges = health.changes;
      lastHealth = health.health;
    });
    void router.invoke('health.check', undefined);
    const stopHealth = backend.health.watch(HEALTH_INTERVAL_MS);
    const stopWslconfig = service.watchWslconfig(WSLCONFIG_INTERVAL_MS);
    loginItem.get().then(
      (enabled) => tray.setStartAtLogin(enabled),
      () => tray.setStartAtLogin(undefined),
    );

    if (!process.argv.includes(HIDDEN_ARG)) openWindow();
    app.on('second-instance', () => void openWindow());
    app.on('will-quit', () => {
      stopWatch();
      stopHealth();
      stopWslconfig();
      stopHealthTray();
      stopTimeline();
      backend.metrics.stop();
      stopTray();
      stopPushes();
      stopIpc();
      tray.destroy();
    });
  };

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // A tray app keeps running with no window; Quit is in the tray menu.
  });
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      dialog.showErrorBox('Headroom could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) {
  app.setAppUserModelId(APP_ID);
  registerAppScheme();
  start();
} else {
  app.quit();
}
