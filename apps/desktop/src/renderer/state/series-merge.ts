import type { Point } from './metrics-store';

/** How many min/max buckets a window is drawn with (two points each: ~1,000 points, as the service sends). */
export const DRAWN_BUCKETS = 500;

/** The width of one drawn bucket: 0.6 s for 5 min (every sample its own point), 7.2 s for 1 h, 172.8 s for 24 h. */
export function bucketWidthMs(windowSeconds: number): number {
  return (windowSeconds * 1000) / DRAWN_BUCKETS;
}

/** The end of the drawn window: the newest sample's time, rounded up to a bucket for windows whose buckets pass 1 s. */
export function windowEnd(time: number, bucketMs: number): number {
  return bucketMs <= 1000 ? time : Math.ceil(time / bucketMs) * bucketMs;
}

const bucketOf = (time: number, bucketMs: number): number => Math.floor(time / bucketMs);

/**
 * Add new samples to a drawn series the way the service reduces it: drop what left the window, and within one
 * bucket keep only the lowest and the highest value (a gap is kept as a gap). Returns the same array when nothing
 * drawn changed, so a chart of a long window redraws only when its picture does.
 */
export function mergePoints(
  existing: readonly Point[],
  added: readonly Point[],
  from: number,
  bucketMs: number,
): readonly Point[] {
  let start = 0;
  while (start < existing.length && (existing[start]?.[0] ?? 0) < from) start += 1;
  let out: Point[] | undefined = start > 0 ? existing.slice(start) : undefined;
  const current = (): readonly Point[] => out ?? existing;
  const writable = (): Point[] => (out ??= [...existing]);

  for (const point of added) {
    const points = current();
    const last = points[points.length - 1];
    if (bucketMs <= 1000 || !last || bucketOf(last[0], bucketMs) !== bucketOf(point[0], bucketMs)) {
      writable().push(point);
      continue;
    }
    if (point[1] === null || last[1] === null) {
      if (point[1] !== last[1]) writable().push(point);
      continue;
    }
    const before = points[points.length - 2];
    const pair =
      before && before[1] !== null && bucketOf(before[0], bucketMs) === bucketOf(point[0], bucketMs)
        ? [before, last]
        : [last];
    const values = pair.map((entry) => entry[1] ?? 0);
    const min = Math.min(...values);
    const max = Math.max(...values);
    if (point[1] >= min && point[1] <= max) continue;
    const target = writable();
    if (pair.length === 1) {
      target.push(point);
      continue;
    }
    const replaced = point[1] > max ? values.indexOf(max) : values.indexOf(min);
    const kept = pair[1 - replaced] ?? last;
    const ordered: Point[] = kept[0] <= point[0] ? [kept, point] : [point, kept];
    target.splice(target.length - 2, 2, ...ordered);
  }
  return current();
}
