import type { MetricsMarker } from '@headroom/contract';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { Point } from '../../state/metrics-store';
import { timeLabel, timeTicks, valueLabel, valueTicks } from './axis-ticks';
import { dotsPath, largestValue, linePath, nearestReading, type PlotScales } from './chart-paths';

/** One line of a chart: the series it draws, its name in the read-out and legend, and its colour. */
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
  /**
   * The least top of the value axis: a number, or a function of the largest value (so the bands stay in view). The
   * axis ends at the next round tick at or above it; without it, at or above the largest value and the limit.
   */
  readonly yMax?: number | ((dataMax: number) => number);
  /** Shown instead of the chart when none of its series has a value in the window. */
  readonly empty: string;
}

/** The time of day a read-out or table row shows. */
export function clockTime(time: number): string {
  return new Date(time).toLocaleTimeString('en-GB', { hour12: false });
}

const identity = (value: number): number => value;
const DOT_RADIUS = 3;
const HEIGHT = 180;
/** Room around the plot: the value labels on the left, the time labels below. */
const MARGIN = { top: 8, right: 16, bottom: 24, left: 56 } as const;

/** Where the plot sits in the chart's SVG, and its scales. */
interface Geometry extends PlotScales {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

function geometry(width: number, from: number, to: number, top: number): Geometry {
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const span = Math.max(1, to - from);
  return {
    left: MARGIN.left,
    top: MARGIN.top,
    width: plotWidth,
    height: plotHeight,
    x: (time) => MARGIN.left + ((time - from) / span) * plotWidth,
    y: (value) => MARGIN.top + plotHeight - (value / (top || 1)) * plotHeight,
  };
}

/**
 * The width of an element, following its resizes (0 until it is laid out). A callback ref, so it also measures an
 * element that appears later (the plot is drawn only once a series has a value).
 */
function useWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) return undefined;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * What a chart draws besides its lines: the grid, the time axis on round local times, the value axis on round
 * values up to `top`, the shaded bands, the dashed limit and a labelled line per marker.
 */
