import type { AppPage } from '@headroom/contract';
import { BrowserWindow, dialog, nativeTheme, shell } from 'electron';
import type { TrustedSenders } from './ipc';
import { APP_START_URL, EXTERNAL_LINK_HOSTS, hardenWebContents, webPreferencesFor } from './security';

/** What the main window needs from the rest of the app. */
export interface MainWindowOptions {
  /** The bundled preload script (see paths.ts). */
  readonly preloadPath: string;
  /** The registry its webContents joins, so its IPC is answered. */
  readonly senders: Pick<TrustedSenders, 'trustWebContents'>;
  /** True once the user chose Quit; until then closing the window only hides it. */
  readonly isQuitting: () => boolean;
  /** Told when the renderer fails to load. Default `console.error`. */
  readonly log?: (line: string) => void;
  /** The page to open on (the tray's "Set up Headroom…"); default: the renderer picks. */
  readonly page?: AppPage;
}

/**
 * Create Headroom's window: secure webPreferences, navigation locked to the app, its webContents trusted for IPC,
 * shown once painted, loading the renderer from `app://headroom/`. Closing it hides it: the app lives in the tray.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const log = options.log ?? ((line: string) => console.error(line));
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Headroom',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#202020' : '#f3f3f3',
    autoHideMenuBar: true,
    webPreferences: webPreferencesFor(options.preloadPath),
  });
  hardenWebContents(window.webContents, {
    openExternal: (url) => void shell.openExternal(url),
    refuseExternal: (url) =>
      void dialog.showMessageBox(window, {
        type: 'info',
        title: 'Headroom',
        message: 'Headroom did not open this link.',
        detail: `${url}\n\nHeadroom opens only https pages of ${EXTERNAL_LINK_HOSTS.join(', ')} in your browser.`,
      }),
  });
  options.senders.trustWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
  const url = options.page ? `${APP_START_URL}#${options.page}` : APP_START_URL;
  window.loadURL(url).catch((error: unknown) => {
    log(`Headroom could not load its window (${url}): ${String(error)}`);
  });
  return window;
}
