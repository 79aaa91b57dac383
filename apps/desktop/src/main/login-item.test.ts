import { describe, expect, it, vi } from 'vitest';
import { electronLoginItem, HIDDEN_ARG } from './login-item';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

/** Electron's login item as Windows keeps it: one entry, with the arguments it was set with. */
function fakeApp() {
  let entry = { openAtLogin: false, args: [] as string[] };
  return {
    getLoginItemSettings: vi.fn((options?: { args?: string[] }) => ({
      openAtLogin: entry.openAtLogin && JSON.stringify(options?.args ?? []) === JSON.stringify(entry.args),
    })),
    setLoginItemSettings: vi.fn((settings: { openAtLogin: boolean; args?: string[] }) => {
      entry = { openAtLogin: settings.openAtLogin, args: settings.args ?? [] };
    }),
  };
}

describe('electronLoginItem', () => {
  it('turns start at sign-in on with --hidden, so the app starts in the tray, and off again', async () => {
    const app = fakeApp();
    const item = electronLoginItem(app as never);
    expect(await item.get()).toBe(false);
    await item.set(true);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] });
    expect(await item.get()).toBe(true);
    await item.set(false);
    expect(await item.get()).toBe(false);
  });
});
