import type { MetricsSample, MetricsStatus } from '@headroom/contract';
import { MetricsStore, type GpuQueryRow, type Marker } from '@headroom/core';
import { memoryLog } from '@headroom/host';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStreamContext, fakeStreams } from '../testing/fake-streams';
import type { LatencyReading } from './distro-reader';
import { createTicker, sampleValues, type Readings, type TickerOptions } from './ticker';

const ROW = {
  memoryUsedMiB: 6144,
  memoryTotalMiB: 24564,
  memoryReservedMiB: 312,
  utilizationGpuPercent: 37,
} as GpuQueryRow;
const NONE: Readings = {
  gpu: undefined,
  wslMemory: undefined,
  latency: undefined,
  host: undefined,
  vmmemBytes: undefined,
};
const LATENCY: LatencyReading = { time: 0, ms: 180, ok: true, message: 'answered' };
const STATUS: MetricsStatus = { gpu: { state: 'ok' }, wsl: { state: 'stopped' }, ollama: null };

describe('sampleValues', () => {
  it('writes every GPU’s series, and gaps for GPUs gone stale', () => {
    expect(sampleValues({ ...NONE, gpu: { rows: [ROW, ROW], fresh: true } })).toMatchObject({
      'gpu0.vramUsedMiB': 6144,
      'gpu1.vramTotalMiB': 24564,
      'gpu1.vramReservedMiB': 312,
      'gpu0.utilPercent': 37,
    });
    expect(sampleValues({ ...NONE, gpu: { rows: [ROW], fresh: false } })).toMatchObject({
      'gpu0.vramUsedMiB': null,
      'gpu0.utilPercent': null,
    });
  });

  it('turns WSL’s meminfo into MiB used, and gaps while WSL is not read', () => {
    const wslMemory = {
      totalKiB: 8 * 2 ** 20,
      availableKiB: 6 * 2 ** 20,
      swapTotalKiB: 2 ** 20,
      swapFreeKiB: 0,
    };
    expect(sampleValues({ ...NONE, wslMemory })).toEqual({
      'wsl.memTotalMiB': 8192,
      'wsl.memUsedMiB': 2048,
      'wsl.swapUsedMiB': 1024,
    });
    expect(sampleValues(NONE)).toEqual({
      'wsl.memTotalMiB': null,
      'wsl.memUsedMiB': null,
      'wsl.swapUsedMiB': null,
    });
  });

  it('writes a latency once, not again in the next sample', () => {
    expect(sampleValues({ ...NONE, latency: LATENCY })['wsl.latencyMs']).toBe(180);
    expect(sampleValues({ ...NONE, latency: LATENCY }, LATENCY)).not.toHaveProperty('wsl.latencyMs');
  });

  it('takes VmmemWSL from Windows first, from the reader otherwise', () => {
    const host = { totalBytes: 64 * 2 ** 30, freeBytes: 40 * 2 ** 30 };
    expect(sampleValues({ ...NONE, host, vmmemBytes: 2 ** 30 })).toMatchObject({
      'host.memTotalMiB': 65_536,
      'host.memUsedMiB': 24_576,
      'host.vmmemMiB': 1024,
    });
    expect(
      sampleValues({ ...NONE, host: { ...host, vmmemBytes: 2 ** 31 }, vmmemBytes: 2 ** 30 }),
    ).toMatchObject({
      'host.vmmemMiB': 2048,
    });
    expect(sampleValues({ ...NONE, vmmemBytes: 2 ** 30 })).not.toHaveProperty('host.vmmemMiB');
  });
});

describe('createTicker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 21, 12));
  });
  afterEach(() => vi.useRealTimers());

  const tickerWith = (extra: Partial<TickerOptions> = {}) => {
    const context = fakeStreamContext(fakeStreams());
    const store = new MetricsStore();
    let markers: Marker[] = [{ time: Date.now(), kind: 'wsl-boot', label: 'WSL started' }];
    const ticker = createTicker({
      clock: context.clock,
      timers: context.timers,
      store,
      log: memoryLog(),
      sources: {
        read: () => ({ ...NONE, gpu: { rows: [ROW], fresh: true }, latency: LATENCY }),
        status: () => STATUS,
        takeMarkers: () => {
          const taken = markers;
          markers = [];
          return taken;
        },
      },
      ...extra,
    });
    const samples: MetricsSample[] = [];
    ticker.onSample((sample) => samples.push(sample));
    return { ticker, store, samples };
  };

  it('assembles, stores and pushes one sample a second, each marker once', () => {
    const { ticker, store, samples } = tickerWith();
    ticker.start();
    vi.advanceTimersByTime(3_000);
    expect(samples).toHaveLength(3);
    expect(samples[0]).toMatchObject({
      values: { 'gpu0.vramUsedMiB': 6144, 'wsl.latencyMs': 180 },
      status: STATUS,
    });
    expect(samples.map((sample) => sample.markers.length)).toEqual([1, 0, 0]);
    expect(samples[1]?.values).not.toHaveProperty('wsl.latencyMs');
    expect(store.window(0, Date.now()).series['gpu0.vramUsedMiB']).toHaveLength(3);
  });

  it('skips a tick its owner declines, counting ticks from each start', () => {
    const counts: number[] = [];
    const { ticker, samples } = tickerWith({
      beforeTick: (_now, count) => {
        counts.push(count);
        return count !== 1;
      },
    });
    ticker.start();
    vi.advanceTimersByTime(2_000);
    ticker.stop();
    expect(ticker.running).toBe(false);
    ticker.start();
    vi.advanceTimersByTime(1_000);
    expect(counts).toEqual([0, 1, 0]);
    expect(samples).toHaveLength(2);
  });

  it('logs a failing CSV write once per run of failures, and a throwing listener, and goes on', async () => {
    const log = memoryLog();
    const { ticker, samples } = tickerWith({
      log,
      csvLog: { append: () => Promise.reject(new Error('ENOSPC')) },
    });
    ticker.onSample(() => {
      throw new Error('listener broke');
    });
    ticker.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(samples).toHaveLength(2);
    expect(log.lines.map((line) => `${line.level} ${line.message}`)).toEqual([
      'error handing a metrics sample to a listener',
      'warn appending a sample to the metrics CSV log',
      'error handing a metrics sample to a listener',
    ]);
  });
});
