import type { HealthSnapshot, WslSnapshot } from '@headroom/contract';
import { HEALTH_WORDS } from '@headroom/core';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { drawTrayIcon, trayStateFor, trayTooltip, type TrayState } from './tray-icon';

/** What the tray's clicks and menu items do; index.ts supplies them. */
export interface TrayActions {
  /** Show and focus the main window (left click, and "Open Headroom"). */
  open(): void;
  /** Open the window on the setup wizard ("Set up Headroom…"). */
  setUp(): void;
  /** Open the window on the .wslconfig editor ("Edit .wslconfig"). */
  editWslconfig(): void;
  /** Run the light health check now ("Run checks now"). */
  runChecks(): void;
  /** Run `wsl --shutdown` through the service, as the window's button does. */
  shutdownWsl(): void;
  /** Shut WSL down, start it again and prove it has what .wslconfig says (the verify loop). */
  reverify(): void;
  /** Turn starting at sign-in on or off. */
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

/** The tray icon, kept in step with WSL's state and the health light. */
export interface HeadroomTray {
  /** Show a new snapshot, or why WSL could not be read. */
  update(snapshot: WslSnapshot | undefined, error?: { readonly message: string }): void;
  /** Show a new health light (its colour and shape, and its line in the tooltip and the menu). */
  setHealth(health: HealthSnapshot): void;
  /** Tick or untick "Start at login". */
  setStartAtLogin(enabled: boolean | undefined): void;
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

/**
 * The menu, in docs/ux.md "Tray" order: the health line (disabled), open, checks, setup, "Shut down WSL" (greyed out
 * only when WSL is known to be stopped: a hung or unreadable WSL may need it most), "Start at login" when it can be
 * set, Quit.
 */
function trayMenu(
  actions: TrayActions,
  view: { canShutDown: boolean; healthLine: string | undefined; startAtLogin: boolean | undefined },
) {
  const items: MenuItemConstructorOptions[] = [
    ...(view.healthLine ? [{ label: view.healthLine, enabled: false }, { type: 'separator' as const }] : []),
    { label: 'Open Headroom', click: () => actions.open() },
    { label: 'Run checks now', click: () => actions.runChecks() },
    { label: 'Set up Headroom…', click: () => actions.setUp() },
    { label: 'Shut down WSL', enabled: view.canShutDown, click: () => actions.shutdownWsl() },
    { label: 'Shut down WSL and re-verify', click: () => actions.reverify() },
    { label: 'Edit .wslconfig', click: () => actions.editWslconfig() },
    { type: 'separator' },
    ...(view.startAtLogin === undefined
      ? []
      : [
          {
            label: 'Start at login',
            type: 'checkbox' as const,
            checked: view.startAtLogin,
            click: () => actions.setStartAtLogin(!view.startAtLogin),
          },
        ]),
    { label: 'Quit', click: () => actions.quit() },
  ];
  return Menu.buildFromTemplate(items);
}

/**
 * The tray icon's identity on Windows, the same in every version: Windows 11 keeps the user's "show this icon in the
 * taskbar" choice per GUID, so an update (or a new install path) does not hide the light in the overflow again.
 */
export const TRAY_GUID = '5c3e8a51-6f0b-4d8e-9a57-0d1c2b7e4f19';

/**
 * Create Headroom's tray icon: the health light's colour and shape (green disc, amber triangle, red diamond, grey
 * ring), a tooltip with its line and the running distros, a left click that opens the window, and the menu.
 */
export function createTray(actions: TrayActions): HeadroomTray {
  const tray = new Tray(trayImage('grey'), TRAY_GUID);
  let snapshot: WslSnapshot | undefined;
  let error: { readonly message: string } | undefined;
  let health: HealthSnapshot | undefined;
  let startAtLogin: boolean | undefined;
  let shown: TrayState | undefined = 'grey';

  const render = (): void => {
    const state = health?.health ?? (error ? 'grey' : trayStateFor(snapshot));
    if (state !== shown) {
      tray.setImage(trayImage(state));
      shown = state;
    }
    tray.setToolTip(trayTooltip(snapshot, error, health));
    const running = snapshot?.distros.some((distro) => distro.state === 'Running') ?? false;
    tray.setContextMenu(
      trayMenu(actions, {
        canShutDown: error !== undefined || running || snapshot === undefined,
        healthLine: health ? `${HEALTH_WORDS[health.health]} — ${health.summary}` : undefined,
        startAtLogin,
      }),
    );
  };

  tray.on('click', () => actions.open());
  tray.setToolTip(trayTooltip(undefined));
  tray.setContextMenu(trayMenu(actions, { canShutDown: true, healthLine: undefined, startAtLogin }));
  return {
    update(next, nextError) {
      snapshot = next;
      error = nextError;
      render();
    },
    setHealth(next) {
      health = next;
      render();
    },
    setStartAtLogin(enabled) {
      startAtLogin = enabled;
      render();
    },
    destroy() {
      tray.destroy();
    },
  };
}
