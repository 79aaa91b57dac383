import type { MetricsSample } from '@headroom/contract';
import { SAMPLER_MARKER } from '@headroom/core';
import { memoryLog } from '@headroom/host';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStreams, type FakeStreams } from '../testing/fake-streams';
import { createMetricsSampler, type MetricsSamplerDeps } from './metrics-sampler';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const GPU_ROW = '0, NVIDIA GeForce RTX 4090, GPU-5c2a, 566.36, WDDM, 24564, 6144, 312, 37, 45, 80.5\n';
const MEMINFO =
  `${SAMPLER_MARKER} meminfo@@\nMemTotal:       49000000 kB\nMemFree:        40000000 kB\n` +
  `MemAvailable:   45000000 kB\nSwapTotal:       8388608 kB\nSwapFree:        8388608 kB\n${SAMPLER_MARKER} end@@\n`;

let fakes: FakeStreams;
let samples: MetricsSample[];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  fakes = fakeStreams();
  samples = [];
});
afterEach(() => vi.useRealTimers());

function sampler(extra: Partial<MetricsSamplerDeps> = {}) {
  const created = createMetricsSampler({
    startStream: fakes.startStream,
    hostMemory: () => ({ totalBytes: 64 * 2 ** 30, freeBytes: 40 * 2 ** 30 }),
    ...extra,
  });
  created.onSample((sample) => samples.push(sample));
  return created;
}

const live = (program: string) => fakes.live(program);
const gpuStream = () => fakes.only('nvidia-smi.exe');
const readerStream = () => fakes.only('wsl.exe');
const end = (...args: Parameters<FakeStreams['end']>): void => fakes.end(...args);

