import { describe, expect, it } from 'vitest';
import type { Point } from '../../state/metrics-store';
import { dotsPath, largestValue, linePath, nearestReading, type PlotScales } from './chart-paths';

/** One pixel per second across, one per unit up from y = 100. */
const scales: PlotScales = { x: (time) => time / 1000, y: (value) => 100 - value };
const same = (value: number): number => value;

describe('linePath', () => {
  it('draws a series as one path through every reading, scaled', () => {
    const points: Point[] = [
      [0, 1024],
      [1000, 2048],
      [2000, 0],
    ];
    expect(linePath(points, scales, (mib) => mib / 1024)).toBe('M0.0,99.0L1.0,98.0L2.0,100.0');
  });

  it('keeps a gap a gap, or bridges it for a sparse series', () => {
    const points: Point[] = [
      [0, 10],
      [1000, null],
      [2000, 30],
      [3000, 40],
    ];
    expect(linePath(points, scales, same)).toBe('M0.0,90.0M2.0,70.0L3.0,60.0');
    expect(linePath(points, scales, same, true)).toBe('M0.0,90.0L2.0,70.0L3.0,60.0');
    expect(linePath([[0, null]], scales, same)).toBe('');
  });
});

describe('dotsPath', () => {
  it('draws a circle of two arcs per reading and none for a gap', () => {
    expect(
      dotsPath(
        [
          [0, 10],
          [1000, null],
        ],
        scales,
        same,
        3,
      ),
    ).toBe('M-3.0,90.0a3,3 0 1,0 6,0a3,3 0 1,0 -6,0');
  });
});

describe('largestValue', () => {
  it('finds the largest scaled value over several series, or none when all are gaps', () => {
    expect(
      largestValue(
        [
          [
            [0, 1024],
            [1, null],
          ],
          [[0, 4096]],
        ],
        (mib) => mib / 1024,
      ),
    ).toBe(4);
    expect(largestValue([[[0, null]], []], same)).toBeUndefined();
  });
});

describe('nearestReading', () => {
  const points: Point[] = [
    [0, 1],
    [10_000, 2],
    [20_000, null],
    [30_000, 4],
  ];

  it('finds the reading nearest the pointer within the tolerance', () => {
    expect(nearestReading(points, 4_000, 5_000)).toEqual([0, 1]);
    expect(nearestReading(points, 6_000, 5_000)).toEqual([10_000, 2]);
    expect(nearestReading(points, 29_000, 5_000)).toEqual([30_000, 4]);
  });

  it('shows nothing for a gap or when no reading is close enough', () => {
    expect(nearestReading(points, 20_000, 1_000)).toBeUndefined();
    expect(nearestReading(points, 50_000, 5_000)).toBeUndefined();
    expect(nearestReading([], 0, 5_000)).toBeUndefined();
  });
});
