import { pushChannels, type Envelope } from '@headroom/contract';
import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH } from '../preload/ipc-channels';
import { createTrustedSenders, forwardPushes, registerIpc, type IpcSenderEvent } from './ipc';
import { FakeWebContents } from './testing/fake-electron';

const SNAPSHOT = { distros: [], observedAt: '2026-01-01T00:00:00.000Z' };
const OK: Envelope = { ok: true, value: SNAPSHOT };

type Handler = (event: IpcSenderEvent, ...args: unknown[]) => Promise<Envelope>;

function setup() {
  const senders = createTrustedSenders();
  const contents = new FakeWebContents();
  senders.trustWebContents(contents);
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Handler) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const router = { invoke: vi.fn((_channel: string, _request: unknown) => Promise.resolve(OK)) };
  const log = vi.fn();
  const dispose = registerIpc({ ipcMain, router, isTrusted: (event) => senders.isTrustedSender(event), log });
  const call = (event: IpcSenderEvent, ...args: unknown[]): Promise<Envelope> => {
    const handler = handlers.get(IPC_INVOKE);
    if (!handler) throw new Error(`no handler on ${IPC_INVOKE}`);
    return handler(event, ...args);
  };
  const fromApp = (id = contents.id): IpcSenderEvent => ({
    sender: { id },
    senderFrame: { parent: null, url: 'app://headroom/index.html' },
  });
  return { senders, contents, ipcMain, router, log, dispose, call, fromApp, handlers };
}

describe('registerIpc', () => {
  it("returns the router's envelope for the app's own window", async () => {
    const { call, fromApp, router, log } = setup();
    await expect(call(fromApp(), 'wsl.list', undefined)).resolves.toEqual(OK);
    expect(router.invoke).toHaveBeenCalledExactlyOnceWith('wsl.list', undefined);
    expect(log).not.toHaveBeenCalled();
  });

  it.each<[string, (fromApp: (id?: number) => IpcSenderEvent) => IpcSenderEvent]>([
    ['an unknown webContents', (fromApp) => fromApp(9_999)],
    [
      'a subframe',
      (fromApp) => ({ ...fromApp(), senderFrame: { parent: {}, url: 'app://headroom/index.html' } }),
    ],
    [
      'a frame showing another origin',
      (fromApp) => ({ ...fromApp(), senderFrame: { parent: null, url: 'https://evil.example/' } }),
    ],
    ['a sender whose frame is gone', (fromApp) => ({ ...fromApp(), senderFrame: null })],
  ])('refuses %s without calling the router, and logs it', async (_name, makeEvent) => {
    const { call, fromApp, router, log } = setup();
    const answer = await call(makeEvent(fromApp), 'wsl.shutdown', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(router.invoke).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('stops trusting a window once it is destroyed', async () => {
    const { call, fromApp, contents, router } = setup();
    contents.destroy();
    const answer = await call(fromApp(), 'wsl.list', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('answers a non-string channel with an invalid-request envelope', async () => {
    const { call, fromApp, router } = setup();
    await expect(call(fromApp(), { channel: 'wsl.list' }, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('turns a router that throws into an internal envelope instead of a rejection', async () => {
    const { call, fromApp, router } = setup();
    router.invoke.mockRejectedValueOnce(new Error('boom'));
    await expect(call(fromApp(), 'wsl.list', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') as unknown },
    });
  });

  it('removes its handler when disposed', () => {
    const { dispose, ipcMain, handlers } = setup();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE);
    expect(handlers.size).toBe(0);
  });
});

describe('forwardPushes', () => {
  function pushingRouter() {
    const listeners = new Map<string, (payload: unknown) => void>();
    const unsubscribed: string[] = [];
    const router = {
      subscribe: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => void unsubscribed.push(channel);
      }),
    };
    return { router, listeners, unsubscribed };
  }

  it('relays each contract push to every trusted, live window and stops when disposed', () => {
    const { router, listeners, unsubscribed } = pushingRouter();
    const senders = createTrustedSenders();
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    const gone = new FakeWebContents();
    const stranger = new FakeWebContents();
    [first, second, gone].forEach((contents) => senders.trustWebContents(contents));
    gone.destroy();
    const stop = forwardPushes({ router, send: (channel, ...args) => senders.broadcast(channel, ...args) });

    expect([...listeners.keys()]).toEqual(Object.keys(pushChannels));
    listeners.get('wsl.changed')?.(SNAPSHOT);
    expect(first.send).toHaveBeenCalledExactlyOnceWith(IPC_PUSH, 'wsl.changed', SNAPSHOT);
    expect(second.send).toHaveBeenCalledExactlyOnceWith(IPC_PUSH, 'wsl.changed', SNAPSHOT);
    expect(gone.send).not.toHaveBeenCalled();
    expect(stranger.send).not.toHaveBeenCalled();

    stop();
    expect(unsubscribed).toEqual(Object.keys(pushChannels));
  });
});
