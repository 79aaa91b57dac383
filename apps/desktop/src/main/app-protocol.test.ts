import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERER_CSP } from '@headroom/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, serveRenderer } from './app-protocol';
import { fakeElectron } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const INDEX = '<!doctype html><title>Headroom</title>';
const SECRET = 'top secret, outside the renderer';
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'headroom-app-protocol-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await writeFile(join(root, 'passwd'), SECRET);
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => handler(new Request(url, init));

describe('createAppProtocolHandler', () => {
  it('serves index.html with the renderer CSP and nosniff', async () => {
    const response = await get('app://headroom/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it.each([
    ['app://headroom/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://headroom/assets/app.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each(['app://headroom/', 'app://headroom', 'app://headroom/settings/wsl'])(
    'answers %s with index.html, for the renderer routes',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
    },
  );

  it.each([
    ['app://headroom/../../passwd', 200],
    ['app://headroom/../secret.txt', 404],
    ['app://headroom/%2e%2e/%2e%2e/secret.txt', 404],
  ])(
    'folds the dot segments of %s into the renderer dir (status %i), never reading outside it',
    async (url, status) => {
      const response = await get(url);
      expect(response.status).toBe(status);
      expect(await response.text()).not.toContain(SECRET);
    },
  );

  it.each([
    'app://headroom/..%2fsecret.txt',
    'app://headroom/..%2f..%2fpasswd',
    'app://headroom/assets/..%2f..%2fsecret.txt',
    'app://headroom/..%5csecret.txt',
    'app://headroom/%00index.html',
    'app://headroom/%E0%A4%A',
  ])('refuses %s with 404 and leaks nothing', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain(INDEX);
  });

  it('serves only the headroom host', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://headroom.evil/index.html')).status).toBe(404);
  });

  it('answers 404 for a missing asset rather than index.html', async () => {
    const response = await get('app://headroom/assets/missing.js');
    expect(response.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://headroom/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('app://headroom/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registering the scheme', () => {
  it('makes app: a standard, secure scheme that supports fetch', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('hands Electron a handler that serves the renderer dir', async () => {
    serveRenderer(join(root, 'renderer'));
    const [scheme, registered] = fakeElectron.protocol.handle.mock.calls[0] as [
      string,
      (request: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    expect(await (await registered(new Request('app://headroom/index.html'))).text()).toBe(INDEX);
  });
});
