import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DEMO_PROTOCOL, invokePath, RENDERER_CSP } from '@headroom/contract';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulatedService, type SimulatedServiceFixture } from '../testing/simulated-service';
import { hostileRequest, sendRaw } from '../testing/hostile-http';
import { MAX_EVENT_STREAMS, startDemoServer, type DemoServer } from './demo-server';

let fixture: SimulatedServiceFixture;
let staticDir: string;
let server: DemoServer;

beforeEach(async () => {
  fixture = await createSimulatedService('healthy');
  staticDir = mkdtempSync(join(tmpdir(), 'headroom-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Headroom</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startDemoServer({ router: fixture.router, staticDir });
});
afterEach(async () => {
  await server.close();
  await fixture.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

/** A raw request, so a test can send the Host header a DNS-rebinding page would. */
function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const invoke = (
  channel: string,
  init: { token?: string; origin?: string; body?: string } = {},
): Promise<Response> =>
  fetch(`${server.origin}${invokePath(channel)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token === undefined ? {} : { [DEMO_PROTOCOL.tokenHeader]: init.token }),
      ...(init.origin === undefined ? {} : { origin: init.origin }),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });

describe('startDemoServer', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token in its fragment only', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with the CSP and other security headers', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Headroom</title>');
    expect(page.headers.get('content-security-policy')).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`${server.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    writeFileSync(join(staticDir, '..', `${basename(staticDir)}-secret.txt`), 'secret');
    const secret = `${basename(staticDir)}-secret.txt`;
    for (const path of [
      `/../${secret}`,
      `/..%2f${secret}`,
      `/assets/..%2f..%2f${secret}`,
      `/%2e%2e/${secret}`,
    ]) {
      expect(await rawGet(path, `127.0.0.1:${server.port}`), path).toBe(404);
    }
    rmSync(join(staticDir, '..', secret));
  });

  it('refuses requests whose Host header names another site (DNS rebinding)', async () => {
    expect(await rawGet('/', `evil.example:${server.port}`)).toBe(421);
    expect(await rawGet('/', `localhost:${server.port}`)).toBe(200);
  });

  it('answers an invoke with the token, and refuses one without it or with a wrong one', async () => {
    const ok = await invoke('wsl.list', { token: server.token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      ok: true,
      value: { distros: [{ name: 'Ubuntu-24.04' }, { name: 'docker-desktop' }] },
    });
    for (const token of [undefined, 'wrong', `${server.token}x`]) {
      const refused = await invoke('wsl.shutdown', token === undefined ? {} : { token });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(fixture.windows.readState().distros.every((d) => d.running)).toBe(true);
  });

  it('refuses an invoke posted from another origin even with the token', async () => {
    const refused = await invoke('wsl.shutdown', { token: server.token, origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(fixture.windows.readState().distros.every((d) => d.running)).toBe(true);
  });

  it('answers a body that is not JSON with invalid-request', async () => {
    const refused = await invoke('wsl.list', { token: server.token, body: '{not json' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('streams wsl.changed to the page as a server-sent event after a shutdown', async () => {
    await invoke('wsl.list', { token: server.token });
    const controller = new AbortController();
    const events = await fetch(`${server.origin}${DEMO_PROTOCOL.eventsPath}?token=${server.token}`, {
      signal: controller.signal,
    });
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = events.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
    if (!reader) throw new Error('no event stream body');
    await reader.read();
    await invoke('wsl.shutdown', { token: server.token });
    let text = '';
    while (!text.includes('\n\ndata: ') && !/data: .*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const line = text.split('\n').find((l) => l.startsWith('data: ')) ?? '';
    const message = JSON.parse(line.slice('data: '.length)) as {
      channel: string;
      payload: { distros: { state: string }[] };
    };
    expect(message.channel).toBe('wsl.changed');
    expect(message.payload.distros.map((d) => d.state)).toEqual(['Stopped', 'Stopped']);
  });

  it('refuses the event stream without the token', async () => {
    const refused = await fetch(`${server.origin}${DEMO_PROTOCOL.eventsPath}`);
    expect(refused.status).toBe(401);
  });

  it('answers a channel that is not valid percent-encoding with 400 and stays up (URIError crash)', async () => {
    for (const path of ['/api/invoke/%ff', '/api/invoke/%e2%82', '/api/invoke/%']) {
      const answer = await sendRaw(server.port, server.token, DEMO_PROTOCOL.tokenHeader, {
        method: 'POST',
        path,
        headers: [],
        body: '',
        goodHost: true,
        withToken: true,
      });
      expect(answer, path).toEqual({ status: 400 });
      expect(await rawGet('/api/invoke/%ff', `127.0.0.1:${server.port}`)).toBe(405);
    }
    expect((await fetch(`${server.origin}/`)).status).toBe(200);
  });

  it('caps the event streams one token may hold open', async () => {
    const controllers = Array.from({ length: MAX_EVENT_STREAMS }, () => new AbortController());
    const url = `${server.origin}${DEMO_PROTOCOL.eventsPath}?${DEMO_PROTOCOL.tokenQuery}=${server.token}`;
    const open = await Promise.all(controllers.map((c) => fetch(url, { signal: c.signal })));
    expect(open.map((r) => r.status)).toEqual(open.map(() => 200));
    const extra = await fetch(url);
    expect(extra.status).toBe(429);
    controllers.forEach((c) => c.abort());
  });

  it('answers every random or hostile request and stays up (property)', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261205);
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (request) => {
        const answer = await sendRaw(server.port, server.token, DEMO_PROTOCOL.tokenHeader, request, 3000);
        expect(answer).toHaveProperty('status');
        expect((await fetch(`${server.origin}/`)).status).toBe(200);
      }),
      { seed, numRuns: 60 },
    );
  }, 60_000);
});
