import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isExternalLinkAllowed,
  SECURE_WEB_PREFERENCES,
  webPreferencesFor,
} from './security';
import { FakeWebContents, navigationEvent } from './testing/fake-electron';

function hardened(openExternal?: (url: string) => void): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, openExternal ? { openExternal } : {});
  return contents;
}

describe('webPreferencesFor', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const prefs = webPreferencesFor('/app/dist/preload/preload.cjs');
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      preload: '/app/dist/preload/preload.cjs',
    });
  });

  it('cannot be loosened by mutating the shared defaults', () => {
    expect(() => {
      (SECURE_WEB_PREFERENCES as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
    expect(webPreferencesFor('p').sandbox).toBe(true);
  });
});

describe('isAppUrl', () => {
  it.each(['app://headroom/index.html', 'app://headroom/', 'app://headroom/assets/app.js?v=1#x'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'https://evil.example/',
    'app://evil/index.html',
    'app://headroom.evil.example/index.html',
    'app://headroom@evil/index.html',
    'app://headroom:8080/index.html',
    'file:///C:/Windows/System32/',
    'http://headroom/index.html',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('hardenWebContents', () => {
  it('cancels navigation away from the app and lets the app navigate within itself', () => {
    const contents = hardened();
    const evil = navigationEvent('https://evil.example');
    const own = navigationEvent('app://headroom/index.html');
    contents.emit('will-navigate', evil, evil.url);
    contents.emit('will-navigate', own, own.url);
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['will-redirect', 'will-frame-navigate'])('cancels %s to another origin', (eventName) => {
    const contents = hardened();
    const evil = navigationEvent('https://evil.example/login');
    const own = navigationEvent('app://headroom/index.html');
    contents.emit(eventName, evil, evil.url);
    contents.emit(eventName, own, own.url);
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach a webview', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open, even for the app itself', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://headroom/index.html' })).toEqual({ action: 'deny' });
  });

  it('opens only allowlisted https links in the browser', () => {
    const openExternal = vi.fn();
    const contents = hardened(openExternal);
    contents.windowOpenHandler?.({ url: 'https://learn.microsoft.com/windows/wsl/wsl-config' });
    contents.windowOpenHandler?.({ url: 'http://learn.microsoft.com/windows/wsl/wsl-config' });
    contents.windowOpenHandler?.({ url: 'https://evil.example/' });
    const link = navigationEvent('https://github.com/microsoft/WSL/issues');
    contents.emit('will-navigate', link, link.url);
    expect(link.preventDefault).toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([
      ['https://learn.microsoft.com/windows/wsl/wsl-config'],
      ['https://github.com/microsoft/WSL/issues'],
    ]);
  });
});

describe('links the window refuses', () => {
  it('says so instead of doing nothing', () => {
    const openExternal = vi.fn();
    const refuseExternal = vi.fn();
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, { openExternal, refuseExternal });
    contents.windowOpenHandler?.({ url: 'https://evil.example/' });
    contents.windowOpenHandler?.({ url: 'https://docs.nvidia.com/cuda/wsl-user-guide/index.html' });
    expect(refuseExternal.mock.calls).toEqual([['https://evil.example/']]);
    expect(openExternal.mock.calls).toEqual([['https://docs.nvidia.com/cuda/wsl-user-guide/index.html']]);
  });
});

describe('isExternalLinkAllowed', () => {
  it('opens every source the doctor and the sizing cite', () => {
    const core = join(import.meta.dirname, '..', '..', '..', '..', 'packages', 'core', 'src');
    const files = ['doctor/rules', 'sizing', 'setup']
      .map((dir) => join(core, dir))
      .filter((dir) => existsSync(dir))
      .flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => name.endsWith('.ts') && !name.includes('.test.'))
          .map((name) => join(dir, name)),
      );
    const urls = files.flatMap((file) => readFileSync(file, 'utf8').match(/https:\/\/[^\s'"`)<>\]]+/g) ?? []);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !isExternalLinkAllowed(url) && !url.includes('example'))).toEqual([]);
  });

  it.each([
    ['https://learn.microsoft.com/windows/wsl/', true],
    ['https://user:pw@github.com/', false],
    ['https://github.com.evil.example/', false],
    ['file:///C:/Windows/System32/cmd.exe', false],
    ['javascript:alert(1)', false],
  ])('%s -> %s', (url, allowed) => expect(isExternalLinkAllowed(url)).toBe(allowed));
});

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session);
    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ];
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0] as [
      (contents: unknown, permission: string) => boolean,
    ];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(checkHandler({}, permission)).toBe(false);
    }
  });
});
