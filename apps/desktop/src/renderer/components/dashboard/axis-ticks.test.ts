import { describe, expect, it } from 'vitest';
import { niceStep, timeLabel, timeTicks, valueLabel, valueTicks } from './axis-ticks';

const utc = (): number => 0;
const at = (iso: string): number => Date.parse(iso);
const hhmmss = (time: number): string => new Date(time).toISOString().slice(11, 19);

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 × 10^k', () => {
    expect([0.07, 0.1, 0.13, 0.3, 0.5, 0.7, 3, 7, 12, 4_100].map(niceStep)).toEqual([
      0.1, 0.1, 0.2, 0.5, 0.5, 1, 5, 10, 20, 5_000,
    ]);
  });
});

describe('valueTicks', () => {
  it('puts the passthrough latency on 0, 0.5, 1, 1.5 … s, never 0.7 s', () => {
    expect(valueTicks(1.4)).toEqual({ ticks: [0, 0.5, 1, 1.5], top: 1.5, step: 0.5 });
    expect(valueTicks(2.5).ticks).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
  });

  it('ends at or above the largest value, at most five intervals apart', () => {
    for (const max of [0.013, 0.7, 3.3, 17.9, 23.99, 100, 47_923]) {
      const { ticks, top, step } = valueTicks(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
      expect(ticks[0]).toBe(0);
      for (const tick of ticks) expect(Number.isInteger(Number((tick / step).toFixed(9)))).toBe(true);
    }
    expect(valueTicks(23.99).ticks).toEqual([0, 5, 10, 15, 20, 25]);
    expect(valueTicks(100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('keeps no float noise in its ticks', () => {
    expect(valueTicks(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('still draws a 0 to 1 axis for a series that is all zero', () => {
    expect(valueTicks(0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('valueLabel', () => {
  it('shows no more decimals than the step needs, and the unit', () => {
    expect(valueLabel(1.5, 0.5, 's')).toBe('1.5 s');
    expect(valueLabel(1, 0.5, 's')).toBe('1 s');
    expect(valueLabel(0.30000000000000004, 0.1, 's')).toBe('0.3 s');
    expect(valueLabel(20, 5, 'GiB')).toBe('20 GiB');
    expect(valueLabel(0.05, 0.05, 's')).toBe('0.05 s');
  });
});

describe('timeTicks', () => {
  it('ticks a 5 min window on whole minutes (19:10, 19:11), not at its edge 19:08:56', () => {
    const to = at('2026-12-05T19:13:56.400Z');
    const { ticks, step } = timeTicks(to - 300_000, to, 6, utc);
    expect(step).toBe(60_000);
    expect(ticks.map(hhmmss)).toEqual(['19:09:00', '19:10:00', '19:11:00', '19:12:00', '19:13:00']);
  });

  it('ticks an hour on the quarter hours and a day on six-hour marks of the local clock', () => {
    const to = at('2026-12-05T19:13:56Z');
    expect(timeTicks(to - 3_600_000, to, 6, utc).ticks.map(hhmmss)).toEqual([
      '18:15:00',
      '18:30:00',
      '18:45:00',
      '19:00:00',
    ]);
    expect(timeTicks(to - 86_400_000, to, 6, utc).ticks.map(hhmmss)).toEqual([
      '00:00:00',
      '06:00:00',
      '12:00:00',
      '18:00:00',
    ]);
  });

  it('aligns to the local clock in a half-hour time zone (UTC+5:30)', () => {
    const india = (): number => 5.5 * 3_600_000;
    const to = at('2026-12-05T19:13:56Z'); // 00:43:56 in India
    const { ticks } = timeTicks(to - 3_600_000, to, 6, india);
    // 23:45, 00:00, 00:15, 00:30 local are 18:15, 18:30, 18:45, 19:00 UTC.
    expect(ticks.map(hhmmss)).toEqual(['18:15:00', '18:30:00', '18:45:00', '19:00:00']);
    const hours = timeTicks(to - 86_400_000, to, 6, india).ticks.map(hhmmss);
    expect(hours).toEqual(['00:30:00', '06:30:00', '12:30:00', '18:30:00']); // 06:00, 12:00 … local
  });

  it('keeps local round hours across a daylight-saving change', () => {
    const change = at('2026-10-25T01:00:00Z'); // Central Europe goes from UTC+2 to UTC+1
    const europe = (time: number): number => (time < change ? 2 : 1) * 3_600_000;
    const to = at('2026-10-25T12:00:00Z');
    const local = timeTicks(to - 86_400_000, to, 6, europe).ticks.map((tick) => hhmmss(tick + europe(tick)));
    expect(local).toEqual(['18:00:00', '00:00:00', '06:00:00', '12:00:00']);
  });

  it('picks the shortest step that keeps to the tick budget, with seconds only for short windows', () => {
    const to = at('2026-12-05T19:13:56Z');
    expect(timeTicks(to - 20_000, to, 6, utc).step).toBe(5_000);
    expect(timeTicks(to - 300_000, to, 6, utc).step).toBe(60_000);
    expect(timeTicks(to - 3_600_000, to, 6, utc).step).toBe(15 * 60_000);
    expect(timeTicks(to - 86_400_000, to, 6, utc).step).toBe(6 * 3_600_000);
    expect(timeTicks(to, to, 6, utc).ticks).toEqual([]);
  });
});

describe('timeLabel', () => {
  it('shows seconds only when the step is under a minute', () => {
    const time = new Date(2026, 11, 5, 19, 10, 0).getTime();
    expect(timeLabel(time, 60_000)).toBe('19:10');
    expect(timeLabel(time, 5_000)).toBe('19:10:00');
  });
});
