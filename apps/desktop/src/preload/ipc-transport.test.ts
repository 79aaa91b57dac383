import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH } from './ipc-channels';
import { createIpcTransport, type PreloadIpcListener } from './ipc-transport';

function fakeIpc() {
  const listeners = new Set<PreloadIpcListener>();
  const ipc = {
    invoke: vi.fn((_channel: string, ..._args: unknown[]) =>
      Promise.resolve<unknown>({ ok: true, value: 1 }),
    ),
    on: vi.fn((channel: string, listener: PreloadIpcListener) => {
      if (channel === IPC_PUSH) listeners.add(listener);
    }),
    removeListener: vi.fn(
      (_channel: string, listener: PreloadIpcListener) => void listeners.delete(listener),
    ),
  };
  const push = (channel: unknown, payload: unknown) =>
    listeners.forEach((listener) => listener({}, channel, payload));
  return { ipc, push, listeners };
}

describe('createIpcTransport', () => {
  it('sends contract invoke channels on the one invoke IPC channel and returns the answer', async () => {
    const { ipc } = fakeIpc();
    const transport = createIpcTransport(ipc);
    await expect(transport.invoke('wsl.list', undefined)).resolves.toEqual({ ok: true, value: 1 });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(IPC_INVOKE, 'wsl.list', undefined);
  });

  it.each(['headroom:push', 'wsl.changed', 'fs.readFile', '__proto__', 'toString'])(
    'refuses %s with an unknown-channel envelope, sending nothing',
    async (channel) => {
      const { ipc } = fakeIpc();
      const answer = await createIpcTransport(ipc).invoke(channel, undefined);
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('throws for a channel that is not a push channel, listening to nothing', () => {
    const { ipc } = fakeIpc();
    const transport = createIpcTransport(ipc);
    expect(() => transport.subscribe('wsl.list', () => undefined)).toThrow(/no push channel/);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('delivers only the pushes of the subscribed channel, payload only, until unsubscribed', () => {
    const { ipc, push, listeners } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createIpcTransport(ipc).subscribe('wsl.changed', listener);
    push('wsl.other', { a: 1 });
    push('wsl.changed', { b: 2 });
    expect(listener.mock.calls).toEqual([[{ b: 2 }]]);

    unsubscribe();
    push('wsl.changed', { c: 3 });
    expect(listener).toHaveBeenCalledOnce();
    expect(listeners.size).toBe(0);
  });
});
