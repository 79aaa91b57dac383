/**
 * Headroom's Electron main process: wiring only. One instance; the renderer served over `app://`; the service over
 * the real or simulated wsl.exe; IPC from trusted windows only; a tray icon that outlives the window.
 */
import type { AppPage, WslSnapshot } from '@headroom/contract';
import { dataFolderLayout, logLevelFrom, openFileLog, resolveDataDir } from '@headroom/host';
import { createHeadroom, toErrorPayload } from '@headroom/service';
import { app, dialog, ipcMain, Menu, session, shell, type BrowserWindow } from 'electron';
import { APP_ID } from './app-id';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { chooseMachine } from './backend';
import { confirmShutdown } from './confirm-shutdown';
import { createTrustedSenders, forwardPushes, registerIpc } from './ipc';
import { electronLoginItem, HIDDEN_ARG } from './login-item';
import { createNotifier } from './notifier';
import { desktopPaths } from './paths';
import { hardenSession } from './security';
import { createTray } from './tray';
import { createMainWindow } from './window';

function start(dataDir: string): void {
  const paths = desktopPaths(__dirname);
  const log = openFileLog({ path: dataFolderLayout(dataDir).logFile, level: logLevelFrom(process.env) });
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

  // Registered before whenReady, as Electron asks: a second launch during start-up must still show the window.
  let started = false;
  let showWhenStarted = false;
  app.on('second-instance', () => {
    if (started) void openWindow();
    else showWhenStarted = true;
  });

  const ready = async (): Promise<void> => {
    // No application menu, so none of its DevTools, Reload or Zoom shortcuts in the window.
    Menu.setApplicationMenu(null);
    hardenSession(session.defaultSession);
    serveRenderer(paths.rendererDir);
    const machine = chooseMachine({ platform: process.platform, dataDir });
    const loginItem = electronLoginItem(app);
    if (machine.simulated)
      console.info(`Headroom is using the simulator, scenario "${machine.scenario ?? ''}".`);
    log.info(`Headroom starting on ${machine.label}`);
    const headroom = await createHeadroom({
      machine,
      dataDir,
      log,
      loginItem,
      openFolder: (folder) => shell.openPath(folder),
    });
    const { service, router } = headroom;
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
      editWslconfig: () => {
        if (openWindow('wslconfig')) service.show('wslconfig');
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
    const notifier = createNotifier({
      store: headroom.notificationState,
      open: (page) => {
        if (openWindow(page)) service.show(page);
      },
      log,
    });
    const stopNotify = headroom.onNotify((requests) => void notifier.notify(requests));
    const stopHealthTray = service.on('health.changed', (health) => tray.setHealth(health));
    // The health check's interval: the Settings page's (HEADROOM_HEALTH_INTERVAL_S over it), else five minutes.
    headroom.start();
    loginItem.get().then(
      (enabled) => tray.setStartAtLogin(enabled),
      (error: unknown) => {
        log.warn('reading whether Headroom starts at sign-in', error);
        tray.setStartAtLogin(undefined);
      },
    );

    started = true;
    if (!process.argv.includes(HIDDEN_ARG) || showWhenStarted) openWindow();
    app.on('will-quit', () => {
      headroom.stop();
      stopHealthTray();
      stopNotify();
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
      log.error('starting Headroom', error);
      dialog.showErrorBox('Headroom could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

// The app's data folder is the CLI's (resolveDataDir), so both see the same versions, baselines and log.
const dataDir = resolveDataDir(process.env);
app.setPath('userData', dataDir);
if (app.requestSingleInstanceLock()) {
  app.setAppUserModelId(APP_ID);
  registerAppScheme();
  start(dataDir);
} else {
  app.quit();
}
