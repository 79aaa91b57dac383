import { describe, expect, it } from 'vitest';
import { fakeBridge, ServiceFailure } from './testing/fake-bridge';
import { createWslStore } from './wsl-store';

const RUNNING = {
  distros: [{ name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 }],
  observedAt: '2026-11-21T12:00:00.000Z',
};
const STOPPED = { ...RUNNING, distros: [{ ...RUNNING.distros[0], state: 'Stopped' }] };

describe('createWslStore', () => {
  it('loads the distros and follows wsl.changed without a reload', async () => {
    const fake = fakeBridge();
    fake.answer('wsl.list', () => RUNNING);
    const store = createWslStore(fake.bridge);
    await store.getState().load();
    expect(store.getState().snapshot?.distros[0]?.state).toBe('Running');
    fake.push('wsl.changed', STOPPED);
    expect(store.getState().snapshot?.distros[0]?.state).toBe('Stopped');
  });

  it('says what the shutdown is doing, and shuts down once however often it is asked', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('wsl.shutdown');
    const store = createWslStore(fake.bridge);
    const first = store.getState().shutdown();
    void store.getState().shutdown();
    expect(store.getState()).toMatchObject({ shuttingDown: true, notice: 'Shutting down WSL…' });
    answer.resolve(STOPPED);
    await first;
    expect(fake.calls.filter((call) => call.channel === 'wsl.shutdown')).toHaveLength(1);
    expect(store.getState()).toMatchObject({
      shuttingDown: false,
      notice: 'WSL is shut down. Every distribution is stopped.',
      snapshot: STOPPED,
    });
  });

  it('shows what WSL printed when the shutdown fails, and withdraws the progress notice', async () => {
    const fake = fakeBridge();
    fake.answer('wsl.shutdown', () => {
      throw new ServiceFailure({
        code: 'wsl-failed',
        message: 'wsl --shutdown failed.',
        detail: 'E_ACCESSDENIED',
      });
    });
    const store = createWslStore(fake.bridge);
    await store.getState().shutdown();
    expect(store.getState()).toMatchObject({
      error: { code: 'wsl-failed', message: 'wsl --shutdown failed.', detail: 'E_ACCESSDENIED' },
      notice: undefined,
      shuttingDown: false,
    });
  });

  it('names the running distros when asked before the list has loaded, instead of saying none runs', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('wsl.list');
    const store = createWslStore(fake.bridge);
    // The window has just opened: its own load is under way, and "Apply and verify" is pressed.
    const loading = store.getState().load();
    const asked = store.getState().running();
    answer.resolve(RUNNING);
    await loading;
    expect(await asked).toEqual(['Ubuntu-24.04']);
    expect(fake.calls.filter((call) => call.channel === 'wsl.list')).toHaveLength(1);
  });

  it('reads the list itself when nothing loaded it, and says it cannot tell when WSL does not answer', async () => {
    const fake = fakeBridge();
    fake.answer('wsl.list', () => STOPPED);
    expect(await createWslStore(fake.bridge).getState().running()).toEqual([]);
    const silent = fakeBridge();
    silent.answer('wsl.list', () => {
      throw new ServiceFailure({ code: 'wsl-timeout', message: 'wsl.exe did not answer within 15 s.' });
    });
    expect(await createWslStore(silent.bridge).getState().running()).toBeUndefined();
  });
});