describe('createMetricsSampler', () => {
  it('samples the GPU at 1 Hz from one long-lived nvidia-smi stream: no process per sample', () => {
    const metrics = sampler();
    metrics.watch();
    expect(gpuStream().options.argv.slice(-2)).toEqual(['-lms', '1000']);
    for (let second = 0; second < 50; second += 1) {
      gpuStream().options.onText(GPU_ROW);
      vi.advanceTimersByTime(1000);
    }
    expect(fakes.started).toHaveLength(1);
    expect(samples).toHaveLength(50);
    expect(samples.at(-1)?.values).toMatchObject({
      'gpu0.vramUsedMiB': 6144,
      'gpu0.vramTotalMiB': 24564,
      'gpu0.utilPercent': 37,
      'host.memUsedMiB': 24 * 1024,
      'wsl.memTotalMiB': null,
    });
    expect(samples.at(-1)?.status.gpu).toEqual({ state: 'ok' });
    // The parser learns how many GPUs a sample holds when the index wraps, so the first row counts from the second.
    expect(metrics.snapshot(300).series['gpu0.vramUsedMiB']).toHaveLength(49);
  });

  it('reads WSL memory and the passthrough latency only while a distro already runs', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged([], undefined);
    expect(live('wsl.exe')).toEqual([]);
    metrics.runningChanged(['Ubuntu-24.04', 'docker-desktop'], 'Ubuntu-24.04');
    expect(readerStream().options.argv.slice(0, 5)).toEqual(['wsl.exe', '-d', 'Ubuntu-24.04', '-e', 'sh']);
    readerStream().options.onText(`${MEMINFO}${SAMPLER_MARKER} smi ms=180 exit=0@@\n`);
    vi.advanceTimersByTime(1000);
    expect(samples.at(-1)?.values).toMatchObject({
      'wsl.memTotalMiB': 49_000_000 / 1024,
      'wsl.memUsedMiB': 4_000_000 / 1024,
      'wsl.swapUsedMiB': 0,
      'wsl.latencyMs': 180,
    });
    expect(samples.at(-1)?.status.wsl).toEqual({ state: 'running', distro: 'Ubuntu-24.04' });
    expect(samples.at(-1)?.markers.map((marker) => marker.kind)).toEqual(['wsl-boot']);
  });

  it('marks a hung passthrough on the time axis and says so', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    readerStream().options.onText(`${SAMPLER_MARKER} smi ms=10000 exit=124@@\n`);
    vi.advanceTimersByTime(1000);
    const sample = samples.at(-1);
    expect(sample?.status.latency).toMatchObject({ ms: 10000, ok: false });
    expect(sample?.status.latency?.message).toMatch(/did not answer within 10 s/);
    expect(sample?.markers.map((marker) => marker.kind)).toContain('passthrough-failure');
  });

  it('ends the WSL series with a gap and a marker when WSL shuts down', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    readerStream().options.onText(MEMINFO);
    vi.advanceTimersByTime(1000);
    end(readerStream(), 1);
    metrics.runningChanged([], undefined);
    vi.advanceTimersByTime(1000);
    expect(samples.at(-1)?.values['wsl.memUsedMiB']).toBeNull();
    expect(samples.at(-1)?.status.wsl).toEqual({ state: 'stopped' });
    // WSL already ran when the sampler first looked: that is no boot, only the shutdown is marked.
    expect(metrics.snapshot(300).markers.map((marker) => marker.kind)).toEqual(['wsl-shutdown']);
    expect(live('wsl.exe')).toEqual([]);
  });

  it('says while it reads WSL, and when the reader ends by itself, so the service can look at WSL at once', () => {
    const metrics = sampler();
    const ended = vi.fn();
    metrics.onReaderEnded(ended);
    metrics.watch();
    expect(metrics.readingWsl).toBe(false);
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    readerStream().options.onText(MEMINFO);
    expect(metrics.readingWsl).toBe(true);
    end(readerStream(), 1);
    expect(metrics.readingWsl).toBe(false);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('leaves data distros without a shell out: it reads no distro while only Docker’s run', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged(['docker-desktop', 'docker-desktop-data', 'rancher-desktop-data'], 'Ubuntu-24.04');
    expect(live('wsl.exe')).toEqual([]);
    metrics.runningChanged(['docker-desktop-data', 'Ubuntu-24.04'], 'Ubuntu-24.04');
    expect(readerStream().options.argv.slice(0, 3)).toEqual(['wsl.exe', '-d', 'Ubuntu-24.04']);
  });

  it('backs off from a distro whose reader exits before its first reading, rather than restart it in a loop', () => {
    // A distro without sh: every wsl.exe -e sh fails at once. As in the service, each end makes WSL be looked at again.
    const RUNNING = ['appliance'];
    const metrics = sampler({
      startStream: (options) => {
        const stream = fakes.startStream(options);
        const started = fakes.started.at(-1);
        if (options.argv[0] === 'wsl.exe' && started)
          setTimeout(() => {
            if (!started.stopped) fakes.end(started, 1, 'execvpe(sh) failed: No such file or directory\n');
          }, 25);
        return stream;
      },
    });
    metrics.onReaderEnded(() => setTimeout(() => metrics.runningChanged(RUNNING, undefined), 25));
    const readerStarts = () => fakes.started.filter((stream) => stream.options.argv[0] === 'wsl.exe').length;
    metrics.watch();
    metrics.runningChanged(RUNNING, undefined);
    vi.advanceTimersByTime(2_000);
    expect(readerStarts()).toBe(1);
    expect(metrics.readingWsl).toBe(false);
    // The service's own look every 10 s (it looks while no reader is healthy) retries at most once a minute.
    for (let second = 0; second < 300; second += 10) {
      if (second % 30 === 0) metrics.watch();
      metrics.runningChanged(RUNNING, undefined);
      vi.advanceTimersByTime(10_000);
    }
    expect(readerStarts()).toBeLessThanOrEqual(1 + 5);
  });

  it('counts the reader as reading WSL only after its first good reading', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    expect(metrics.readingWsl).toBe(false);
    readerStream().options.onText(MEMINFO);
    expect(metrics.readingWsl).toBe(true);
  });

  it('does not read a distro again right after its reader left it idle', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    readerStream().options.onText(`${SAMPLER_MARKER} idle@@\n`);
    end(readerStream(), 0);
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    expect(live('wsl.exe')).toEqual([]);
    vi.advanceTimersByTime(61_000);
    metrics.watch();
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    expect(live('wsl.exe')).toHaveLength(1);
  });

  it('restarts a dying nvidia-smi with growing waits, and says why it stopped', () => {
    const metrics = sampler({ restartDelaysMs: [1_000, 5_000] });
    metrics.watch();
    gpuStream().options.onExit(
      255,
      'Unable to determine the device handle for GPU0000:01:00.0: Unknown Error\n',
    );
    vi.advanceTimersByTime(1000);
    expect(samples.at(-1)?.status.gpu.message).toMatch(/exit code 255.*Unknown Error/);
    expect(fakes.started).toHaveLength(2);
    end(gpuStream(), 255);
    vi.advanceTimersByTime(4_000);
    expect(fakes.started).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(fakes.started).toHaveLength(3);
  });

  it('says there is no NVIDIA driver when nvidia-smi is missing, and does not retry', () => {
    const metrics = sampler();
    metrics.watch();
    end(gpuStream(), null, 'spawn nvidia-smi.exe ENOENT');
    vi.advanceTimersByTime(10_000);
    expect(fakes.started).toHaveLength(1);
    expect(samples.at(-1)?.status.gpu.state).toBe('none');
  });

  it('reads the memory WSL’s VM holds from one long-lived program, when Windows does not say', () => {
    const metrics = sampler({
      hostMemory: () => ({ totalBytes: 64 * 2 ** 30, freeBytes: 40 * 2 ** 30 }),
      vmmemCommand: ['powershell.exe', '-Command', 'loop'],
    });
    metrics.watch();
    const reader = live('powershell.exe')[0];
    reader?.options.onText('17179869');
    reader?.options.onText('184\r\n');
    vi.advanceTimersByTime(1000);
    expect(samples.at(-1)?.values['host.vmmemMiB']).toBe(16 * 1024);
    vi.advanceTimersByTime(13_000);
    expect(samples.at(-1)?.values['host.vmmemMiB']).toBeUndefined();
    expect(fakes.started.filter((stream) => stream.options.argv[0] === 'powershell.exe')).toHaveLength(1);
  });

  it('appends each sample to the CSV log when one is given', () => {
    const rows: (string | number | null)[][] = [];
    const metrics = sampler({ csvLog: { append: (row) => (rows.push([...row]), Promise.resolve()) } });
    metrics.watch();
    gpuStream().options.onText(GPU_ROW + GPU_ROW);
    vi.advanceTimersByTime(1000);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 4)).toEqual([new Date(T0 + 1000).toISOString(), 6144, 24564, 37]);
  });

  it('stops every source a minute after the last watch', () => {
    const metrics = sampler();
    metrics.watch();
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    vi.advanceTimersByTime(30_000);
    metrics.watch();
    vi.advanceTimersByTime(59_000);
    expect(metrics.active).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(metrics.active).toBe(false);
    expect(fakes.started.every((stream) => stream.stopped)).toBe(true);
  });

  it('stops every source at once when the last watcher stops watching (a hidden window), not a minute later', () => {
    const metrics = sampler();
    metrics.watch('window-1');
    metrics.watch('window-2');
    metrics.runningChanged(['Ubuntu-24.04'], 'Ubuntu-24.04');
    metrics.unwatch('window-1');
    expect(metrics.active).toBe(true);
    metrics.unwatch('window-2');
    expect(metrics.active).toBe(false);
    expect(fakes.started.every((stream) => stream.stopped)).toBe(true);
    vi.advanceTimersByTime(120_000);
    expect(fakes.started).toHaveLength(2);
    metrics.watch('window-2');
    expect(live('nvidia-smi.exe')).toHaveLength(1);
  });

  it('samples the GPU every 5 s while a laptop runs on battery, says so, and at 1 Hz again on the charger', async () => {
    let onBattery = true;
    const metrics = sampler({ power: () => Promise.resolve({ onBattery }) });
    metrics.watch();
    await vi.advanceTimersByTimeAsync(0);
    expect(gpuStream().options.argv.slice(-2)).toEqual(['-lms', '5000']);
    gpuStream().options.onText(GPU_ROW + GPU_ROW);
    await vi.advanceTimersByTimeAsync(4_000);
    // A reading every 5 s is not stale between readings: no gap in the chart.
    expect(samples.at(-1)?.values['gpu0.vramUsedMiB']).toBe(6144);
    expect(samples.at(-1)?.status.gpu).toEqual({ state: 'ok', intervalMs: 5_000, onBattery: true });
    onBattery = false;
    await vi.advanceTimersByTimeAsync(30_000);
    metrics.watch();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(live('nvidia-smi.exe')).toHaveLength(1);
    expect(gpuStream().options.argv.slice(-2)).toEqual(['-lms', '1000']);
    expect(fakes.started.filter((stream) => stream.options.argv[0] === 'nvidia-smi.exe')).toHaveLength(2);
  });

  it('logs every failure it recovers from, with what it was doing', async () => {
    const log = memoryLog();
    const metrics = sampler({
      log,
      ollama: () => Promise.reject(new Error('socket hang up')),
      csvLog: { append: () => Promise.reject(new Error('ENOSPC')) },
    });
    metrics.onSample(() => {
      throw new Error('listener broke');
    });
    metrics.watch();
    end(gpuStream(), 255, 'Unknown Error\n');
    await vi.advanceTimersByTimeAsync(1000);
    expect(samples).toHaveLength(1);
    expect(log.lines).toEqual(
      expect.arrayContaining([
        {
          level: 'warn',
          message: 'restarting the nvidia-smi stream in 1000 ms after it exited',
          error: 'exit code 255: Unknown Error',
        },
        { level: 'warn', message: 'asking Ollama for its loaded models', error: 'Error: socket hang up' },
        { level: 'warn', message: 'appending a sample to the metrics CSV log', error: 'Error: ENOSPC' },
        { level: 'error', message: 'handing a metrics sample to a listener', error: 'Error: listener broke' },
      ]),
    );
  });
});
