import { METRIC_IDS } from '@headroom/contract';
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
  // The store calls the bench's optional hooks on `window`, which a Node test does not have.
  vi.stubGlobal('window', {});
  fake = fakeBridge();
  fake.answer('metrics.watch', () => SNAPSHOT);
  fake.answer('metrics.unwatch', () => ({ sampling: false }));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

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

  it('renews its lease without redrawing what the pushes already drew, and takes the window when pushes were missed', async () => {
    const vram = METRIC_IDS.vramUsed;
    fake.answer('metrics.watch', () => ({ ...SNAPSHOT, series: { [vram]: [[299_000, 4_096]] } }));
    const store = createMetricsStore(fake.bridge, (callback) => callback(), fakeVisibility());
    store.getState().watch();
    await vi.advanceTimersByTimeAsync(0);
    fake.push('metrics.sample', {
      time: 300_000,
      values: { [vram]: 5_120 },
      markers: [],
      status: SNAPSHOT.status,
    });
    const drawn = store.getState().series[vram];
    const version = store.getState().version;
    expect(drawn).toEqual([
      [299_000, 4_096],
      [300_000, 5_120],
    ]);
    expect(store.getState().latest[vram]).toBe(5_120);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls('metrics.watch')).toHaveLength(2);
    expect(store.getState().series[vram]).toBe(drawn);
    expect(store.getState().version).toBe(version);

    // No push for a while (another page was shown): the service's window is then the newer word.
    fake.answer('metrics.watch', () => ({
      ...SNAPSHOT,
      to: 340_000,
      series: { [vram]: [[339_000, 6_144]] },
    }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(store.getState().series[vram]).toEqual([[339_000, 6_144]]);
    expect(store.getState().latest[vram]).toBe(6_144);
  });

  it('keeps a series it fetches again unchanged as the same array, so its chart does not redraw', async () => {
    const vram = METRIC_IDS.vramUsed;
    const wsl = METRIC_IDS.wslMemUsed;
    let wslValue = 1_000;
    fake.answer('metrics.watch', () => ({
      ...SNAPSHOT,
      series: { [vram]: [[299_000, 4_096]], [wsl]: [[299_000, wslValue]] },
    }));
    const store = createMetricsStore(fake.bridge, (callback) => callback(), fakeVisibility());
    store.getState().watch();
    await vi.advanceTimersByTimeAsync(0);
    const before = store.getState().series;
    wslValue = 2_000;
    await store.getState().refresh();
    const after = store.getState().series;
    expect(after[vram]).toBe(before[vram]);
    expect(after[wsl]).not.toBe(before[wsl]);
    expect(after[wsl]).toEqual([[299_000, 2_000]]);
  });

  it('freezes while paused and fetches the window again on resume', async () => {
    const vram = METRIC_IDS.vramUsed;
    const store = createMetricsStore(fake.bridge, (callback) => callback(), fakeVisibility());
    store.getState().watch();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setPaused(true);
    fake.push('metrics.sample', {
      time: 300_000,
      values: { [vram]: 5_120 },
      markers: [],
      status: SNAPSHOT.status,
    });
    expect(store.getState().series[vram]).toBeUndefined();
    expect(calls('metrics.watch')).toHaveLength(1);
    store.getState().setPaused(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls('metrics.watch')).toHaveLength(2);
    expect(store.getState().paused).toBe(false);
  });

  it('asks the service for the window the user picks', async () => {
    const store = createMetricsStore(fake.bridge, (callback) => callback(), fakeVisibility());
    store.getState().watch();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setWindow(86_400);
    await vi.advanceTimersByTimeAsync(0);
    expect(
      calls('metrics.watch').map((call) => (call.request as { windowSeconds: number }).windowSeconds),
    ).toEqual([300, 86_400]);
    expect(store.getState().windowSeconds).toBe(86_400);
  });
});
