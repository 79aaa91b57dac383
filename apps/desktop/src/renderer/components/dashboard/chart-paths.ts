import type { Point } from '../../state/metrics-store';

/** Data to pixels: a time (epoch ms) to x, a drawn value to y. */
export interface PlotScales {
  readonly x: (time: number) => number;
  readonly y: (value: number) => number;
}

const px = (value: number): string => value.toFixed(1);

/**
 * One series as a single SVG path: straight segments between readings, a gap (null) lifting the pen so it stays a
 * gap, or bridged when `connectGaps` (a sparse series read every 30 s). One element however long the series, so a
 * day of readings redraws as fast as a minute's.
 */
export function linePath(
  points: readonly Point[],
  scales: PlotScales,
  scale: (value: number) => number,
  connectGaps = false,
): string {
  let path = '';
  let penDown = false;
  for (const [time, value] of points) {
    if (value === null) {
      if (!connectGaps) penDown = false;
      continue;
    }
    path += `${penDown ? 'L' : 'M'}${px(scales.x(time))},${px(scales.y(scale(value)))}`;
    penDown = true;
  }
  return path;
}

/** Every reading as a dot of radius `r`, all in one path (two arcs per dot). */
export function dotsPath(
  points: readonly Point[],
  scales: PlotScales,
  scale: (value: number) => number,
  r: number,
): string {
  let path = '';
  for (const [time, value] of points) {
    if (value === null) continue;
    const x = scales.x(time);
    const y = scales.y(scale(value));
    path += `M${px(x - r)},${px(y)}a${r},${r} 0 1,0 ${r * 2},0a${r},${r} 0 1,0 ${-r * 2},0`;
  }
  return path;
}

/** The largest value of some series (after `scale`), or undefined when none has a value. */
export function largestValue(
  seriesList: readonly (readonly Point[])[],
  scale: (value: number) => number,
): number | undefined {
  let largest: number | undefined;
  for (const points of seriesList) {
    for (const [, value] of points) {
      if (value === null) continue;
      const scaled = scale(value);
      if (largest === undefined || scaled > largest) largest = scaled;
    }
  }
  return largest;
}

/**
 * The reading of a series nearest to `time` (points sorted by time), when one lies within `within` ms of it: what
 * the hover read-out shows for that series.
 */
export function nearestReading(points: readonly Point[], time: number, within: number): Point | undefined {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle]?.[0] ?? 0) < time) low = middle + 1;
    else high = middle;
  }
  const candidates = [points[low - 1], points[low]].filter(
    (point): point is Point => point !== undefined && point[1] !== null,
  );
  let best: Point | undefined;
  for (const point of candidates) {
    if (Math.abs(point[0] - time) > within) continue;
    if (!best || Math.abs(point[0] - time) < Math.abs(best[0] - time)) best = point;
  }
  return best;
}
