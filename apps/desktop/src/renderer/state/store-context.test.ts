import { describe, expect, it } from 'vitest';
import { createStores } from './store-context';
import { fakeBridge } from './testing/fake-bridge';

const GREEN = {
  health: 'green',
  summary: 'Healthy',
  checkedAt: '2026-11-21T12:00:00.000Z',
  counts: { error: 0, warning: 0, info: 0 },
  changes: [],
};

describe('createStores', () => {
  it('builds every store of the window and asks the service for nothing until a place is shown', () => {
    const fake = fakeBridge();
    const stores = createStores(fake.bridge);
    expect(Object.keys(stores).sort()).toEqual(
      [
        'doctor',
        'health',
        'history',
        'metrics',
        'settings',
        'setup',
        'support',
        'verify',
        'wsl',
        'wslconfig',
      ].sort(),
    );
    expect(fake.calls).toEqual([]);
  });

  it('hands each store the same bridge: one push reaches the health light', () => {
    const fake = fakeBridge();
    const stores = createStores(fake.bridge);
    fake.push('health.changed', { ...GREEN, health: 'amber', summary: '.wslconfig waits for WSL’s restart' });
    expect(stores.health.getState().health?.summary).toBe('.wslconfig waits for WSL’s restart');
  });
});
