import { describe, expect, it } from 'vitest';
import { DAY_OF_SECONDS, MetricsStore } from './metrics-store';
import { SeriesRing } from './series-ring';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('SeriesRing', () => {
  it('keeps the newest samples once full, in time order (the 24 h wrap)', () => {
    const ring = new SeriesRing(DAY_OF_SECONDS);
    for (let second = 0; second < DAY_OF_SECONDS + 600; second += 1) ring.push(T0 + second * 1000, second);
    expect(ring.size).toBe(DAY_OF_SECONDS);
    const all = ring.range(0, Number.POSITIVE_INFINITY);
    expect(all[0]).toEqual([T0 + 600_000, 600]);
    expect(all.at(-1)).toEqual([T0 + (DAY_OF_SECONDS + 599) * 1000, DAY_OF_SECONDS + 599]);
    expect(all.every((point, index) => index === 0 || point[0] > (all[index - 1]?.[0] ?? 0))).toBe(true);
  });

  it('drops what comes after the new time when the clock jumps back, and leaves a gap when it jumps forward', () => {
    const ring = new SeriesRing(100);
    for (let second = 0; second < 10; second += 1) ring.push(T0 + second * 1000, second);
    ring.push(T0 + 4_500, 99);
    expect(ring.range(0, Number.POSITIVE_INFINITY).map(([, value]) => value)).toEqual([0, 1, 2, 3, 4, 99]);
    ring.push(T0 + 3_600_000, 7);
    expect(ring.range(T0 + 5_000, T0 + 3_599_999)).toEqual([]);
    expect(ring.latest()).toEqual([T0 + 3_600_000, 7]);
  });

  it('records gaps as null', () => {
    const ring = new SeriesRing(10);
    ring.push(T0, 1);
    ring.push(T0 + 1000, null);
    expect(ring.range(0, Number.POSITIVE_INFINITY)).toEqual([
      [T0, 1],
      [T0 + 1000, null],
    ]);
  });

  it('downsamples a day to at most the points asked for, keeping the spike', () => {
    const ring = new SeriesRing(DAY_OF_SECONDS);
    for (let second = 0; second < DAY_OF_SECONDS; second += 1) {
      ring.push(T0 + second * 1000, second === 50_000 ? 24_000 : 1_000 + (second % 7));
    }
    const points = ring.downsample(T0, T0 + DAY_OF_SECONDS * 1000, 1_000);
    expect(points.length).toBeLessThanOrEqual(1_000);
    expect(points.length).toBeGreaterThan(900);
    expect(Math.max(...points.map(([, value]) => value ?? 0))).toBe(24_000);
    expect(Math.min(...points.map(([, value]) => value ?? Infinity))).toBe(1_000);
  });

  it('returns a short window as it is', () => {
    const ring = new SeriesRing(100);
    for (let second = 0; second < 10; second += 1) ring.push(T0 + second * 1000, second);
    expect(ring.downsample(T0 + 2000, T0 + 4000, 1_000)).toEqual([
      [T0 + 2000, 2],
      [T0 + 3000, 3],
      [T0 + 4000, 4],
    ]);
  });
});

describe('MetricsStore', () => {
  it('creates a series on its first sample, caps how many it keeps, and windows series and markers', () => {
    const store = new MetricsStore({ capacity: 100, maxSeries: 2 });
    store.append(T0, { a: 1, b: 2, c: 3 });
    store.append(T0 + 1000, { a: 4, b: null });
    store.mark({ time: T0 + 1000, kind: 'wsl-shutdown', label: 'WSL shut down' });
    expect(store.seriesIds()).toEqual(['a', 'b']);
    const window = store.window(T0 + 500, T0 + 2000);
    expect(window.series).toEqual({ a: [[T0 + 1000, 4]], b: [[T0 + 1000, null]] });
    expect(window.markers.map((marker) => marker.kind)).toEqual(['wsl-shutdown']);
    expect(store.window(T0 + 1500, T0 + 2000).markers).toEqual([]);
  });
});