function ChartFrame({
  plot,
  from,
  to,
  top,
  unit,
  bands,
  limitValue,
  limitLabel,
  markers,
}: {
  readonly plot: Geometry;
  readonly from: number;
  readonly to: number;
  readonly top: number;
  readonly unit: string;
  readonly bands: TimeChartProps['bands'];
  readonly limitValue: number | undefined;
  readonly limitLabel: string | undefined;
  readonly markers: readonly MetricsMarker[];
}) {
  const xAxis = timeTicks(from, to);
  const yAxis = valueTicks(top);
  const right = plot.left + plot.width;
  const bottom = plot.top + plot.height;
  return (
    <g className="chart__frame" fontSize={11} fill="var(--text-2)">
      {bands?.map((band) => {
        const y1 = plot.y(Math.min(band.to, top));
        const y2 = plot.y(Math.min(band.from, top));
        return y2 > y1 ? (
          <rect
            key={band.label}
            x={plot.left}
            y={y1}
            width={plot.width}
            height={y2 - y1}
            fill={band.color}
            fillOpacity={0.08}
          />
        ) : null;
      })}
      {yAxis.ticks.map((tick) => (
        <g key={tick} className="chart__y-tick">
          <line x1={plot.left} x2={right} y1={plot.y(tick)} y2={plot.y(tick)} stroke="var(--border)" />
          <text x={plot.left - 6} y={plot.y(tick)} textAnchor="end" dominantBaseline="middle">
            {valueLabel(tick, yAxis.step, unit)}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} stroke="var(--text-2)" />
      <line x1={plot.left} x2={right} y1={bottom} y2={bottom} stroke="var(--text-2)" />
      {xAxis.ticks.map((tick) => (
        <g key={tick} className="chart__x-tick">
          <line x1={plot.x(tick)} x2={plot.x(tick)} y1={bottom} y2={bottom + 4} stroke="var(--text-2)" />
          <text x={plot.x(tick)} y={bottom + 16} textAnchor="middle">
            {timeLabel(tick, xAxis.step)}
          </text>
        </g>
      ))}
      {limitValue !== undefined && limitValue <= top ? (
        <g className="chart__limit">
          <line
            x1={plot.left}
            x2={right}
            y1={plot.y(limitValue)}
            y2={plot.y(limitValue)}
            stroke="var(--text-2)"
            strokeDasharray="4 4"
          />
          <text x={right - 4} y={plot.y(limitValue) + 13} textAnchor="end">
            {limitLabel}
          </text>
        </g>
      ) : null}
      {markers
        .filter((marker) => marker.time >= from && marker.time <= to)
        .map((marker) => (
          <g key={`${marker.kind}-${marker.time}`} className="chart__marker">
            <line
              x1={plot.x(marker.time)}
              x2={plot.x(marker.time)}
              y1={plot.top}
              y2={bottom}
              stroke="var(--busy)"
            />
            <text x={plot.x(marker.time) - 4} y={plot.top + 12} textAnchor="end" fontSize={10}>
              {marker.label}
            </text>
          </g>
        ))}
    </g>
  );
}

/** The lines of a chart: each series one path, its dots one more, clipped to the plot. */
function ChartLines({
  plot,
  clipId,
  lines,
  series,
  scale,
}: {
  readonly plot: Geometry;
  readonly clipId: string;
  readonly lines: readonly ChartLine[];
  readonly series: TimeChartProps['series'];
  readonly scale: (value: number) => number;
}) {
  return (
    <g clipPath={`url(#${clipId})`}>
      {lines.map((line) => {
        const points = series[line.id] ?? [];
        return (
          <g key={line.id}>
            <path
              className="chart__line"
              d={linePath(points, plot, scale, line.dots === true)}
              fill="none"
              stroke={line.color}
              strokeWidth={1.5}
              strokeLinejoin="round"
            />
            {line.dots === true ? (
              <path
                className="chart__dots"
                d={dotsPath(points, plot, scale, DOT_RADIUS)}
                fill={line.color}
                stroke="none"
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** The pointer's read-out: a line at the time under it, and each series' nearest reading. */
function HoverReadout({
  plot,
  lines,
  series,
  scale,
  from,
  to,
  unit,
}: {
  readonly plot: Geometry;
  readonly lines: readonly ChartLine[];
  readonly series: TimeChartProps['series'];
  readonly scale: (value: number) => number;
  readonly from: number;
  readonly to: number;
  readonly unit: string;
}) {
  const [hover, setHover] = useState<number | undefined>(undefined);
  const readings =
    hover === undefined
      ? []
      : lines.flatMap((line) => {
          const point = nearestReading(series[line.id] ?? [], hover, (to - from) / 100);
          return point && point[1] !== null ? [{ line, value: scale(point[1]) }] : [];
        });
  const x = hover === undefined ? 0 : plot.x(hover);
  const onLeft = x > plot.left + plot.width / 2;
  return (
    <g>
      {hover !== undefined ? (
        <g className="chart__hover" pointerEvents="none">
          <line x1={x} x2={x} y1={plot.top} y2={plot.top + plot.height} stroke="var(--text-2)" />
          <foreignObject
            x={onLeft ? x - 228 : x + 8}
            y={plot.top}
            width={220}
            height={Math.min(plot.height, 24 + 18 * readings.length)}
          >
            <div className="chart__tooltip">
              <p>{clockTime(hover)}</p>
              {readings.map(({ line, value }) => (
                <p key={line.id}>
                  {line.name}: {value.toFixed(2)} {unit}
                </p>
              ))}
            </div>
          </foreignObject>
        </g>
      ) : null}
      <rect
        x={plot.left}
        y={plot.top}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onMouseMove={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          const share = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
          setHover(from + Math.min(1, Math.max(0, share)) * (to - from));
        }}
        onMouseLeave={() => setHover(undefined)}
      />
    </g>
  );
}

/** The top of the value axis before rounding: the limit and the largest value in view, or what `yMax` says. */
function axisTop(largest: number, yMax: TimeChartProps['yMax'], limit: TimeChartProps['limit']): number {
  if (typeof yMax === 'number') return yMax;
  if (yMax) return yMax(largest);
  return Math.max(largest, limit?.value ?? 0);
}

/**
 * A live time chart in plain SVG: thin lines, no animation, units on the axis, ticks at round values and round
 * times of the local clock, a dashed limit line, shaded bands, a labelled line for each marker, and a read-out under
 * the pointer; gaps stay gaps. Each series is one path and the frame is redrawn only when the window, the axis top
 * or the markers change, so a day of readings redraws well within a frame. When there is nothing to draw it says
 * why instead of drawing empty axes.
 */
export const TimeChart = memo(function TimeChart(props: TimeChartProps) {
  const { title, unit, lines, series, from, to, markers, limit, bands, yMax, empty } = props;
  const scale = props.scale ?? identity;
  const [plotRef, width] = useWidth();
  const clipId = useId();
  const largest = useMemo(
    () =>
      largestValue(
        lines.map((line) => series[line.id] ?? []),
        scale,
      ),
    [lines, series, scale],
  );
  const top = valueTicks(axisTop(largest ?? 0, yMax, limit)).top;
  const plot = useMemo(() => geometry(width, from, to, top), [width, from, to, top]);
  const frame = useMemo(
    () => (
      <ChartFrame
        plot={plot}
        from={from}
        to={to}
        top={top}
        unit={unit}
        bands={bands}
        limitValue={limit?.value}
        limitLabel={limit?.label}
        markers={markers}
      />
    ),
    [plot, from, to, top, unit, bands, limit?.value, limit?.label, markers],
  );
  const drawn = useMemo(
    () => <ChartLines plot={plot} clipId={clipId} lines={lines} series={series} scale={scale} />,
    [plot, clipId, lines, series, scale],
  );
  const headingId = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="chart" aria-labelledby={headingId} data-chart={title}>
      <h3 id={headingId}>{title}</h3>
      {largest !== undefined ? (
        <div className="chart__plot" aria-hidden="true" ref={plotRef}>
          {width > 0 ? (
            <svg width={width} height={HEIGHT} role="presentation" focusable="false">
              <defs>
                <clipPath id={clipId}>
                  <rect x={plot.left} y={plot.top} width={plot.width} height={plot.height} />
                </clipPath>
              </defs>
              {frame}
              {drawn}
              <HoverReadout
                plot={plot}
                lines={lines}
                series={series}
                scale={scale}
                from={from}
                to={to}
                unit={unit}
              />
            </svg>
          ) : (
            <div style={{ height: HEIGHT }} />
          )}
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
    a.unit === b.unit &&
    a.yMax === b.yMax &&
    a.scale === b.scale &&
    a.limit?.value === b.limit?.value &&
    a.limit?.label === b.limit?.label &&
    a.lines === b.lines &&
    a.lines.every((line) => a.series[line.id] === b.series[line.id])
  );
}
