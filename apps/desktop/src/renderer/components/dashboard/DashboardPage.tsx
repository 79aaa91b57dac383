import {
  METRIC_IDS,
  METRICS_WINDOWS,
  type MetricsSample,
  type MetricsStatus,
  type MetricsWindowSeconds,
} from '@headroom/contract';
import { LATENCY_BANDS_NOTE } from '@headroom/core';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Point } from '../../state/metrics-store';
import { nowFigures } from '../../state/now-figures';
import { useMetrics } from '../../state/store-context';
import { clockTime, TimeChart, type ChartBand, type ChartLine } from './TimeChart';
import { ErrorAlert } from '../ErrorAlert';

const WINDOW_NAMES: Readonly<Record<MetricsWindowSeconds, string>> = {
  300: '5 min',
  3_600: '1 h',
  86_400: '24 h',
};

const toGiB = (mib: number): number => mib / 1024;
const VRAM_LINES: readonly ChartLine[] = [
  { id: METRIC_IDS.vramUsed, name: 'VRAM used', color: 'var(--accent)' },
  { id: METRIC_IDS.vramReserved, name: 'Reserved by the driver', color: 'var(--text-2)' },
];
const UTIL_LINES: readonly ChartLine[] = [
  { id: METRIC_IDS.gpuUtil, name: 'GPU utilisation', color: 'var(--accent)' },
];
const WSL_LINES: readonly ChartLine[] = [
  { id: METRIC_IDS.wslMemUsed, name: 'Used in WSL (MemTotal − MemAvailable)', color: 'var(--accent)' },
  { id: METRIC_IDS.wslSwapUsed, name: 'Swap used', color: 'var(--busy)' },
];
const HOST_LINES: readonly ChartLine[] = [
  { id: METRIC_IDS.hostMemUsed, name: 'Used on Windows', color: 'var(--accent)' },
  { id: METRIC_IDS.hostVmmem, name: 'Held by WSL’s VM (VmmemWSL)', color: 'var(--busy)' },
];
const LATENCY_LINES: readonly ChartLine[] = [
  { id: METRIC_IDS.wslLatency, name: 'nvidia-smi inside WSL', color: 'var(--accent)', dots: true },
];
const LATENCY_BANDS: readonly ChartBand[] = [
  { from: 0, to: 0.5, label: 'healthy', color: 'var(--ok)' },
  { from: 0.5, to: 2, label: 'slow', color: 'var(--busy)' },
  { from: 2, to: 12, label: 'very slow', color: 'var(--danger)' },
];
const toSeconds = (ms: number): number => ms / 1000;

/** The latency axis always shows the 0.5 s and 2 s bands, and grows past them for a hang. */
const latencyAxisTop = (dataMax: number): number => Math.max(2.5, dataMax * 1.1);

const gib = (mib: number | null): string => (mib === null ? '—' : `${(mib / 1024).toFixed(1)} GiB`);

/**
 * Every series of the window as drawn, as CSV: a time column (ISO 8601) and one column per series. A 1 h or 24 h
 * window holds each bucket's lowest and highest reading (7.2 s and 172.8 s buckets), so its rows are sparse.
 */
