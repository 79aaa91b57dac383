import { describe, expect, it } from 'vitest';
import { createHealthStore } from './health-store';
import { fakeBridge, ServiceFailure } from './testing/fake-bridge';

const GREEN = {
  health: 'green',
  summary: 'Healthy',
  checkedAt: '2026-11-21T12:00:00.000Z',
  counts: { error: 0, warning: 0, info: 0 },
  changes: [],
};

describe('createHealthStore', () => {
  it('runs one check at a time, and takes the light the service pushes', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('health.check');
    const store = createHealthStore(fake.bridge);
    const check = store.getState().check();
    await store.getState().check();
    expect(store.getState().checking).toBe(true);
    answer.resolve(GREEN);
    await check;
    expect(fake.calls).toHaveLength(1);
    expect(store.getState()).toMatchObject({ checking: false, health: { health: 'green' } });
    fake.push('health.changed', { ...GREEN, health: 'red', summary: 'GPU lost' });
    expect(store.getState().health?.summary).toBe('GPU lost');
  });

  it('keeps the last light and says why a check failed', async () => {
    const fake = fakeBridge();
    fake.answer('health.get', () => GREEN);
    fake.answer('health.check', () => {
      throw new ServiceFailure({ code: 'busy', message: 'A check is already running.' });
    });
    const store = createHealthStore(fake.bridge);
    await store.getState().load();
    await store.getState().check();
    expect(store.getState()).toMatchObject({
      health: { health: 'green' },
      error: { code: 'busy', message: 'A check is already running.' },
      checking: false,
    });
  });
});
