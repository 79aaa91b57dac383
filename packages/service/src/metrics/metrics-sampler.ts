import type { MetricsMarker, MetricsSample, MetricsSnapshot, MetricsStatus } from '@headroom/contract';
import {
  createDistroSampleParser,
  createGpuStreamParser,
  distroSamplerCommand,
  GPU_QUERY_FIELDS,
  MetricsStore,
  type GpuQueryRow,
  type Marker,
} from '@headroom/core';
import { startStream, type RollingCsvLog, type RunningStream, type StreamOptions } from '@headroom/host';

/** The host's memory now, from a source that starts no process (the OS on Windows, the simulated VM otherwise). */
export interface HostMemoryReading {
  readonly totalBytes: number;
  readonly freeBytes: number;
  /** What WSL's VM (the VmmemWSL process) holds, when known. */
  readonly vmmemBytes?: number;
}

/** Loaded Ollama models, or null when Ollama does not answer. */
export type OllamaReader = () => Promise<MetricsStatus['ollama']>;

/** What the sampler needs from the machine; tests and the simulator hand in their own. */
export interface MetricsSamplerDeps {
  /** The environment of nvidia-smi.exe and wsl.exe (the simulator's puts its fakes first on PATH). */
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: () => number;
  readonly hostMemory?: () => HostMemoryReading | undefined;
  readonly ollama?: OllamaReader;
  /** Default: the host's {@link startStream}. */
  readonly startStream?: (options: StreamOptions) => RunningStream;
  /** How long sampling goes on after the last `watch()`; default a minute. */
  readonly leaseMs?: number;
  /** Waits before restarting a stream that died, growing with each death; default 1 s up to 60 s. */
  readonly restartDelaysMs?: readonly number[];
  /**
   * A long-lived program printing the bytes WSL's VM holds, one number per line (see {@link VMMEM_COMMAND}); used
   * when `hostMemory` does not say. Off by default.
   */
  readonly vmmemCommand?: readonly [string, ...string[]];
  /** A rolling CSV file to append every sample to ({@link METRICS_CSV_COLUMNS}); off by default. */
  readonly csvLog?: RollingCsvLog;
  /** The store to fill (the benchmark hands in a day of samples); default a fresh one for 24 h at 1 Hz. */
  readonly store?: MetricsStore;
  readonly timers?: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

/** Live sampling: GPU, WSL memory, passthrough latency, host memory and Ollama, into one bounded store. */
export interface MetricsSampler {
  /** Keep sampling for another lease; starts the sources when they are off. */
  watch(): void;
  /** The window ending now, every series reduced to at most ~1,000 points. */
  snapshot(windowSeconds: number): MetricsSnapshot;
  /** WSL's running distros changed (from the service's refresh): start or end the in-distro reader, mark the time. */
  runningChanged(running: readonly string[], defaultDistro: string | undefined): void;
  /** Listen to each second's sample; returns the function that stops listening. */
  onSample(listener: (sample: MetricsSample) => void): () => void;
  /** Whether the sources are on. */
  readonly active: boolean;
  /** The last timed nvidia-smi inside WSL, while it is recent (within two rounds), for the health light. */
  latency(): { ms: number; ok: boolean } | undefined;
  /** The in-distro reader runs: WSL is known to be up without asking wsl.exe. */
  readonly readingWsl: boolean;
  /** Told when the in-distro reader ends by itself (WSL stopped, or the distro went idle). */
  onReaderEnded(listener: () => void): () => void;
  /** Stop every source now. */
  stop(): void;
}

/**
 * On Windows: one PowerShell that prints the working set of WSL's VM process (VmmemWSL, or Vmmem on older builds)
 * every 5 s, so the share WSL holds is read without a process per reading. Process names are not translated, unlike
 * performance counter names.
 */
export const VMMEM_COMMAND: readonly [string, ...string[]] = [
  'powershell.exe',
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  '$ErrorActionPreference = "SilentlyContinue"; while ($true) { ' +
    '$s = (Get-Process -Name vmmemWSL, vmmem | Measure-Object -Property WorkingSet64 -Sum).Sum; ' +
    '[Console]::Out.WriteLine([int64]$s); [Console]::Out.Flush(); Start-Sleep -Seconds 5 }',
];

/** How long a VmmemWSL reading counts as current (it comes every 5 s). */
const VMMEM_STALE_MS = 12_000;

/** The columns of the optional CSV log, after the ISO time: the first GPU, WSL, the latency and Windows. */
export const METRICS_CSV_COLUMNS = [
  'gpu0.vramUsedMiB',
  'gpu0.vramTotalMiB',
  'gpu0.utilPercent',
  'wsl.memTotalMiB',
  'wsl.memUsedMiB',
  'wsl.swapUsedMiB',
  'wsl.latencyMs',
  'host.memTotalMiB',
  'host.memUsedMiB',
  'host.vmmemMiB',
] as const;

const GPU_STREAM_ARGS = [
  `--query-gpu=${GPU_QUERY_FIELDS.join(',')}`,
  '--format=csv,noheader,nounits',
  '-lms',
  '1000',
];
const MIB = 2 ** 20;
const DEFAULT_RESTART_DELAYS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;
/** A stream that ran this long before dying starts again at the shortest wait. */
const HEALTHY_RUN_MS = 60_000;
/** A reading older than this is stale: the chart shows a gap rather than an old value. */
const STALE_MS = 3_000;
const OLLAMA_EVERY_TICKS = 5;
/**
 * After the reader left an idle distro, reading it again waits this long: WSL stops an idle distro after 15 s
 * (instanceIdleTimeout), so one still running a minute later is kept up by something else, not by Headroom.
 */
const IDLE_RETRY_MS = 60_000;
/** A timed nvidia-smi counts for the health light for two rounds of 30 s. */
const LATENCY_RECENT_MS = 65_000;

/** A long-lived stream that restarts with growing waits when it dies, until it is stopped. */
function restartingStream(
  deps: Required<Pick<MetricsSamplerDeps, 'startStream' | 'timers' | 'clock'>>,
  delays: readonly number[],
  start: () => Omit<StreamOptions, 'onExit'>,
  onExit: (code: number | null, stderr: string) => 'restart' | 'stay-down',
): { stop(): void } {
  let stream: RunningStream | undefined;
  let timer: unknown;
  let deaths = 0;
  let stopped = false;
  const launch = (): void => {
    const startedAt = deps.clock();
    stream = deps.startStream({
      ...start(),
      onExit: (code, stderr) => {
        stream = undefined;
        if (stopped) return;
        if (deps.clock() - startedAt >= HEALTHY_RUN_MS) deaths = 0;
        if (onExit(code, stderr) === 'stay-down') return;
        const wait = delays[Math.min(deaths, delays.length - 1)] ?? 60_000;
        deaths += 1;
        timer = deps.timers.setTimeout(launch, wait);
      },
    });
  };
  launch();
  return {
    stop() {
      stopped = true;
      deps.timers.clearTimeout(timer);
      stream?.stop();
    },
  };
}

/**
 * Build the sampler. While watched it keeps one `nvidia-smi -lms 1000` stream on the host and, only while a distro
 * already runs, one in-distro reader (which times nvidia-smi every 30 s and leaves when the distro goes idle): no
 * process is started per sample. A 1 Hz tick writes the latest readings into the store (stale ones as gaps) and
 * pushes them. When nobody has watched for a lease, everything stops.
 */
export function createMetricsSampler(deps: MetricsSamplerDeps = {}): MetricsSampler {
  const clock = deps.clock ?? (() => Date.now());
  const timers = deps.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms).unref(),
    clearInterval: (handle: unknown) => clearInterval(handle as NodeJS.Timeout),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(),
    clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  };
  const streamDeps = { startStream: deps.startStream ?? startStream, timers, clock };
  const delays = deps.restartDelaysMs ?? DEFAULT_RESTART_DELAYS;
  const leaseMs = deps.leaseMs ?? 60_000;
  const env = deps.env ?? process.env;
  const store = deps.store ?? new MetricsStore();
  const listeners = new Set<(sample: MetricsSample) => void>();
  const readerEndedListeners = new Set<() => void>();

  let leaseUntil = 0;
  let tick: unknown;
  let ticks = 0;
  let gpu: { stop(): void } | undefined;
  let reader: { stop(): void } | undefined;
  let readerDistro: string | undefined;
  /** A distro whose reader left because nothing else ran there is not read again before this time. */
  let idle: { distro: string; until: number } | undefined;
  /** Undefined until the first refresh, so the first reading of WSL is not mistaken for a boot. */
  let running: readonly string[] | undefined;
  let defaultDistro: string | undefined;
  let pendingMarkers: Marker[] = [];
  let lastGpu: { time: number; rows: GpuQueryRow[] } | undefined;
  let lastMem:
    | { time: number; totalKiB: number; availableKiB: number; swapTotalKiB: number; swapFreeKiB: number }
    | undefined;
  let pendingLatency: number | undefined;
  let vmmem: { stop(): void } | undefined;
  let lastVmmem: { time: number; bytes: number } | undefined;
  const status: { -readonly [K in keyof MetricsStatus]: MetricsStatus[K] } = {
    gpu: { state: 'starting' },
    wsl: { state: 'stopped' },
    ollama: null,
  };

  const mark = (kind: MetricsMarker['kind'], label: string): void => {
    const marker: Marker = { time: clock(), kind, label };
    store.mark(marker);
    pendingMarkers.push(marker);
  };

  const startGpu = (): void => {
    status.gpu = { state: 'starting' };
    gpu = restartingStream(
      streamDeps,
      delays,
      () => {
        const parser = createGpuStreamParser();
        return {
          argv: ['nvidia-smi.exe', ...GPU_STREAM_ARGS],
          env,
          onText: (text) => {
            for (const rows of parser.push(text)) {
              lastGpu = { time: clock(), rows };
              status.gpu = { state: 'ok' };
            }
          },
        };
      },
      (code, stderr) => {
        const missing = code === null && /ENOENT|not found/i.test(stderr);
        status.gpu = missing
          ? { state: 'none', message: 'nvidia-smi is not on this PC: no NVIDIA driver is installed.' }
          : {
              state: 'error',
              message: `nvidia-smi stopped${code === null ? '' : ` (exit code ${code})`}${
                stderr.trim() === '' ? '' : `: ${stderr.trim().split('\n')[0] ?? ''}`
              }. Headroom starts it again.`,
            };
        return missing ? 'stay-down' : 'restart';
      },
    );
  };

  const stopReader = (): void => {
    reader?.stop();
    reader = undefined;
    readerDistro = undefined;
    lastMem = undefined;
  };

  /** Start the in-distro reader only on a distro that already runs: Headroom never boots the VM for a chart. */
  const syncReader = (): void => {
    const names = running ?? [];
    const target = names.includes(defaultDistro ?? '')
      ? defaultDistro
      : names.find((name) => name !== 'docker-desktop');
    if (leaseUntil <= clock() || target === undefined) {
      stopReader();
      if (target === undefined) status.wsl = { state: 'stopped' };
      return;
    }
    if (readerDistro === target) return;
    if (idle?.distro === target && clock() < idle.until) return;
    stopReader();
    readerDistro = target;
    status.wsl = { state: 'starting', distro: target };
    reader = restartingStream(
      streamDeps,
      delays,
      () => {
        const parser = createDistroSampleParser();
        return {
          argv: ['wsl.exe', '-d', target, ...distroSamplerCommand()],
          env,
          onText: (text) => {
            for (const sample of parser.push(text)) {
              if (sample.kind === 'meminfo') {
                const { memTotalKiB, memAvailableKiB, swapTotalKiB, swapFreeKiB } = sample.meminfo;
                lastMem = {
                  time: clock(),
                  totalKiB: memTotalKiB,
                  availableKiB: memAvailableKiB,
                  swapTotalKiB,
                  swapFreeKiB,
                };
                status.wsl = { state: 'running', distro: target };
              } else if (sample.kind === 'latency') {
                const ok = sample.exitCode === 0;
                const message = ok
                  ? `nvidia-smi inside ${target} answered in ${(sample.ms / 1000).toFixed(2)} s.`
                  : sample.exitCode === 124
                    ? `nvidia-smi inside ${target} did not answer within 10 s: GPU passthrough hangs.`
                    : `nvidia-smi inside ${target} failed (exit code ${sample.exitCode}).`;
                status.latency = { time: clock(), ms: sample.ms, ok, message };
                pendingLatency = sample.ms;
                if (!ok)
                  mark(
                    'passthrough-failure',
                    sample.exitCode === 124 ? 'nvidia-smi hung' : 'nvidia-smi failed',
                  );
              } else {
                idle = { distro: target, until: clock() + IDLE_RETRY_MS };
                status.wsl = {
                  state: 'idle',
                  distro: target,
                  message: `Nothing else runs in ${target}, so Headroom stopped reading it and lets WSL stop it.`,
                };
              }
            }
          },
        };
      },
      () => {
        lastMem = undefined;
        // Idle, or WSL stopped: the next refresh decides. Reading again without a new start would keep the VM up.
        if (status.wsl.state !== 'idle') status.wsl = { state: 'stopped' };
        readerDistro = undefined;
        reader = undefined;
        readerEndedListeners.forEach((listener) => listener());
        return 'stay-down';
      },
    );
  };

  const startVmmem = (command: readonly [string, ...string[]]): void => {
    vmmem = restartingStream(
      streamDeps,
      delays,
      () => {
        let buffer = '';
        return {
          argv: command,
          env,
          onText: (text) => {
            buffer += text;
            const lines = buffer.split(/\r?\n/);
            buffer = lines.pop() ?? '';
            for (const line of lines) {
              if (/^\d+$/.test(line.trim())) lastVmmem = { time: clock(), bytes: Number(line.trim()) };
            }
          },
        };
      },
      () => 'restart',
    );
  };

  const readOllama = (): void => {
    if (!deps.ollama) return;
    deps.ollama().then(
      (models) => (status.ollama = models),
      () => (status.ollama = null),
    );
  };

  const sampleNow = (): void => {
    const now = clock();
    if (now >= leaseUntil) {
      stopAll();
      return;
    }
    if (ticks % OLLAMA_EVERY_TICKS === 0) readOllama();
    ticks += 1;
    const values: Record<string, number | null> = {};
    const gpuFresh = lastGpu && now - lastGpu.time <= STALE_MS ? lastGpu.rows : undefined;
    (gpuFresh ?? lastGpu?.rows ?? []).forEach((row, index) => {
      const fresh = gpuFresh !== undefined;
      values[`gpu${index}.vramUsedMiB`] = fresh ? row.memoryUsedMiB : null;
      values[`gpu${index}.vramTotalMiB`] = fresh ? row.memoryTotalMiB : null;
      values[`gpu${index}.vramReservedMiB`] = fresh ? row.memoryReservedMiB : null;
      values[`gpu${index}.utilPercent`] = fresh ? row.utilizationGpuPercent : null;
    });
    const mem = lastMem && now - lastMem.time <= STALE_MS ? lastMem : undefined;
    values['wsl.memTotalMiB'] = mem ? mem.totalKiB / 1024 : null;
    values['wsl.memUsedMiB'] = mem ? (mem.totalKiB - mem.availableKiB) / 1024 : null;
    values['wsl.swapUsedMiB'] = mem ? (mem.swapTotalKiB - mem.swapFreeKiB) / 1024 : null;
    if (pendingLatency !== undefined) {
      values['wsl.latencyMs'] = pendingLatency;
      pendingLatency = undefined;
    }
    const host = deps.hostMemory?.();
    if (host) {
      values['host.memTotalMiB'] = host.totalBytes / MIB;
      values['host.memUsedMiB'] = (host.totalBytes - host.freeBytes) / MIB;
      const vmmemBytes =
        host.vmmemBytes ??
        (lastVmmem && now - lastVmmem.time <= VMMEM_STALE_MS ? lastVmmem.bytes : undefined);
      if (vmmemBytes !== undefined) values['host.vmmemMiB'] = vmmemBytes / MIB;
    }
    store.append(now, values);
    const markers = pendingMarkers;
    pendingMarkers = [];
    const sample: MetricsSample = { time: now, values, markers, status: { ...status } };
    deps.csvLog
      ?.append([new Date(now).toISOString(), ...METRICS_CSV_COLUMNS.map((id) => values[id] ?? null)])
      .catch(() => undefined);
    listeners.forEach((listener) => listener(sample));
  };

  function stopAll(): void {
    timers.clearInterval(tick);
    tick = undefined;
    gpu?.stop();
    gpu = undefined;
    vmmem?.stop();
    vmmem = undefined;
    lastVmmem = undefined;
    stopReader();
  }

  return {
    watch() {
      leaseUntil = clock() + leaseMs;
      if (tick !== undefined) return;
      ticks = 0;
      startGpu();
      if (deps.vmmemCommand) startVmmem(deps.vmmemCommand);
      syncReader();
      tick = timers.setInterval(sampleNow, 1_000);
    },
    snapshot(windowSeconds) {
      const to = clock();
      const window = store.window(to - windowSeconds * 1000, to);
      return {
        from: window.from,
        to: window.to,
        series: window.series as Record<string, [number, number | null][]>,
        markers: [...window.markers],
        status: { ...status },
      };
    },
    runningChanged(next, nextDefault) {
      const before = running;
      running = [...next];
      defaultDistro = nextDefault;
      if (before && before.length > 0 && running.length === 0) mark('wsl-shutdown', 'WSL stopped');
      if (before?.length === 0 && running.length > 0) mark('wsl-boot', 'WSL started');
      if (tick !== undefined) syncReader();
    },
    onSample(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get active() {
      return tick !== undefined;
    },
    latency() {
      const latest = status.latency;
      return latest && clock() - latest.time <= LATENCY_RECENT_MS
        ? { ms: latest.ms, ok: latest.ok }
        : undefined;
    },
    get readingWsl() {
      return reader !== undefined;
    },
    onReaderEnded(listener) {
      readerEndedListeners.add(listener);
      return () => readerEndedListeners.delete(listener);
    },
    stop: stopAll,
  };
}
