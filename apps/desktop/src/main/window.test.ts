import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrustedSenders } from './ipc';
import { SECURE_WEB_PREFERENCES } from './security';
import { FakeBrowserWindow, fakeElectron, navigationEvent } from './testing/fake-electron';
import { createMainWindow } from './window';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const PRELOAD = '/opt/Headroom/resources/app/dist/preload/preload.cjs';

function openWindow(quitting = false, page?: 'setup') {
  const senders = createTrustedSenders();
  createMainWindow({ preloadPath: PRELOAD, senders, isQuitting: () => quitting, ...(page ? { page } : {}) });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('createMainWindow made no BrowserWindow');
  return { window, senders };
}

beforeEach(() => {
  FakeBrowserWindow.instances.length = 0;
  vi.clearAllMocks();
});

describe('createMainWindow', () => {
  it('creates a hidden window with secure webPreferences and the preload', () => {
    const { window } = openWindow();
    expect(window.options).toMatchObject({
      width: 1100,
      height: 720,
      minWidth: 800,
      minHeight: 560,
      show: false,
    });
    // security.test.ts pins every flag of SECURE_WEB_PREFERENCES; here: the window uses exactly those.
    expect(window.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: PRELOAD });
  });

  it('loads the renderer from the app scheme and shows only once painted', () => {
    const { window } = openWindow();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://headroom/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('opens on the page asked for, such as the setup wizard from the tray', () => {
    const { window } = openWindow(false, 'setup');
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://headroom/index.html#setup');
  });

  it('keeps its page on the app and denies window.open', () => {
    const { window } = openWindow();
    const evil = navigationEvent('https://evil.example');
    const own = navigationEvent('app://headroom/index.html');
    window.webContents.emit('will-navigate', evil, evil.url);
    window.webContents.emit('will-navigate', own, own.url);
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({
      action: 'deny',
    });
  });

  it('sends allowlisted https links to the default browser', () => {
    const { window } = openWindow();
    window.webContents.windowOpenHandler?.({ url: 'https://learn.microsoft.com/windows/wsl/' });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://learn.microsoft.com/windows/wsl/',
    );
  });

  it('trusts its own webContents for IPC, until it is destroyed', () => {
    const { window, senders } = openWindow();
    const event = {
      sender: { id: window.webContents.id },
      senderFrame: { parent: null, url: 'app://headroom/index.html' },
    };
    expect(senders.isTrustedSender(event)).toBe(true);
    window.webContents.destroy();
    expect(senders.isTrustedSender(event)).toBe(false);
  });

  it('hides instead of closing while the app is not quitting', () => {
    const { window } = openWindow(false);
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();
  });

  it('closes for real when the app is quitting', () => {
    const { window } = openWindow(true);
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
    expect(window.hide).not.toHaveBeenCalled();
  });
});