export function metricsCsv(series: Readonly<Record<string, readonly Point[]>>): string {
  const ids = Object.keys(series).sort();
  const rows = new Map<number, Map<string, number | null>>();
  for (const id of ids) {
    for (const [time, value] of series[id] ?? []) {
      const row = rows.get(time) ?? new Map<string, number | null>();
      row.set(id, value);
      rows.set(time, row);
    }
  }
  const lines = [['time', ...ids].join(',')];
  for (const time of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(time);
    lines.push([new Date(time).toISOString(), ...ids.map((id) => String(row?.get(id) ?? ''))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The sources in words: what each one is doing, and what to do when it is not giving values. */
function StatusLine({ status }: { status: MetricsStatus | undefined }) {
  if (!status) return <p className="status">Starting the live readings…</p>;
  const wsl =
    status.wsl.state === 'running'
      ? `Reading ${status.wsl.distro ?? 'WSL'} once a second.`
      : status.wsl.state === 'starting'
        ? `Starting to read ${status.wsl.distro ?? 'WSL'}…`
        : (status.wsl.message ??
          'WSL is stopped. That is normal: Headroom reads WSL only while a distribution runs, and never starts it for a chart.');
  return (
    <ul className="source-status" aria-label="Sources">
      <li data-source="gpu">
        <strong>GPU:</strong>{' '}
        {status.gpu.state === 'ok'
          ? status.gpu.onBattery
            ? `nvidia-smi on Windows. On battery: sampling every ${Math.round((status.gpu.intervalMs ?? 5_000) / 1000)} s, so the GPU can sleep between readings.`
            : 'nvidia-smi on Windows, once a second.'
          : status.gpu.state === 'starting'
            ? 'Starting nvidia-smi…'
            : (status.gpu.message ?? 'nvidia-smi is not answering.')}
      </li>
      <li data-source="wsl">
        <strong>WSL:</strong> {wsl}
      </li>
      <li
        data-source="latency"
        className={status.latency && !status.latency.ok ? 'source-status--bad' : undefined}
      >
        <strong>Passthrough:</strong>{' '}
        {status.latency
          ? `${status.latency.message} (at ${clockTime(status.latency.time)}; ${LATENCY_BANDS_NOTE})`
          : 'Timed every 30 s while a distribution runs.'}
      </li>
    </ul>
  );
}

/** The newest values, big and plain, each against its limit. */
function NowFigures({ latest }: { latest: Readonly<Record<string, number | null>> }) {
  const value = (id: string): number | null => latest[id] ?? null;
  const latency = value(METRIC_IDS.wslLatency);
  return (
    <dl className="figures">
      <div data-figure="vram">
        <dt>VRAM</dt>
        <dd>
          {gib(value(METRIC_IDS.vramUsed))} of {gib(value(METRIC_IDS.vramTotal))}
        </dd>
      </div>
      <div data-figure="wsl-memory">
        <dt>WSL memory</dt>
        <dd>
          {gib(value(METRIC_IDS.wslMemUsed))} of {gib(value(METRIC_IDS.wslMemTotal))}
        </dd>
      </div>
      <div data-figure="host-memory">
        <dt>Windows memory</dt>
        <dd>
          {gib(value(METRIC_IDS.hostMemUsed))} of {gib(value(METRIC_IDS.hostMemTotal))}
        </dd>
      </div>
      <div data-figure="latency">
        <dt>Passthrough</dt>
        <dd>{latency === null ? '—' : `${(latency / 1000).toFixed(2)} s`}</dd>
      </div>
    </dl>
  );
}

/** The table alternative to the charts: the newest minute as sampled, one row per second, every series. */
function SampleTable({ recent }: { recent: readonly MetricsSample[] }) {
  const seconds = (ms: number | null | undefined): string =>
    ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`;
  return (
    <table className="distros sample-table">
      <caption>The last minute of readings, newest last</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">VRAM used</th>
          <th scope="col">GPU use</th>
          <th scope="col">WSL used</th>
          <th scope="col">WSL total</th>
          <th scope="col">WSL swap used</th>
          <th scope="col">Passthrough</th>
          <th scope="col">Windows used</th>
          <th scope="col">VmmemWSL</th>
        </tr>
      </thead>
      <tbody>
        {recent.map(({ time, values }) => {
          const util = values[METRIC_IDS.gpuUtil];
          return (
            <tr key={time}>
              <th scope="row">{clockTime(time)}</th>
              <td>{gib(values[METRIC_IDS.vramUsed] ?? null)}</td>
              <td>{util === null || util === undefined ? '—' : `${util} %`}</td>
              <td>{gib(values[METRIC_IDS.wslMemUsed] ?? null)}</td>
              <td>{gib(values[METRIC_IDS.wslMemTotal] ?? null)}</td>
              <td>{gib(values[METRIC_IDS.wslSwapUsed] ?? null)}</td>
              <td>{seconds(values[METRIC_IDS.wslLatency])}</td>
              <td>{gib(values[METRIC_IDS.hostMemUsed] ?? null)}</td>
              <td>{gib(values[METRIC_IDS.hostVmmem] ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Ollama's loaded models and how much of each sits on the GPU. */
function OllamaModels({ models }: { models: MetricsStatus['ollama'] | undefined }) {
  return (
    <section className="chart" aria-labelledby="ollama-title">
      <h3 id="ollama-title">Ollama</h3>
      {!models ? (
        <p className="chart__empty">
          Ollama is not answering on 127.0.0.1:11434. Start it to see its loaded models here.
        </p>
      ) : models.length === 0 ? (
        <p className="chart__empty">Ollama runs with no model loaded.</p>
      ) : (
        <table className="distros">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Size</th>
              <th scope="col">On the GPU</th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <tr key={model.name}>
                <th scope="row">{model.name}</th>
                <td>{(model.sizeBytes / 2 ** 30).toFixed(1)} GiB</td>
                <td>
                  {model.sizeBytes === 0 ? '—' : `${Math.round((model.vramBytes / model.sizeBytes) * 100)} %`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The dashboard: VRAM, GPU use, WSL and Windows memory and the passthrough latency over 5 min, 1 h or 24 h, with
 * markers for WSL starting and stopping and passthrough failures; pause, CSV export and a table view.
 */
export function DashboardPage() {
  const watch = useMetrics((s) => s.watch);
  const series = useMetrics((s) => s.series);
  const latest = useMetrics((s) => s.latest);
  const recent = useMetrics((s) => s.recent);
  const markers = useMetrics((s) => s.markers);
  const status = useMetrics((s) => s.status);
  const to = useMetrics((s) => s.to);
  const version = useMetrics((s) => s.version);
  const windowSeconds = useMetrics((s) => s.windowSeconds);
  const paused = useMetrics((s) => s.paused);
  const error = useMetrics((s) => s.error);
  const setWindow = useMetrics((s) => s.setWindow);
  const setPaused = useMetrics((s) => s.setPaused);
  const [tableView, setTableView] = useState(false);

  useEffect(() => watch(), [watch]);
  useLayoutEffect(() => {
    window.__headroomMetricsRendered?.(version);
  }, [version]);

  const from = to - windowSeconds * 1000;
  const vramTotal = latest[METRIC_IDS.vramTotal] ?? null;
  const wslTotal = latest[METRIC_IDS.wslMemTotal] ?? null;
  const hostTotal = latest[METRIC_IDS.hostMemTotal] ?? null;
  const wslEmpty =
    status?.wsl.state === 'running' || status?.wsl.state === 'starting'
      ? `Reading ${status.wsl.distro ?? 'WSL'}…`
      : (status?.wsl.message ??
        'WSL is stopped, which is normal. Headroom reads its memory only while a distribution runs, and never starts WSL for a chart.');
  const common = { series, from, to, markers };

  return (
    <>
      <section className="card" aria-labelledby="dashboard-controls">
        <header className="card__header">
          <div>
            <h2 id="dashboard-controls">Live readings</h2>
            <StatusLine status={status} />
          </div>
          <div className="card__actions dashboard__actions">
            <div role="radiogroup" aria-label="Time window" className="segmented">
              {METRICS_WINDOWS.map((seconds) => (
                <label key={seconds} className="segmented__option">
                  <input
                    type="radio"
                    name="metrics-window"
                    checked={windowSeconds === seconds}
                    onChange={() => setWindow(seconds)}
                  />
                  {WINDOW_NAMES[seconds]}
                </label>
              ))}
            </div>
            <button type="button" className="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
              {paused ? 'Resume' : 'Pause'}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                download(
                  `headroom-metrics-${new Date(to).toISOString().slice(0, 19)}.csv`,
                  metricsCsv(series),
                )
              }
            >
              Export CSV
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={tableView}
              onClick={() => setTableView(!tableView)}
            >
              Table view
            </button>
          </div>
        </header>
        <ErrorAlert error={error} />
        <NowFigures latest={nowFigures(latest, status)} />
      </section>
      {tableView ? (
        <section className="card">
          <SampleTable recent={recent} />
        </section>
      ) : (
        <div className="charts">
          <TimeChart
            {...common}
            title="VRAM"
            unit="GiB"
            lines={VRAM_LINES}
            scale={toGiB}
            {...(vramTotal === null
              ? {}
              : { limit: { value: vramTotal / 1024, label: `total ${gib(vramTotal)}` } })}
            empty={status?.gpu.message ?? 'No VRAM readings yet.'}
          />
          <TimeChart
            {...common}
            title="GPU utilisation"
            unit="%"
            lines={UTIL_LINES}
            yMax={100}
            empty={status?.gpu.message ?? 'No GPU readings yet.'}
          />
          <TimeChart
            {...common}
            title="WSL memory"
            unit="GiB"
            lines={WSL_LINES}
            scale={toGiB}
            {...(wslTotal === null
              ? {}
              : { limit: { value: wslTotal / 1024, label: `WSL's memory ${gib(wslTotal)}` } })}
            empty={wslEmpty}
          />
          <TimeChart
            {...common}
            title="Windows memory"
            unit="GiB"
            lines={HOST_LINES}
            scale={toGiB}
            {...(hostTotal === null
              ? {}
              : { limit: { value: hostTotal / 1024, label: `installed ${gib(hostTotal)}` } })}
            empty="No reading of Windows' memory yet."
          />
          <TimeChart
            {...common}
            title="Passthrough latency"
            unit="s"
            scale={toSeconds}
            lines={LATENCY_LINES}
            bands={LATENCY_BANDS}
            yMax={latencyAxisTop}
            empty={`Timed every 30 s while a distribution runs: nvidia-smi inside WSL, ${LATENCY_BANDS_NOTE}.`}
          />
          <OllamaModels models={status?.ollama} />
        </div>
      )}
    </>
  );
}
