import { describe, expect, it, vi } from 'vitest';
import { createBridge, type HeadroomBridge, type Transport } from './bridge';
import { HeadroomError } from './errors';

const snapshot = {
  distros: [{ name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 }],
  observedAt: '2026-11-21T12:00:00.000Z',
};

/** A transport that answers every invoke with `answer`; `sent` records what reached it. */
function transportAnswering(answer: unknown) {
  const sent = vi.fn((_channel: string, _request: unknown) => Promise.resolve(answer));
  const transport: Transport = { invoke: sent, subscribe: () => () => undefined };
  return { transport, sent };
}

/** The bridge without its compile-time channel types, to send what a compromised or buggy caller might. */
function untyped(bridge: HeadroomBridge): { invoke(channel: string, request?: unknown): Promise<unknown> } {
  return bridge;
}

describe('createBridge', () => {
  it('sends the channel and request and resolves with the validated response', async () => {
    const { transport, sent } = transportAnswering({ ok: true, value: snapshot });
    await expect(createBridge(transport).invoke('wsl.list')).resolves.toEqual(snapshot);
    expect(sent).toHaveBeenCalledWith('wsl.list', undefined);
  });

  it('rejects with the service’s code, message and detail when the envelope says it failed', async () => {
    const { transport } = transportAnswering({
      ok: false,
      error: { code: 'wsl-not-installed', message: 'wsl.exe was not found.', detail: 'raw' },
    });
    const listing = createBridge(transport).invoke('wsl.list');
    await expect(listing).rejects.toBeInstanceOf(HeadroomError);
    await expect(listing).rejects.toMatchObject({
      code: 'wsl-not-installed',
      message: 'wsl.exe was not found.',
      detail: 'raw',
    });
  });

  it('refuses a channel the contract does not declare without sending anything', async () => {
    const { transport, sent } = transportAnswering({ ok: true, value: null });
    await expect(untyped(createBridge(transport)).invoke('shell.exec')).rejects.toMatchObject({
      code: 'unknown-channel',
    });
    expect(sent).not.toHaveBeenCalled();
  });

  it('refuses a request that does not match the channel’s schema without sending it', async () => {
    const { transport, sent } = transportAnswering({ ok: true, value: snapshot });
    await expect(
      untyped(createBridge(transport)).invoke('wsl.shutdown', { force: true }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(sent).not.toHaveBeenCalled();
  });

  it('rejects an answer that does not match the contract instead of handing it to the UI', async () => {
    const { transport } = transportAnswering({
      ok: true,
      value: { distros: [{ name: 'X' }], observedAt: 'yesterday' },
    });
    await expect(createBridge(transport).invoke('wsl.list')).rejects.toMatchObject({
      code: 'invalid-response',
    });
    const notEnvelope = transportAnswering('<html>502 Bad Gateway</html>').transport;
    await expect(createBridge(notEnvelope).invoke('wsl.list')).rejects.toMatchObject({
      code: 'invalid-response',
    });
  });

  it('reports a transport that fails as a transport error with its reason', async () => {
    const transport: Transport = {
      invoke: () => Promise.reject(new Error('connection refused')),
      subscribe: () => () => undefined,
    };
    await expect(createBridge(transport).invoke('wsl.list')).rejects.toMatchObject({
      code: 'transport',
      message: 'Could not reach the Headroom service: connection refused',
    });
  });

  it('delivers valid pushes and reports, instead of delivering, those that break the schema', () => {
    let deliver: (payload: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const transport: Transport = {
      invoke: () => Promise.resolve(null),
      subscribe: (_channel, listener) => {
        deliver = listener;
        return unsubscribe;
      },
    };
    const onInvalidPush = vi.fn();
    const listener = vi.fn();
    const stop = createBridge(transport, { onInvalidPush }).on('wsl.changed', listener);
    deliver(snapshot);
    deliver({ distros: 'none' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(snapshot);
    expect(onInvalidPush).toHaveBeenCalledWith('wsl.changed', expect.any(String));
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
