import { gpuMetricId, METRIC_IDS, type MetricsSample, type MetricsStatus } from '@headroom/contract';
import type { Marker, MetricsStore } from '@headroom/core';
import type { Log, RollingCsvLog } from '@headroom/host';
import type { GpuLatest } from './gpu-source';
import type { LatencyReading, WslMemory } from './distro-reader';
import type { SamplerTimers } from './restarting-stream';

/** The host's memory now, from a source that starts no process (the OS on Windows, the simulated VM otherwise). */
export interface HostMemoryReading {
  readonly totalBytes: number;
  readonly freeBytes: number;
  /** What WSL's VM (the VmmemWSL process) holds, when known. */
  readonly vmmemBytes?: number;
}

/** Every source's newest reading at one tick. */
export interface Readings {
  readonly gpu: GpuLatest | undefined;
  readonly wslMemory: WslMemory | undefined;
  /** The last timed nvidia-smi inside WSL, however old. */
  readonly latency: LatencyReading | undefined;
  readonly host: HostMemoryReading | undefined;
  /** The VmmemWSL reader's bytes, used when `host` does not say. */
  readonly vmmemBytes: number | undefined;
}

/** The columns of the optional CSV log, after the ISO time: the first GPU, WSL, the latency and Windows. */
export const METRICS_CSV_COLUMNS = [
  METRIC_IDS.vramUsed,
  METRIC_IDS.vramTotal,
  METRIC_IDS.gpuUtil,
  METRIC_IDS.wslMemTotal,
  METRIC_IDS.wslMemUsed,
  METRIC_IDS.wslSwapUsed,
  METRIC_IDS.wslLatency,
  METRIC_IDS.hostMemTotal,
  METRIC_IDS.hostMemUsed,
  METRIC_IDS.hostVmmem,
] as const;

const MIB = 2 ** 20;

/**
 * One sample's values from the readings, by metric id: a stale GPU and WSL without a recent reading are gaps
 * (null), the latency only when it is not `carried` (the one an earlier sample carried), Windows' memory only when
 * known.
 */
export function sampleValues(readings: Readings, carried?: LatencyReading): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  const fresh = readings.gpu?.fresh ?? false;
  (readings.gpu?.rows ?? []).forEach((row, index) => {
    values[gpuMetricId(index, 'vramUsedMiB')] = fresh ? row.memoryUsedMiB : null;
    values[gpuMetricId(index, 'vramTotalMiB')] = fresh ? row.memoryTotalMiB : null;
    values[gpuMetricId(index, 'vramReservedMiB')] = fresh ? row.memoryReservedMiB : null;
    values[gpuMetricId(index, 'utilPercent')] = fresh ? row.utilizationGpuPercent : null;
  });
  const mem = readings.wslMemory;
  values[METRIC_IDS.wslMemTotal] = mem ? mem.totalKiB / 1024 : null;
  values[METRIC_IDS.wslMemUsed] = mem ? (mem.totalKiB - mem.availableKiB) / 1024 : null;
  values[METRIC_IDS.wslSwapUsed] = mem ? (mem.swapTotalKiB - mem.swapFreeKiB) / 1024 : null;
  if (readings.latency && readings.latency !== carried) values[METRIC_IDS.wslLatency] = readings.latency.ms;
  const host = readings.host;
  if (host) {
    values[METRIC_IDS.hostMemTotal] = host.totalBytes / MIB;
    values[METRIC_IDS.hostMemUsed] = (host.totalBytes - host.freeBytes) / MIB;
    const vmmemBytes = host.vmmemBytes ?? readings.vmmemBytes;
    if (vmmemBytes !== undefined) values[METRIC_IDS.hostVmmem] = vmmemBytes / MIB;
  }
  return values;
}

/** Where the ticker reads from at each tick. */
export interface TickerSources {
  /** Every source's newest reading at `now`. */
  read(now: number): Readings;
  /** Where the sources stand. */
  status(): MetricsStatus;
  /** The markers since the last tick; taking them empties the list. */
  takeMarkers(): Marker[];
}

/** What the ticker needs. */
export interface TickerOptions {
  readonly clock: () => number;
  readonly timers: SamplerTimers;
  readonly store: MetricsStore;
  readonly sources: TickerSources;
  readonly log: Log;
  /** A rolling CSV file to append every sample to ({@link METRICS_CSV_COLUMNS}). */
  readonly csvLog?: RollingCsvLog;
  /**
   * Called first at each tick with the time and how many ticks came before since `start()`; false ends the tick
   * without a sample (the owner stops the ticker when sampling is over).
   */
  readonly beforeTick?: (now: number, count: number) => boolean;
}

/** A 1 Hz ticker that assembles a sample from the sources, stores it, logs it to the CSV and pushes it. */
export interface Ticker {
  start(): void;
  stop(): void;
  readonly running: boolean;
  /** Listen to each sample; returns the function that stops listening. */
  onSample(listener: (sample: MetricsSample) => void): () => void;
}

/** The ticker over its sources. A failing CSV write or listener is logged and the ticker goes on. */
export function createTicker(options: TickerOptions): Ticker {
  const { clock, timers, store, sources, log } = options;
  const listeners = new Set<(sample: MetricsSample) => void>();
  let handle: unknown;
  let count = 0;
  let lastLatency: LatencyReading | undefined;
  let csvFailing = false;

  const appendCsv = (now: number, values: Readonly<Record<string, number | null>>): void => {
    options.csvLog
      ?.append([new Date(now).toISOString(), ...METRICS_CSV_COLUMNS.map((id) => values[id] ?? null)])
      .then(
        () => (csvFailing = false),
        (error: unknown) => {
          // Logged once per run of failures: a full disk would otherwise fill the log once a second.
          if (!csvFailing) log.warn('appending a sample to the metrics CSV log', error);
          csvFailing = true;
        },
      );
  };

  const tick = (): void => {
    const now = clock();
    if (options.beforeTick?.(now, count) === false) return;
    count += 1;
    const readings = sources.read(now);
    const values = sampleValues(readings, lastLatency);
    lastLatency = readings.latency;
    store.append(now, values);
    const sample: MetricsSample = {
      time: now,
      values,
      markers: sources.takeMarkers(),
      status: sources.status(),
    };
    appendCsv(now, values);
    for (const listener of listeners) {
      try {
        listener(sample);
      } catch (error) {
        log.error('handing a metrics sample to a listener', error);
      }
    }
  };

  return {
    start() {
      if (handle !== undefined) return;
      count = 0;
      handle = timers.setInterval(tick, 1_000);
    },
    stop() {
      timers.clearInterval(handle);
      handle = undefined;
    },
    get running() {
      return handle !== undefined;
    },
    onSample(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
