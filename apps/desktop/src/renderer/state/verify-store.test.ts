import { describe, expect, it } from 'vitest';
import { fakeBridge } from './testing/fake-bridge';
import { createVerifyStore } from './verify-store';

const REQUEST = { edits: [{ key: 'memory' as const, value: '16GB' }], stopRunning: true };
const FAILED = {
  ok: false,
  phase: 'compare',
  reason: 'WSL has 8 GB, not 16 GB.',
  checks: [],
  ignoredLines: [],
  baselineSaved: false,
  canRollBack: true,
};

describe('createVerifyStore', () => {
  it('shows the loop’s progress while it runs, then its result for this request', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('verify.run');
    const store = createVerifyStore(fake.bridge);
    const run = store.getState().run(REQUEST);
    expect(store.getState()).toMatchObject({ running: true, progress: 'Starting…', request: REQUEST });
    fake.push('verify.progress', { phase: 'shutdown', message: 'Shutting down WSL…' });
    expect(store.getState().progress).toBe('Shutting down WSL…');
    answer.resolve(FAILED);
    await run;
    expect(store.getState()).toMatchObject({ running: false, progress: undefined, result: FAILED });
    fake.push('verify.progress', { phase: 'boot', message: 'late' });
    expect(store.getState().progress).toBeUndefined();
  });

  it('rolls back once, and says so', async () => {
    const fake = fakeBridge();
    fake.answer('verify.run', () => FAILED);
    fake.answer('verify.rollBack', () => ({ restored: true }));
    const store = createVerifyStore(fake.bridge);
    await store.getState().run(REQUEST);
    await store.getState().rollBack();
    expect(store.getState().result?.canRollBack).toBe(false);
    expect(store.getState().notice).toMatch(/back as it was before these changes/);
  });

  it('asks the service to cancel only while a verification runs', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('verify.run');
    fake.answer('verify.cancel', () => ({ cancelled: true }));
    const store = createVerifyStore(fake.bridge);
    await store.getState().cancel();
    expect(fake.calls).toEqual([]);
    const run = store.getState().run(REQUEST);
    await store.getState().cancel();
    expect(store.getState().progress).toBe('Cancelling…');
    expect(fake.calls.map((call) => call.channel)).toEqual(['verify.run', 'verify.cancel']);
    answer.resolve({ ...FAILED, reason: 'Cancelled.', canRollBack: false });
    await run;
  });
});
