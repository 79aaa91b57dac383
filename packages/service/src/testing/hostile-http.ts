import { connect } from 'node:net';
import fc from 'fast-check';

/** One raw HTTP/1.1 request as a hostile client may send it: any method, path, headers and body. */
export interface HostileRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** Send the real Host header (so the request passes the rebinding check) or a random one. */
  readonly goodHost: boolean;
  /** Send the session's token header. */
  readonly withToken: boolean;
}

/** What the server said, or why it said nothing. */
export type RawAnswer = { readonly status: number } | { readonly none: 'timeout' | 'closed' };

const pathPieces = fc.oneof(
  fc.constantFrom(
    '/api/invoke/',
    '/api/events',
    '/',
    '/assets/',
    '%',
    '%ff',
    '%e2%82',
    '%00',
    '..',
    '//',
    '?',
    '#',
  ),
  fc.constantFrom('?token=', '&', '%2f', '%2e%2e', 'wsl.list', 'health.check', '\u00e9', '\u{1F600}'),
  fc.string({ maxLength: 12 }),
);

/** Random and hostile requests to the demo server, biased towards its own paths and percent-escapes. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'BREW', 'G\u00e9T'),
  path: fc
    .array(pathPieces, { maxLength: 6 })
    .map((pieces) => pieces.join('').replace(/[\r\n ]/g, ''))
    .map((path) => (path.startsWith('/') ? path : `/${path}`)),
  headers: fc.array(
    fc.tuple(
      fc.constantFrom('origin', 'content-type', 'content-length', 'x-custom', 'transfer-encoding', 'cookie'),
      fc.string({ maxLength: 20 }).map((value) => value.replace(/[\r\n]/g, '')),
    ),
    { maxLength: 3 },
  ),
  body: fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 2 }),
    fc.constantFrom('{', 'null', '[]', '{"a":', '\u0000'),
  ),
  goodHost: fc.boolean(),
  withToken: fc.boolean(),
});

/**
 * Send one request over a plain socket (no client-side validation, so malformed requests reach the server) and
 * read the status line of the answer. Gives up after `timeoutMs`.
 */
export function sendRaw(
  port: number,
  token: string,
  tokenHeader: string,
  request: HostileRequest,
  timeoutMs = 5000,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let done = false;
    const finish = (answer: RawAnswer): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ none: 'timeout' }), timeoutMs);
    socket.on('error', () => finish({ none: 'closed' }));
    socket.on('close', () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      finish(match ? { status: Number(match[1]) } : { none: 'closed' });
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) finish({ status: Number(match[1]) });
    });
    socket.on('connect', () => {
      const body = Buffer.from(request.body, 'utf8');
      const lines = [
        `${request.method} ${request.path} HTTP/1.1`,
        `Host: ${request.goodHost ? `127.0.0.1:${port}` : 'evil.example'}`,
        ...(request.withToken ? [`${tokenHeader}: ${token}`] : []),
        ...request.headers
          .filter(([name]) => name !== 'content-length' && name !== 'transfer-encoding')
          .map(([name, value]) => `${name}: ${value}`),
        `Content-Length: ${body.length}`,
        'Connection: close',
      ];
      socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]));
    });
  });
}
