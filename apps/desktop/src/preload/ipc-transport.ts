import { isInvokeChannel, isPushChannel, type Envelope, type Transport } from '@headroom/contract';
import { IPC_INVOKE, IPC_PUSH } from './ipc-channels';

/** An IPC listener as Electron calls it: the event first, then the sent arguments. */
export type PreloadIpcListener = (event: unknown, ...args: unknown[]) => void;

/**
 * The part of Electron's `ipcRenderer` the transport uses. Declared here, structurally, so the preload's logic
 * needs no `electron` import and tests hand in a fake.
 */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: PreloadIpcListener): unknown;
  removeListener(channel: string, listener: PreloadIpcListener): unknown;
}

/**
 * The {@link Transport} the preload exposes to the renderer. It forwards only contract channel names, so a
 * compromised page cannot reach any other IPC channel, and it never hands out `ipcRenderer` or an IPC event.
 */
export function createIpcTransport(ipc: PreloadIpc): Transport {
  return {
    invoke(channel, request) {
      if (!isInvokeChannel(channel)) {
        const refused: Envelope = {
          ok: false,
          error: { code: 'unknown-channel', message: `There is no channel named "${channel}".` },
        };
        return Promise.resolve(refused);
      }
      return ipc.invoke(IPC_INVOKE, channel, request);
    },
    subscribe(channel, listener) {
      if (!isPushChannel(channel)) throw new Error(`There is no push channel named "${channel}".`);
      const onPush: PreloadIpcListener = (_event, pushed, payload) => {
        if (pushed === channel) listener(payload);
      };
      ipc.on(IPC_PUSH, onPush);
      return () => {
        ipc.removeListener(IPC_PUSH, onPush);
      };
    },
  };
}
