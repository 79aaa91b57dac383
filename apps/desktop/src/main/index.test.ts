import type { WslSnapshot } from '@headroom/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH } from '../preload/ipc-channels';
import type { FakeMenuItem } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

let userData: string;

beforeEach(() => {
  vi.stubEnv('HEADROOM_SCENARIO', 'healthy');
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  userData = mkdtempSync(join(tmpdir(), 'headroom-main-'));
  vi.stubEnv('HEADROOM_DATA_DIR', userData);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  // The simulated machine's fake programs may still be writing their state as the test ends: retry the removal.
  rmSync(userData, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Load the entry afresh against a fresh fake electron, as Electron would run dist/main/index.cjs. */
async function launch(gotLock = true, ready?: Promise<void>) {
  vi.resetModules();
  const fakes = await import('./testing/fake-electron');
  vi.doMock('electron', () => fakes.fakeElectron);
  fakes.fakeElectron.app.userData = userData;
  fakes.fakeElectron.app.gotLock = gotLock;
  if (ready) fakes.fakeElectron.app.whenReady.mockReturnValueOnce(ready);
  await import('./dev-index');
  return fakes;
}

function lastMenu(tray: { setContextMenu: { mock: { calls: unknown[][] } } }): FakeMenuItem[] {
  const [menu] = (tray.setContextMenu.mock.calls.at(-1) ?? []) as [{ template: FakeMenuItem[] }?];
  return menu?.template ?? [];
}

describe('the main process entry', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { fakeElectron } = await launch(false);
    expect(fakeElectron.app.quit).toHaveBeenCalledOnce();
    expect(fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('hears a second launch while it starts (before whenReady), and has no application menu', async () => {
    let becomeReady: () => void = () => undefined;
    const { fakeElectron, FakeBrowserWindow } = await launch(
      true,
      new Promise<void>((resolve) => (becomeReady = resolve)),
    );
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(1);
    fakeElectron.app.emit('second-instance');
    becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('wires the window, IPC, pushes and tray to the service over the simulator', async () => {
    const { fakeElectron, FakeBrowserWindow, FakeTray } = await launch();
    const { app, ipcMain, protocol, session } = fakeElectron;
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const [window] = FakeBrowserWindow.instances;
    const [tray] = FakeTray.instances;
    if (!window || !tray) throw new Error('no window or no tray');

    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0] ?? 0,
    );
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(app.setAppUserModelId).toHaveBeenCalledWith('dev.headroom.app');
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(window.loadURL).toHaveBeenCalledWith('app://headroom/index.html');
    expect(console.info).toHaveBeenCalledWith('Headroom is using the simulator, scenario "healthy".');

    const invoke = ipcMain.handlers.get(IPC_INVOKE);
    const fromWindow = {
      sender: { id: window.webContents.id },
      senderFrame: { parent: null, url: 'app://headroom/index.html' },
    };
    await expect(invoke?.(fromWindow, 'wsl.list', undefined)).resolves.toMatchObject({
      ok: true,
      value: { distros: [{ name: 'Ubuntu-24.04', state: 'Running' }, { name: 'docker-desktop' }] },
    });
    await vi.waitFor(
      () =>
        expect(tray.setToolTip).toHaveBeenLastCalledWith(
          'Headroom — OK · WSL running: Ubuntu-24.04, docker-desktop',
        ),
      { timeout: 10_000 },
    );
    expect(lastMenu(tray)[0]).toMatchObject({ label: 'OK — OK', enabled: false });
    expect(lastMenu(tray).find((item) => item.label === 'Start at login')).toMatchObject({ checked: false });

    await expect(invoke?.(fromWindow, 'app.paths', undefined)).resolves.toEqual({
      ok: true,
      value: { dataDir: userData, logDir: join(userData, 'logs'), canOpenFolders: true },
    });
    await expect(invoke?.(fromWindow, 'app.openLogFolder', undefined)).resolves.toMatchObject({
      ok: true,
      value: { opened: true, path: join(userData, 'logs') },
    });
    expect(fakeElectron.shell.openPath).toHaveBeenCalledWith(join(userData, 'logs'));
    expect(app.setPath).toHaveBeenCalledWith('userData', userData);

    const clickShutdown = (): void =>
      lastMenu(tray)
        .find((item) => item.label === 'Shut down WSL')
        ?.click?.();
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    clickShutdown();
    await vi.waitFor(() => expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(fakeElectron.dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({
      message: 'Shut down WSL?',
      detail: expect.stringContaining('This stops Ubuntu-24.04 and docker-desktop.') as unknown,
      buttons: ['Shut down', 'Cancel'],
      cancelId: 1,
    });
    await expect(invoke?.(fromWindow, 'wsl.list', undefined)).resolves.toMatchObject({
      value: { distros: [{ state: 'Running' }, { state: 'Running' }] },
    });

    clickShutdown();
    await vi.waitFor(
      () => expect(tray.setToolTip).toHaveBeenLastCalledWith('Headroom — WSL stopped (normal)'),
      {
        timeout: 10_000,
      },
    );
    const pushes = window.webContents.send.mock.calls.filter(
      ([channel, pushChannel]) => channel === IPC_PUSH && pushChannel === 'wsl.changed',
    );
    const [, , pushed] = (pushes.at(-1) ?? []) as [string?, string?, WslSnapshot?];
    expect(pushed?.distros.map((distro) => distro.state)).toEqual(['Stopped', 'Stopped']);

    expect(app.listenerCount('window-all-closed')).toBeGreaterThan(0);
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance');
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();

    lastMenu(tray)
      .find((item) => item.label === 'Quit')
      ?.click?.();
    expect(app.quit).toHaveBeenCalledOnce();
    app.emit('before-quit');
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();

    app.emit('will-quit');
    expect(ipcMain.handlers.has(IPC_INVOKE)).toBe(false);
    expect(tray.destroy).toHaveBeenCalled();
  });
});
