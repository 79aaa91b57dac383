import { RENDERER_CSP } from '@headroom/contract';
import { readStaticFile } from '@headroom/service';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './security';

/** Headers on every `app:` response: the renderer's CSP, and no content sniffing. */
function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
  });
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** Whether a URL path, once decoded, climbs out of its folder (or cannot be decoded at all). */
function climbsOut(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.includes('\0') || decoded.split(/[/\\]/).includes('..');
}

/**
 * The `app:` protocol handler, free of Electron so tests call it with a plain `Request`: serves files from the
 * renderer build for host `headroom` only, refuses any path that climbs out with 404, falls back to index.html for
 * extensionless paths (the renderer's own routes), and puts the renderer's CSP on every response.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || climbsOut(url.pathname)) {
      return refuse(404, 'Not found');
    }
    const file = await readStaticFile(rendererDir, url.pathname === '' ? '/' : url.pathname);
    if (!file) return refuse(404, 'Not found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
    return new Response(body, { status: 200, headers: securityHeaders(file.contentType) });
  };
}

/**
 * Make `app:` a standard, secure scheme that supports fetch, so the renderer gets a real origin, relative URLs
 * and module scripts. Electron only accepts this before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the renderer build over `app://headroom/` (call once the app is ready). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
