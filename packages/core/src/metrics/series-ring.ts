/** One point of a series: epoch milliseconds and a value, or null for a gap (nothing was measured). */
export type SeriesPoint = readonly [time: number, value: number | null];

/**
 * A fixed-capacity ring of (time, value) samples in time order: 24 h at 1 Hz is 86,400 slots, about 1 MB, whatever
 * runs for how long. The oldest sample is overwritten when full. Times must rise; a clock that jumps back drops the
 * samples at or after the new time first, so the ring stays in order (a jump forward simply leaves a gap).
 */
export class SeriesRing {
  private readonly times: Float64Array;
  private readonly values: Float32Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('A series needs room for a sample.');
    this.times = new Float64Array(capacity);
    this.values = new Float32Array(capacity);
  }

  /** How many samples the ring holds. */
  get size(): number {
    return this.count;
  }

  private slot(logical: number): number {
    return (this.start + logical) % this.capacity;
  }

  /** The time of the logical index-th sample, oldest first. */
  private timeAt(logical: number): number {
    return this.times[this.slot(logical)] ?? Number.NaN;
  }

  /** The first logical index whose time is at or after `time` (binary search; the ring is in time order). */
  private firstAtOrAfter(time: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.timeAt(mid) < time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Add a sample; null records a gap. */
  push(time: number, value: number | null): void {
    if (this.count > 0 && time <= this.timeAt(this.count - 1)) this.count = this.firstAtOrAfter(time);
    const slot = this.slot(this.count);
    this.times[slot] = time;
    this.values[slot] = value ?? Number.NaN;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The newest sample, if any. */
  latest(): SeriesPoint | undefined {
    if (this.count === 0) return undefined;
    const slot = this.slot(this.count - 1);
    return [this.times[slot] ?? 0, valueOf(this.values[slot])];
  }

  /** Every sample from `from` up to and including `to`, oldest first. */
  range(from: number, to: number): SeriesPoint[] {
    const points: SeriesPoint[] = [];
    for (let index = this.firstAtOrAfter(from); index < this.count; index += 1) {
      const slot = this.slot(index);
      const time = this.times[slot] ?? 0;
      if (time > to) break;
      points.push([time, valueOf(this.values[slot])]);
    }
    return points;
  }

  /**
   * The samples from `from` to `to` reduced to at most `maxPoints` (at least 4) by min/max buckets: each bucket keeps
   * its lowest and highest value in time order, so spikes survive the reduction; a bucket with only gaps keeps one gap.
   */
  downsample(from: number, to: number, maxPoints: number): SeriesPoint[] {
    const points = this.range(from, to);
    if (points.length <= maxPoints) return points;
    const buckets = Math.max(2, Math.floor(maxPoints / 2));
    const width = (to - from) / buckets;
    const out: SeriesPoint[] = [];
    let index = 0;
    for (let bucket = 0; bucket < buckets && index < points.length; bucket += 1) {
      const end = bucket === buckets - 1 ? Number.POSITIVE_INFINITY : from + (bucket + 1) * width;
      let min: SeriesPoint | undefined;
      let max: SeriesPoint | undefined;
      let gap: SeriesPoint | undefined;
      for (; index < points.length; index += 1) {
        const point = points[index];
        if (!point || point[0] >= end) break;
        if (point[1] === null) {
          gap ??= point;
          continue;
        }
        if (!min || point[1] < (min[1] ?? 0)) min = point;
        if (!max || point[1] > (max[1] ?? 0)) max = point;
      }
      if (min && max) {
        if (min === max) out.push(min);
        else out.push(...(min[0] <= max[0] ? [min, max] : [max, min]));
      } else if (gap) out.push(gap);
    }
    return out;
  }
}

function valueOf(stored: number | undefined): number | null {
  return stored === undefined || Number.isNaN(stored) ? null : stored;
}
