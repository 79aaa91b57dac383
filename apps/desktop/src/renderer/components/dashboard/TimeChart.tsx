import type { MetricsMarker } from '@headroom/contract';
import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Point } from '../../state/metrics-store';

/** One line of a chart: the series it draws, its name in the tooltip and legend, and its colour. */
export interface ChartLine {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** Draw each point as a dot: for sparse series (one reading every 30 s), where a lone point has no line. */
  readonly dots?: boolean;
}

/** A shaded band of the value axis (the latency chart's healthy, slow and failing zones). */
export interface ChartBand {
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly color: string;
}

/** What one chart draws. Values are converted with `scale` (MiB → GiB) before drawing. */
export interface TimeChartProps {
  readonly title: string;
  readonly unit: string;
  readonly lines: readonly ChartLine[];
  readonly series: Readonly<Record<string, readonly Point[]>>;
  readonly from: number;
  readonly to: number;
  readonly markers: readonly MetricsMarker[];
  readonly scale?: (value: number) => number;
  /** A limit drawn as a dashed line, with its label (VRAM total, WSL's memory). */
  readonly limit?: { readonly value: number; readonly label: string };
  readonly bands?: readonly ChartBand[];
  /** The top of the value axis: a number, or a function of the largest value (so the bands stay in view). */
  readonly yMax?: number | ((dataMax: number) => number);
  /** Shown instead of the chart when none of its series has a value in the window. */
  readonly empty: string;
}

type Row = Record<string, number | null>;

/** The time of day a tick or tooltip shows. */
export function clockTime(time: number): string {
  return new Date(time).toLocaleTimeString('en-GB', { hour12: false });
}

/** Five evenly spaced ticks across the window, so the time axis reads the same however much data there is. */
function timeTicks(from: number, to: number): number[] {
  return [0, 1, 2, 3, 4].map((step) => Math.round(from + ((to - from) * step) / 4));
}

function rowsOf(
  lines: readonly ChartLine[],
  series: TimeChartProps['series'],
  scale: (v: number) => number,
): Row[] {
  const rows = new Map<number, Row>();
  for (const line of lines) {
    for (const [time, value] of series[line.id] ?? []) {
      let row = rows.get(time);
      if (!row) {
        row = { t: time };
        rows.set(time, row);
      }
      row[line.id] = value === null ? null : scale(value);
    }
  }
  return [...rows.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
}

const identity = (value: number): number => value;

/**
 * A live time chart: thin lines, no animation, units on the axis, a dashed limit line, shaded bands, and a labelled
 * tick for each marker; gaps stay gaps. When there is nothing to draw it says why instead of drawing empty axes.
 */
export const TimeChart = memo(function TimeChart(props: TimeChartProps) {
  const { title, unit, lines, series, from, to, markers, limit, bands, yMax, empty } = props;
  const scale = props.scale ?? identity;
  const rows = useMemo(() => rowsOf(lines, series, scale), [lines, series, scale]);
  const hasValues = rows.some((row) =>
    lines.some((line) => row[line.id] !== null && row[line.id] !== undefined),
  );
  const headingId = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="chart" aria-labelledby={headingId} data-chart={title}>
      <h3 id={headingId}>{title}</h3>
      {hasValues ? (
        <div className="chart__plot" aria-hidden="true">
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--border)" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                domain={[from, to]}
                scale="time"
                ticks={timeTicks(from, to)}
                tickFormatter={clockTime}
                stroke="var(--text-2)"
                fontSize={11}
                allowDataOverflow
              />
              <YAxis
                stroke="var(--text-2)"
                fontSize={11}
                width={56}
                domain={[0, yMax ?? 'auto']}
                allowDataOverflow={typeof yMax === 'number'}
                tickFormatter={(value: number) => `${Number(value.toFixed(1))} ${unit}`}
              />
              {bands?.map((band) => (
                <ReferenceArea
                  key={band.label}
                  y1={band.from}
                  y2={band.to}
                  fill={band.color}
                  fillOpacity={0.08}
                  stroke="none"
                  ifOverflow="hidden"
                />
              ))}
              {limit ? (
                <ReferenceLine
                  y={limit.value}
                  stroke="var(--text-2)"
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  label={{
                    value: limit.label,
                    position: 'insideTopRight',
                    fontSize: 11,
                    fill: 'var(--text-2)',
                  }}
                />
              ) : null}
              {markers.map((marker) => (
                <ReferenceLine
                  key={`${marker.kind}-${marker.time}`}
                  x={marker.time}
                  stroke="var(--busy)"
                  label={{
                    value: marker.label,
                    position: 'insideTopRight',
                    fontSize: 10,
                    fill: 'var(--text-2)',
                  }}
                />
              ))}
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(time) => clockTime(Number(time))}
                formatter={(value) =>
                  `${typeof value === 'number' ? value.toFixed(2) : String(value)} ${unit}`
                }
                contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
              />
              {lines.map((line) => (
                <Line
                  key={line.id}
                  dataKey={line.id}
                  name={line.name}
                  stroke={line.color}
                  strokeWidth={1.5}
                  dot={line.dots === true ? { r: 3, fill: line.color, stroke: 'none' } : false}
                  isAnimationActive={false}
                  connectNulls={line.dots === true}
                  type="linear"
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="chart__empty">{empty}</p>
      )}
      <ul className="chart__legend">
        {lines.map((line) => (
          <li key={line.id}>
            <span className="chart__swatch" style={{ background: line.color }} aria-hidden="true" />{' '}
            {line.name}
          </li>
        ))}
      </ul>
    </section>
  );
}, sameDrawing);

/**
 * Whether a chart would draw the same: its own series arrays, window, markers and limit are unchanged. Other
 * series changing (a chart receives the whole record) does not redraw it.
 */
function sameDrawing(a: TimeChartProps, b: TimeChartProps): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.markers === b.markers &&
    a.empty === b.empty &&
    a.limit?.value === b.limit?.value &&
    a.limit?.label === b.limit?.label &&
    a.lines === b.lines &&
    a.lines.every((line) => a.series[line.id] === b.series[line.id])
  );
}
