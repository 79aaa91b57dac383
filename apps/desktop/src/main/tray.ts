import type { WslSnapshot } from '@headroom/contract';
import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { drawTrayIcon, trayStateFor, trayTooltip, type TrayState } from './tray-icon';

/** What the tray's clicks and menu items do; index.ts supplies them. */
export interface TrayActions {
  /** Show and focus the main window (left click, and "Open Headroom"). */
  open(): void;
  /** Open the window on the setup wizard ("Set up Headroom…"). */
  setUp(): void;
  /** Run `wsl --shutdown` through the service, as the window's button does. */
  shutdownWsl(): void;
  quit(): void;
}

/** The tray icon, kept in step with WSL's state. */
export interface HeadroomTray {
  /** Show a new snapshot, or why WSL could not be read. */
  update(snapshot: WslSnapshot | undefined, error?: { readonly message: string }): void;
  destroy(): void;
}

/** The icon is drawn at 32 px and marked 2x, so Windows shows it crisp at 16 DIP and scales it for other DPIs. */
const ICON_PIXELS = 32;

function trayImage(state: TrayState): NativeImage {
  return nativeImage.createFromBitmap(Buffer.from(drawTrayIcon(state, ICON_PIXELS)), {
    width: ICON_PIXELS,
    height: ICON_PIXELS,
    scaleFactor: 2,
  });
}

/** "Shut down WSL" is greyed out only when WSL is known to be stopped; a hung or unreadable WSL may need it most. */
function trayMenu(actions: TrayActions, canShutDown: boolean) {
  return Menu.buildFromTemplate([
    { label: 'Open Headroom', click: () => actions.open() },
    { label: 'Set up Headroom…', click: () => actions.setUp() },
    { label: 'Shut down WSL', enabled: canShutDown, click: () => actions.shutdownWsl() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ]);
}

/**
 * Create Headroom's tray icon: green while a distro runs, grey otherwise, a tooltip naming the running distros,
 * a left click that opens the window, and a menu to open Headroom or its setup, shut WSL down or quit.
 */
export function createTray(actions: TrayActions): HeadroomTray {
  const tray = new Tray(trayImage('stopped'));
  tray.setToolTip(trayTooltip(undefined));
  tray.setContextMenu(trayMenu(actions, true));
  tray.on('click', () => actions.open());
  return {
    update(snapshot, error) {
      const state = error ? 'stopped' : trayStateFor(snapshot);
      tray.setImage(trayImage(state));
      tray.setToolTip(trayTooltip(snapshot, error));
      tray.setContextMenu(trayMenu(actions, error !== undefined || state === 'running'));
    },
    destroy() {
      tray.destroy();
    },
  };
}
