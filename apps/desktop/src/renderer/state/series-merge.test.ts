import { describe, expect, it } from 'vitest';
import type { Point } from './metrics-store';
import { bucketWidthMs, mergePoints, windowEnd } from './series-merge';

const T0 = 1_795_262_400_000;
const DAY_BUCKET = bucketWidthMs(86_400);

describe('mergePoints', () => {
  it('appends every sample of a 5-minute window and drops what left it', () => {
    const existing: Point[] = [
      [T0, 1],
      [T0 + 1000, 2],
    ];
    expect(mergePoints(existing, [[T0 + 2000, 3]], T0 + 500, bucketWidthMs(300))).toEqual([
      [T0 + 1000, 2],
      [T0 + 2000, 3],
    ]);
  });

  it('keeps the same array on a 24 h chart while a sample stays within its bucket’s low and high', () => {
    const start = Math.floor(T0 / DAY_BUCKET) * DAY_BUCKET;
    const existing: Point[] = [
      [start + 1000, 5],
      [start + 2000, 9],
    ];
    expect(mergePoints(existing, [[start + 3000, 7]], 0, DAY_BUCKET)).toBe(existing);
  });

  it('moves the bucket’s high or low when a sample passes it, keeping time order', () => {
    const start = Math.floor(T0 / DAY_BUCKET) * DAY_BUCKET;
    const existing: Point[] = [
      [start + 1000, 9],
      [start + 2000, 5],
    ];
    expect(mergePoints(existing, [[start + 3000, 12]], 0, DAY_BUCKET)).toEqual([
      [start + 2000, 5],
      [start + 3000, 12],
    ]);
    expect(mergePoints(existing, [[start + 3000, 1]], 0, DAY_BUCKET)).toEqual([
      [start + 1000, 9],
      [start + 3000, 1],
    ]);
  });

  it('starts a new bucket, and keeps a gap as a gap', () => {
    const start = Math.floor(T0 / DAY_BUCKET) * DAY_BUCKET;
    const existing: Point[] = [[start + 1000, 5]];
    const next = mergePoints(existing, [[start + DAY_BUCKET + 1000, null]], 0, DAY_BUCKET);
    expect(next).toEqual([
      [start + 1000, 5],
      [start + DAY_BUCKET + 1000, null],
    ]);
    expect(mergePoints(next, [[start + DAY_BUCKET + 2000, null]], 0, DAY_BUCKET)).toBe(next);
  });
});

describe('windowEnd', () => {
  it('follows each sample on a 5-minute window and steps by a bucket on a day', () => {
    expect(windowEnd(T0 + 123, bucketWidthMs(300))).toBe(T0 + 123);
    const end = windowEnd(T0 + 123, DAY_BUCKET);
    expect(end % DAY_BUCKET).toBe(0);
    expect(end).toBeGreaterThanOrEqual(T0 + 123);
    expect(windowEnd(T0 + 1123, DAY_BUCKET)).toBe(end);
  });
});
