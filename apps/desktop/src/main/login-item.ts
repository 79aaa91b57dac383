import type { LoginItemPort } from '@headroom/service';
import type { App } from 'electron';

/** The argument the app starts with at sign-in: straight to the tray, no window. */
export const HIDDEN_ARG = '--hidden';

/**
 * Start at sign-in through Electron's login item (the Run key of the user on Windows), with `--hidden` so the app
 * comes up in the tray without opening its window.
 */
export function electronLoginItem(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>,
): LoginItemPort {
  return {
    get: async () => Promise.resolve(app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin),
    set: async (enabled) => {
      app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
      return Promise.resolve();
    },
  };
}
