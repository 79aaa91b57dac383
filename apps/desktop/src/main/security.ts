import type { Session, WebContents, WebPreferences } from 'electron';

/** The privileged scheme and host the renderer is served from by app-protocol.ts, never remote HTTP. */
export const APP_SCHEME = 'app';
/** See {@link APP_SCHEME}. */
export const APP_HOST = 'headroom';
/** Where the renderer lives. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page every window loads. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Hosts whose https pages a link in the renderer may open in the user's browser: every host the doctor, the setup
 * wizard and `fit` cite as a source (a test walks the rules' sources), and nothing else.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'learn.microsoft.com',
  'github.com',
  'nvidia.com',
  'www.nvidia.com',
  'docs.nvidia.com',
  'developer.nvidia.com',
  'ollama.com',
  'docs.ollama.com',
  'huggingface.co',
];

/** A URL without credentials in it, or undefined for anything that is not one. */
function parseWithoutCredentials(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL is inside {@link APP_ORIGIN}. Compared by protocol and host: Chromium reports a custom scheme's
 * origin as "null", so origins cannot be compared.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseWithoutCredentials(url);
  return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Whether a link may leave the app for the default browser: https only, no credentials, an allowlisted host. */
export function isExternalLinkAllowed(url: string): boolean {
  const parsed = parseWithoutCredentials(url);
  return parsed?.protocol === 'https:' && EXTERNAL_LINK_HOSTS.includes(parsed.hostname);
}

/**
 * The webPreferences every Headroom window uses: an isolated, sandboxed renderer with no Node, no webviews and
 * web security on (docs/architecture.md "Electron security checklist" item 1).
 */
export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
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
});

/** {@link SECURE_WEB_PREFERENCES} plus the preload script, for `new BrowserWindow({ webPreferences })`. */
export function webPreferencesFor(preloadPath: string): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload: preloadPath };
}

/** What {@link hardenWebContents} may do with an allowlisted external link; without it, links are just denied. */
export interface HardenOptions {
  readonly openExternal?: (url: string) => void;
  /** Told of a link that was not opened (not https, or a host not on the list), so the user is not left guessing. */
  readonly refuseExternal?: (url: string) => void;
}

/**
 * Keep a window on the app: navigations and redirects outside {@link APP_ORIGIN} are cancelled, new windows and
 * webviews are refused, and an allowlisted https link goes to the default browser instead.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions = {}): void {
  const leaveForBrowser = (url: string): void => {
    if (options.openExternal && isExternalLinkAllowed(url)) options.openExternal(url);
    else options.refuseExternal?.(url);
  };
  const stayInApp = (event: { readonly url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    leaveForBrowser(event.url);
  });
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leaveForBrowser(url);
    return { action: 'deny' };
  });
}

/**
 * Refuse every web permission (camera, notifications, clipboard, ...) for a session: the renderer needs none, and
 * notifications come from main.
 */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
