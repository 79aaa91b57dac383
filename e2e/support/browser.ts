import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, where `apt-get install -y chromium` puts it. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags this machine's closed network needs (no background connections that would be refused). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let resolved: Promise<string> | undefined;

/**
 * The Chromium the end-to-end tests drive, so that `npm test` needs no system package: `HEADROOM_CHROMIUM` when
 * set, else Debian's `/usr/bin/chromium` when installed, else the one the devDependency `@sparticuz/chromium` ships
 * inside its npm package (unpacked into the temporary folder on first use). Playwright's own download is never used.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const chosen = env.HEADROOM_CHROMIUM;
  if (chosen) return Promise.resolve(chosen);
  if (existsSync(DEBIAN_CHROMIUM)) return Promise.resolve(DEBIAN_CHROMIUM);
  resolved ??= import('@sparticuz/chromium').then(({ default: packaged }) => packaged.executablePath());
  return resolved;
}

/** Launch headless Chromium for a spec. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
