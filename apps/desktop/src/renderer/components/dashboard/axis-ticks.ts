/**
 * Axis ticks a person reads at a glance: values at 1, 2 or 5 × 10^k (0, 0.5, 1, 1.5 s; 0, 4, 8 GiB) and times on
 * round steps of the local clock (19:10, 19:11), never at the window's arbitrary edges (0.7 s, 19:08:56).
 */

/** The ticks of a value axis and the axis top they imply (the last tick, at or above the largest value). */
export interface ValueTicks {
  readonly ticks: readonly number[];
  readonly top: number;
  /** The step between ticks, so labels show as many decimals as the step needs. */
  readonly step: number;
}

/** The smallest "nice" step (1, 2 or 5 × 10^k) that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) {
    // A hair of tolerance: 0.30000000000000004 / 0.1 must still pick 5 × 0.1 over 10 × 0.1 for 0.5.
    if (factor * power >= raw * (1 - 1e-9)) return factor * power;
  }
  return 10 * power;
}

/** A value with the float noise of repeated steps removed (0.1 × 3 → 0.3, not 0.30000000000000004). */
const tidy = (value: number): number => Number(value.toPrecision(12));

/**
 * Ticks from 0 to at least `max`, at most `maxIntervals` intervals apart, on a 1/2/5 × 10^k step. `max` of 0 or
 * less still gives an axis (0 to 1), so an idle series draws on a readable scale.
 */
export function valueTicks(max: number, maxIntervals = 5): ValueTicks {
  const span = max > 0 && Number.isFinite(max) ? max : 1;
  const step = niceStep(span / maxIntervals);
  const count = Math.max(1, Math.ceil(tidy(span / step)));
  const ticks = Array.from({ length: count + 1 }, (_, index) => tidy(index * step));
  return { ticks, top: ticks[ticks.length - 1] ?? step, step };
}

/** The label of a value tick: at most the decimals its step needs (0.5 → "0.5", 1 → "1", 2 → "2"), then the unit. */
export function valueLabel(value: number, step: number, unit: string): string {
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return `${Number(value.toFixed(decimals))} ${unit}`;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The steps a time axis may take, shortest first: 1/2/5/10/15/30 s, 1/2/5/10/15/30 min, 1/2/3/6/12 h. */
export const TIME_STEPS_MS: readonly number[] = [
  ...[1, 2, 5, 10, 15, 30].map((seconds) => seconds * SECOND),
  ...[1, 2, 5, 10, 15, 30].map((minutes) => minutes * MINUTE),
  ...[1, 2, 3, 6, 12].map((hours) => hours * HOUR),
];

/** The local clock's offset from UTC at a time, in ms (UTC+2 → +7,200,000): the browser's own time zone. */
export function localOffsetMs(time: number): number {
  return -new Date(time).getTimezoneOffset() * MINUTE;
}

/** The ticks of a time axis and how to label them. */
export interface TimeTicks {
  readonly ticks: readonly number[];
  readonly step: number;
}

/**
 * Ticks inside [from, to] on the shortest step of {@link TIME_STEPS_MS} that gives at most `maxTicks`, each on a
 * whole multiple of the step on the local clock (a 15 min step lands on :00, :15, :30, :45 local time, also in a
 * UTC+5:30 zone and across a daylight-saving change). `offsetMs` is the time zone; tests hand in their own.
 */
export function timeTicks(
  from: number,
  to: number,
  maxTicks = 6,
  offsetMs: (time: number) => number = localOffsetMs,
): TimeTicks {
  if (!(to > from)) return { ticks: [], step: SECOND };
  const alignUp = (time: number, step: number): number => {
    const offset = offsetMs(time);
    return Math.ceil((time + offset) / step) * step - offset;
  };
  const span = to - from;
  const step = TIME_STEPS_MS.find((candidate) => Math.floor(span / candidate) + 1 <= maxTicks) ?? 24 * HOUR;
  const ticks: number[] = [];
  for (let tick = alignUp(from, step); tick <= to; tick = alignUp(tick + step, step)) {
    ticks.push(tick);
    if (ticks.length > maxTicks + 2) break; // a daylight-saving jump can add one; never loop on a bad offset
  }
  return { ticks, step };
}

/** The label of a time tick: hours and minutes, with seconds only when the step is under a minute. */
export function timeLabel(time: number, step: number): string {
  return new Date(time).toLocaleTimeString('en-GB', {
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
    ...(step < MINUTE ? { second: '2-digit' } : {}),
  });
}
