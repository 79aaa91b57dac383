import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module the main process uses, for `vi.mock('electron', ...)`: the
 * real module downloads a binary when loaded, and tests must never do that.
 */

let nextWebContentsId = 1;

/** A navigation event as Electron passes it to `will-navigate` and friends. */
export interface FakeNavigationEvent {
  readonly url: string;
  readonly preventDefault: ReturnType<typeof vi.fn>;
}

/** Build a {@link FakeNavigationEvent} for a URL. */
export function navigationEvent(url: string): FakeNavigationEvent {
  return { url, preventDefault: vi.fn() };
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

/** A webContents: an event emitter with an id, a window-open handler slot and a recorded `send`. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly send = vi.fn();
  windowOpenHandler: WindowOpenHandler | undefined;
  private destroyed = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A BrowserWindow that records its options and every instance created. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly show = vi.fn();
  readonly hide = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

/** A Tray that records its image, tooltip, menu and every instance created. */
export class FakeTray extends EventEmitter {
  static readonly instances: FakeTray[] = [];
  readonly setImage = vi.fn();
  readonly setToolTip = vi.fn();
  readonly setContextMenu = vi.fn();
  readonly destroy = vi.fn();

  constructor(
    readonly image: unknown,
    readonly guid?: string,
  ) {
    super();
    FakeTray.instances.push(this);
  }
}

/** The `app` object: lifecycle events, the single-instance lock and the userData path are set by each test. */
export class FakeApp extends EventEmitter {
  userData = tmpdir();
  gotLock = true;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getPath = vi.fn((_name: string) => this.userData);
  readonly setPath = vi.fn((name: string, path: string) => {
    if (name === 'userData') this.userData = path;
  });
  readonly setAppUserModelId = vi.fn();
  openAtLogin = false;
  readonly getLoginItemSettings = vi.fn(() => ({ openAtLogin: this.openAtLogin }));
  readonly setLoginItemSettings = vi.fn((settings: { openAtLogin: boolean }) => {
    this.openAtLogin = settings.openAtLogin;
  });
}

type InvokeListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** `ipcMain`, keeping the handlers it was given. */
export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  readonly handle = vi.fn(
    (channel: string, listener: InvokeListener) => void this.handlers.set(channel, listener),
  );
  readonly removeHandler = vi.fn((channel: string) => void this.handlers.delete(channel));
}

/** A menu item template as the tray builds it. */
export interface FakeMenuItem {
  readonly label?: string;
  readonly type?: string;
  readonly enabled?: boolean;
  readonly checked?: boolean;
  readonly click?: () => void;
}

/** A toast notification: what it was made with, whether it was shown, and its click listeners. */
export class FakeNotification extends EventEmitter {
  static readonly instances: FakeNotification[] = [];
  static isSupported = vi.fn(() => true);
  readonly show = vi.fn();
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
}

/** The module object to return from the `vi.mock('electron')` factory. */
export const fakeElectron = {
  app: new FakeApp(),
  ipcMain: new FakeIpcMain(),
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  dialog: {
    showErrorBox: vi.fn(),
    /** Answers "Shut down" (button 0) unless a test queues another answer. */
    showMessageBox: vi.fn((_options: Record<string, unknown>) =>
      Promise.resolve({ response: 0, checkboxChecked: false }),
    ),
  },
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: {
    buildFromTemplate: vi.fn((template: FakeMenuItem[]) => ({ template })),
    setApplicationMenu: vi.fn((_menu: unknown) => undefined),
  },
  nativeImage: {
    createFromBitmap: vi.fn((buffer: Buffer, options: Record<string, unknown>) => ({ buffer, options })),
  },
  nativeTheme: { shouldUseDarkColors: false },
  shell: {
    openExternal: vi.fn((_url: string) => Promise.resolve()),
    /** Answers '' (opened), as Electron does when the folder opens. */
    openPath: vi.fn((_path: string) => Promise.resolve('')),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
};
