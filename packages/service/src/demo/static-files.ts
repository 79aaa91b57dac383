import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A file to send: its bytes and content type. */
export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Find the file a URL path names inside `root`, never outside it. Paths without an extension fall back to
 * index.html, so the single-page renderer can own its routes. Resolves undefined when there is no such file.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const base = resolve(root);
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const wanted = relative === '/' || extname(relative) === '' ? '/index.html' : relative;
  const file = resolve(join(base, normalize(wanted)));
  if (!file.startsWith(base + sep)) return undefined;
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return {
      body: await readFile(file),
      contentType: MIME_TYPES[extname(file)] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
