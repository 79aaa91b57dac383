import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMetricsStore, type PageVisibility } from './metrics-store';
import { fakeBridge, type FakeBridge } from './testing/fake-bridge';

const SNAPSHOT = {
  from: 0,
  to: 300_000,
  series: {},
  markers: [],
  status: { gpu: { state: 'ok' }, wsl: { state: 'stopped' }, ollama: null },
};

/** A page the test shows and hides, as Electron does when the window goes to the tray and comes back. */
function fakeVisibility(): PageVisibility & { set(hidden: boolean): void } {
  let hidden = false;
  const listeners = new Set<() => void>();
  return {
    hidden: () => hidden,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      hidden = next;
      listeners.forEach((listener) => listener());
    },
  };
}

let fake: FakeBridge;
beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeBridge();
  fake.answer('metrics.watch', () => SNAPSHOT);
  fake.answer('metrics.unwatch', () => ({ sampling: false }));
});
afterEach(() => vi.useRealTimers());

const calls = (channel: string) => fake.calls.filter((call) => call.channel === channel);

describe('createMetricsStore', () => {
  it('stops watching at once when the page hides, asks for nothing while hidden, and watches again when shown', async () => {
    const page = fakeVisibility();
    const store = createMetricsStore(fake.bridge, (callback) => callback(), page);
    const stop = store.getState().watch();
    await vi.advanceTimersByTimeAsync(45_000);
    expect(calls('metrics.watch')).toHaveLength(3);

    page.set(true);
    expect(calls('metrics.unwatch')).toHaveLength(1);
    const watcher = (calls('metrics.watch')[0]?.request as { watcher: string }).watcher;
    expect(calls('metrics.unwatch')[0]?.request).toEqual({ watcher });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls('metrics.watch')).toHaveLength(3);

    page.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls('metrics.watch')).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls('metrics.watch')).toHaveLength(5);
    stop();
    page.set(true);
    expect(calls('metrics.unwatch')).toHaveLength(1);
  });

  it('does not start watching while the page is hidden', async () => {
    const page = fakeVisibility();
    page.set(true);
    const store = createMetricsStore(fake.bridge, (callback) => callback(), page);
    store.getState().watch();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toEqual([]);
  });

  it('takes back a watch that was under way when the page hid', async () => {
    const page = fakeVisibility();
    const held = fake.hold('metrics.watch');
    const store = createMetricsStore(fake.bridge, (callback) => callback(), page);
    store.getState().watch();
    page.set(true);
    expect(calls('metrics.unwatch')).toHaveLength(1);
    held.resolve(SNAPSHOT);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls('metrics.unwatch')).toHaveLength(2);
  });
});
