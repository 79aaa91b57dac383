import { METRIC_IDS } from '@headroom/contract';
import { useEffect } from 'react';
import { allGreen, healthCards, type HealthCard } from '../state/health-cards';
import type { Point } from '../state/metrics-store';
import { navigate } from '../state/navigation';
import { useDoctor, useMetrics, useWsl } from '../state/store-context';
import { HealthLight } from './HealthLight';

/** One area's card: its light (shape, colour and word), its one line, and its primary action. */
function Card({ card }: { readonly card: HealthCard }) {
  const titleId = `health-card-${card.area}`;
  return (
    <li className="health-card" data-area={card.area} data-light={card.light}>
      <h3 id={titleId}>{card.title}</h3>
      <HealthLight state={card.light} />
      <p className="health-card__line">{card.line}</p>
      <button type="button" className="button" onClick={() => navigate(card.action.page)}>
        {card.action.label}
        <span className="visually-hidden"> ({card.title})</span>
      </button>
    </li>
  );
}

/** A sparkline of the last minutes of one series, its latest value in words, opening the Dashboard. */
function MiniChart({
  title,
  points,
  unit,
  max,
}: {
  readonly title: string;
  readonly points: readonly Point[];
  readonly unit: string;
  readonly max?: number;
}) {
  const values = points.filter((point): point is readonly [number, number] => point[1] !== null);
  const latest = values.at(-1)?.[1];
  const top = Math.max(max ?? 0, ...values.map(([, value]) => value), 1);
  const first = values[0]?.[0] ?? 0;
  const span = Math.max((values.at(-1)?.[0] ?? 0) - first, 1);
  const path = values
    .map(([time, value], index) => {
      const x = ((time - first) / span) * 100;
      const y = 30 - (value / top) * 28;
      return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  const text = latest === undefined ? 'no samples yet' : `${latest.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`;
  return (
    <li>
      <a className="mini-chart" href="#dashboard">
        <span className="mini-chart__title">{title}</span>
        <span className="mini-chart__value">{text}</span>
        <svg viewBox="0 0 100 32" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <path
            d={path}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        <span className="visually-hidden">, open the Dashboard</span>
      </a>
    </li>
  );
}

const GIB_OF_MIB = 1024;

/** The three live mini-charts (VRAM, WSL memory, passthrough latency); each opens the Dashboard. */
function MiniCharts() {
  const watch = useMetrics((s) => s.watch);
  const series = useMetrics((s) => s.series);
  const latest = useMetrics((s) => s.latest);
  useEffect(() => watch(), [watch]);
  const inGib = (points: readonly Point[] | undefined): readonly Point[] =>
    (points ?? []).map(([time, value]) => [time, value === null ? null : value / GIB_OF_MIB] as const);
  const vramTotal = latest[METRIC_IDS.vramTotal];
  const wslTotal = latest[METRIC_IDS.wslMemTotal];
  return (
    <section aria-labelledby="mini-charts-title">
      <h2 id="mini-charts-title" className="visually-hidden">
        Live
      </h2>
      <ul className="mini-charts">
        <MiniChart
          title="VRAM used"
          unit="GiB"
          points={inGib(series[METRIC_IDS.vramUsed])}
          {...(typeof vramTotal === 'number' ? { max: vramTotal / GIB_OF_MIB } : {})}
        />
        <MiniChart
          title="WSL memory used"
          unit="GiB"
          points={inGib(series[METRIC_IDS.wslMemUsed])}
          {...(typeof wslTotal === 'number' ? { max: wslTotal / GIB_OF_MIB } : {})}
        />
        <MiniChart title="Passthrough latency" unit="ms" points={series[METRIC_IDS.wslLatency] ?? []} />
      </ul>
    </section>
  );
}

/**
 * The Overview's answer to "is it OK?": a card per area with its light, line and action, or one sentence when all
 * is green; then the live mini-charts.
 */
export function OverviewHealth() {
  const report = useDoctor((s) => s.report);
  const load = useDoctor((s) => s.load);
  const wsl = useWsl((s) => s.snapshot);
  useEffect(() => {
    void load();
  }, [load]);
  const cards = report ? healthCards(report, wsl) : [];
  const green = report !== undefined && allGreen(cards);
  return (
    <>
      <section className="overview-health" aria-labelledby="health-cards-title" aria-busy={!report}>
        <h2 id="health-cards-title" className={green ? 'visually-hidden' : undefined}>
          Your setup
        </h2>
        {green ? (
          <p className="all-green" data-testid="all-green">
            <HealthLight state="green" /> Everything is OK: WSL, .wslconfig, GPU passthrough, memory and
            updates.
          </p>
        ) : null}
        {report ? (
          <ul className={green ? 'health-cards health-cards--quiet' : 'health-cards'}>
            {cards.map((card) => (
              <Card key={card.area} card={card} />
            ))}
          </ul>
        ) : (
          <p className="card__summary">Checking…</p>
        )}
      </section>
      <MiniCharts />
    </>
  );
}
