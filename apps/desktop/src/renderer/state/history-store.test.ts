import { describe, expect, it } from 'vitest';
import { createHistoryStore } from './history-store';
import { fakeBridge, ServiceFailure } from './testing/fake-bridge';

const EMPTY = { timeline: [], wslconfig: [] };

describe('createHistoryStore', () => {
  it('restores a version, says when it applies, and closes its diff', async () => {
    const fake = fakeBridge();
    fake.answer('history.restore', () => EMPTY);
    const store = createHistoryStore(fake.bridge);
    await store.getState().restore('v1');
    expect(fake.calls).toEqual([{ channel: 'history.restore', request: { id: 'v1' } }]);
    expect(store.getState()).toMatchObject({ history: EMPTY, diff: undefined, error: undefined });
    expect(store.getState().notice).toMatch(/applies at WSL’s next start/);
  });

  it('says why a diff could not be shown, and closes a diff without asking the service', async () => {
    const fake = fakeBridge();
    fake.answer('history.diff', () => {
      throw new ServiceFailure({ code: 'unavailable', message: 'That version is gone.' });
    });
    const store = createHistoryStore(fake.bridge);
    await store.getState().showDiff('v1');
    expect(store.getState().error?.message).toBe('That version is gone.');
    await store.getState().showDiff(undefined);
    expect(fake.calls).toHaveLength(1);
  });
});
