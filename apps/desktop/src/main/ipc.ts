import { pushChannels, type Envelope, type PushChannel } from '@headroom/contract';
import { toErrorPayload, type ServiceRouter } from '@headroom/service';
import { IPC_INVOKE, IPC_PUSH } from '../preload/ipc-channels';
import { isAppUrl } from './security';

/** What the sender check reads from an IPC event; Electron's `IpcMainInvokeEvent` has this shape. */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly parent: unknown; readonly url: string } | null;
}

/** What the registry needs of a window's webContents. */
export interface TrustableContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** The webContents Headroom created itself: the only ones whose IPC is answered and that get pushes. */
export interface TrustedSenders {
  /** Trust a webContents until it is destroyed. */
  trustWebContents(contents: TrustableContents): void;
  /** A known webContents, from its main frame, showing a page of the app (not a navigated-away or framed one). */
  isTrustedSender(event: IpcSenderEvent): boolean;
  /** Send to every trusted webContents still alive. */
  broadcast(channel: string, ...args: unknown[]): void;
}

/** Build the trusted-sender registry (GitHub Desktop's trusted-ipc-sender pattern). */
export function createTrustedSenders(): TrustedSenders {
  const trusted = new Map<number, TrustableContents>();
  return {
    trustWebContents(contents) {
      const id = contents.id;
      trusted.set(id, contents);
      contents.once('destroyed', () => trusted.delete(id));
    },
    isTrustedSender(event) {
      const frame = event.senderFrame;
      return trusted.has(event.sender.id) && frame !== null && frame.parent === null && isAppUrl(frame.url);
    },
    broadcast(channel, ...args) {
      for (const contents of trusted.values()) {
        if (!contents.isDestroyed()) contents.send(channel, ...args);
      }
    },
  };
}

/** The part of Electron's `ipcMain` {@link registerIpc} uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<Envelope>): void;
  removeHandler(channel: string): void;
}

/** What {@link registerIpc} wires together. */
export interface RegisterIpcOptions {
  readonly ipcMain: IpcMainLike;
  readonly router: Pick<ServiceRouter, 'invoke'>;
  readonly isTrusted: (event: IpcSenderEvent) => boolean;
  /** Told about each refused sender, one line. Default `console.warn`. */
  readonly log?: (line: string) => void;
}

function describeSender(event: IpcSenderEvent): string {
  const frame = event.senderFrame;
  if (!frame) return `webContents ${event.sender.id}, no frame`;
  return `webContents ${event.sender.id}, ${frame.parent === null ? 'main frame' : 'subframe'} ${frame.url}`;
}

/**
 * Answer the renderer's contract calls: check the sender, then hand the call to the service router and return its
 * envelope. Every failure is an envelope too, so nothing ever throws across IPC. Returns the unregister function.
 */
export function registerIpc(options: RegisterIpcOptions): () => void {
  const log = options.log ?? ((line: string) => console.warn(line));
  options.ipcMain.handle(IPC_INVOKE, async (event, channel, request): Promise<Envelope> => {
    if (!options.isTrusted(event)) {
      log(`Headroom refused an IPC call from an untrusted sender (${describeSender(event)}).`);
      return { ok: false, error: { code: 'untrusted-sender', message: 'This page may not call Headroom.' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'invalid-request', message: 'The channel name must be a string.' } };
    }
    try {
      return await options.router.invoke(channel, request);
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  });
  return () => options.ipcMain.removeHandler(IPC_INVOKE);
}

/** What {@link forwardPushes} wires together. */
export interface ForwardPushesOptions {
  readonly router: Pick<ServiceRouter, 'subscribe'>;
  /** Sends to every trusted window, e.g. {@link TrustedSenders.broadcast}. */
  readonly send: (channel: string, ...args: unknown[]) => void;
}

/** Relay every contract push to the trusted windows on {@link IPC_PUSH}. Returns the function that stops it. */
export function forwardPushes(options: ForwardPushesOptions): () => void {
  const channels = Object.keys(pushChannels) as PushChannel[];
  const stops = channels.map((channel) =>
    options.router.subscribe(channel, (payload) => options.send(IPC_PUSH, channel, payload)),
  );
  return () => stops.forEach((stop) => stop());
}
