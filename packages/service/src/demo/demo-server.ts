import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEMO_PROTOCOL,
  pushChannels,
  RENDERER_CSP,
  type Envelope,
  type PushMessage,
} from '@headroom/contract';
import { nullLog, type Log } from '@headroom/host';
import type { ServiceRouter } from '../service-router';
import { readStaticFile } from './static-files';

/** Where and what the demo serves. */
export interface DemoServerOptions {
  readonly router: ServiceRouter;
  /** The built renderer (index.html and assets). */
  readonly staticDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  readonly token?: string;
  /** Where a request that failed unexpectedly is logged; default none. */
  readonly log?: Log;
}

/** A running demo server. */
export interface DemoServer {
  /** The URL to open, with the token in its fragment. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024;
const HEARTBEAT_MS = 20_000;
/** Open event streams one token may hold; a page needs one, a few tabs a few more. */
export const MAX_EVENT_STREAMS = 8;

const SECURITY_HEADERS = {
  'Content-Security-Policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function sendJson(response: ServerResponse, status: number, body: Envelope): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function refuse(
  response: ServerResponse,
  status: number,
  code: 'unauthorized' | 'invalid-request' | 'unknown-channel' | 'busy',
  message: string,
): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serve the renderer and the service to a browser on 127.0.0.1 only. API calls need the per-run token; every
 * request needs a Host header naming this server (against DNS rebinding), and a POST from another origin is refused.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = (): string[] => [`${HOST}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  async function handleInvoke(
    request: IncomingMessage,
    response: ServerResponse,
    encodedChannel: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end();
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      refuse(response, 403, 'unauthorized', 'Requests from other sites are refused.');
      return;
    }
    if (!sameSecret(request.headers[DEMO_PROTOCOL.tokenHeader] as string | undefined, token)) {
      refuse(
        response,
        401,
        'unauthorized',
        'This demo session’s token is missing or wrong: open the URL the demo printed.',
      );
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(encodedChannel);
    } catch {
      refuse(
        response,
        400,
        'invalid-request',
        'The channel in the request path is not valid percent-encoding.',
      );
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      refuse(response, 413, 'invalid-request', 'The request is too large.');
      return;
    }
    let payload: unknown;
    try {
      payload = body === '' ? undefined : (JSON.parse(body) as unknown);
    } catch {
      refuse(response, 400, 'invalid-request', 'The request body is not JSON.');
      return;
    }
    sendJson(response, 200, await options.router.invoke(channel, payload));
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (!sameSecret(url.searchParams.get(DEMO_PROTOCOL.tokenQuery), token)) {
      refuse(response, 401, 'unauthorized', 'This demo session’s token is missing or wrong.');
      return;
    }
    if (streams.size >= MAX_EVENT_STREAMS) {
      refuse(response, 429, 'busy', 'Too many event streams are open: close another tab of the demo.');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write('retry: 2000\n: connected\n\n');
    const unsubscribes = Object.keys(pushChannels).map((channel) =>
      options.router.subscribe(channel, (payload) => {
        const message: PushMessage = { channel, payload };
        response.write(`data: ${JSON.stringify(message)}\n\n`);
      }),
    );
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(response);
    request.once('close', () => {
      clearInterval(heartbeat);
      unsubscribes.forEach((stop) => stop());
      streams.delete(response);
    });
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      response
        .writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Not found');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (url.pathname.startsWith(DEMO_PROTOCOL.invokePrefix)) {
      await handleInvoke(request, response, url.pathname.slice(DEMO_PROTOCOL.invokePrefix.length));
    } else if (url.pathname === DEMO_PROTOCOL.eventsPath) {
      handleEvents(request, response, url);
    } else {
      await handleStatic(request, response, url);
    }
  }

  /** Every request ends in an answer: whatever the path, headers or body, nothing escapes to the process. */
  function answer(request: IncomingMessage, response: ServerResponse): void {
    let pathname = '(unparsed)';
    const fail = (error: unknown): void => {
      (options.log ?? nullLog).error(`answering ${request.method ?? 'a'} request for ${pathname}`, error);
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    };
    try {
      if (!allowedHosts().includes(request.headers.host ?? '')) {
        response
          .writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Wrong host');
        return;
      }
      let url: URL;
      try {
        url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
      } catch {
        refuse(response, 400, 'invalid-request', 'The request path is not a URL path.');
        return;
      }
      pathname = url.pathname;
      handle(request, response, url).catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  const server = createServer(answer);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  return {
    url: `${origin}/#${DEMO_PROTOCOL.tokenFragment}=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        streams.forEach((stream) => stream.end());
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
