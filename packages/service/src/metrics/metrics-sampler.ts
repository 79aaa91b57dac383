import type { MetricsMarker, MetricsSample, MetricsSnapshot, MetricsStatus } from '@headroom/contract';
import { MetricsStore, type Marker } from '@headroom/core';
import {
  nullLog,
  startStream,
  type Log,
  type RollingCsvLog,
  type RunningStream,
  type StreamOptions,
} from '@headroom/host';
import { createDistroReader } from './distro-reader';
import { createGpuSource, GPU_RATE_BATTERY, GPU_RATE_MAINS, type GpuRate } from './gpu-source';
import type { SamplerTimers, StreamContext } from './restarting-stream';
import { createTicker, type HostMemoryReading } from './ticker';
import { createVmmemSource } from './vmmem-source';

export { METRICS_CSV_COLUMNS, type HostMemoryReading } from './ticker';

/** Whether the machine runs on battery (a laptop off its charger); from the host facts. */
export type PowerReader = () => Promise<{ readonly onBattery: boolean }>;

/** Loaded Ollama models, or null when Ollama does not answer. */
export type OllamaReader = () => Promise<MetricsStatus['ollama']>;

/** What the sampler needs from the machine; tests and the simulator hand in their own. */
export interface MetricsSamplerDeps {
  /** The environment of nvidia-smi.exe and wsl.exe (the simulator's puts its fakes first on PATH). */
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: () => number;
  readonly hostMemory?: () => HostMemoryReading | undefined;
  readonly ollama?: OllamaReader;
  /**
   * Whether the laptop runs on battery, asked when sampling starts and each minute: on battery nvidia-smi reads
   * every 5 s, as it keeps the discrete GPU awake. Default: never on battery.
   */
  readonly power?: PowerReader;
  /** Default: the host's {@link startStream}. */
  readonly startStream?: (options: StreamOptions) => RunningStream;
  /** How long sampling goes on after the last `watch()`; default a minute. */
  readonly leaseMs?: number;
  /** Waits before restarting a stream that died, growing with each death; default 1 s up to 60 s. */
  readonly restartDelaysMs?: readonly number[];
  /**
   * A long-lived program printing the bytes WSL's VM holds, one number per line (see `VMMEM_WATCH_COMMAND` in @headroom/host); used
   * when `hostMemory` does not say. Off by default.
   */
  readonly vmmemCommand?: readonly [string, ...string[]];
  /** A rolling CSV file to append every sample to ({@link METRICS_CSV_COLUMNS}); off by default. */
  readonly csvLog?: RollingCsvLog;
  /** The store to fill (the benchmark hands in a day of samples); default a fresh one for 24 h at 1 Hz. */
  readonly store?: MetricsStore;
  readonly timers?: SamplerTimers;
  /** Where every failure of a source, the CSV log or a listener goes, with what was being done; default none. */
  readonly log?: Log;
}

/** Live sampling: GPU, WSL memory, passthrough latency, host memory and Ollama, into one bounded store. */
export interface MetricsSampler {
  /**
   * Keep sampling for another lease on behalf of `watcher` (a window; default the anonymous one); starts the sources
   * when they are off.
   */
  watch(watcher?: string): void;
  /** `watcher` stopped watching (its window hid): sampling stops at once when no other watcher's lease runs. */
  unwatch(watcher: string): void;
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
  /** The in-distro reader runs and has read at least once: WSL is known to be up without asking wsl.exe. */
  readonly readingWsl: boolean;
  /** Told when the in-distro reader ends by itself (WSL stopped, or the distro went idle). */
  onReaderEnded(listener: () => void): () => void;
  /** Stop every source now. */
  stop(): void;
}

/**
 * Distros the reader never reads: Docker Desktop's own, and the data distros of Docker Desktop (before 4.30) and
 * Rancher Desktop, which hold a disk and have no shell, so any command there fails at once.
 */
export const UNREAD_DISTROS: ReadonlySet<string> = new Set([
  'docker-desktop',
  'docker-desktop-data',
  'rancher-desktop-data',
]);

const DEFAULT_RESTART_DELAYS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;
const OLLAMA_EVERY_TICKS = 5;
const POWER_EVERY_TICKS = 60;
/** A timed nvidia-smi counts for the health light for two rounds of 30 s. */
const LATENCY_RECENT_MS = 65_000;

const NODE_TIMERS: SamplerTimers = {
  setInterval: (fn: () => void, ms: number) => setInterval(fn, ms).unref(),
  clearInterval: (handle: unknown) => clearInterval(handle as NodeJS.Timeout),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Build the sampler. While watched it keeps one `nvidia-smi -lms 1000` stream on the host and, only while a distro
 * already runs, one in-distro reader (which times nvidia-smi every 30 s and leaves when the distro goes idle): no
 * process is started per sample. A 1 Hz tick writes the latest readings into the store (stale ones as gaps) and
 * pushes them. When nobody has watched for a lease, everything stops.
 */
export function createMetricsSampler(deps: MetricsSamplerDeps = {}): MetricsSampler {
  const clock = deps.clock ?? (() => Date.now());
  const log = deps.log ?? nullLog;
  const context: StreamContext = {
    startStream: deps.startStream ?? startStream,
    timers: deps.timers ?? NODE_TIMERS,
    clock,
    env: deps.env ?? process.env,
    restartDelaysMs: deps.restartDelaysMs ?? DEFAULT_RESTART_DELAYS,
    log,
  };
  const leaseMs = deps.leaseMs ?? 60_000;
  const store = deps.store ?? new MetricsStore();
  const readerEndedListeners = new Set<() => void>();

  /** Each watcher's lease end; sampling runs while one is in the future. */
  const leases = new Map<string, number>();
  const leaseUntil = (): number => Math.max(0, ...leases.values());
  /** Undefined until the first refresh, so the first reading of WSL is not mistaken for a boot. */
  let running: readonly string[] | undefined;
  let defaultDistro: string | undefined;
  let pendingMarkers: Marker[] = [];
  let ollama: MetricsStatus['ollama'] = null;

  const mark = (kind: MetricsMarker['kind'], label: string): void => {
    const marker: Marker = { time: clock(), kind, label };
    store.mark(marker);
    pendingMarkers.push(marker);
  };

  const gpu = createGpuSource(context);
  const vmmem = deps.vmmemCommand ? createVmmemSource(context, deps.vmmemCommand) : undefined;
  const reader = createDistroReader(context, {
    onPassthroughFailure: (label) => mark('passthrough-failure', label),
    onEnded: () => readerEndedListeners.forEach((listener) => listener()),
  });

  const status = (): MetricsStatus => {
    const latency = reader.latest(clock()).latency;
    return { gpu: gpu.status, wsl: reader.status, ...(latency ? { latency } : {}), ollama };
  };

  /** The GPU stream's rate, once known; undefined while the first power reading is under way. */
  let gpuRate: GpuRate | undefined;
  /** Ask whether the laptop runs on battery, and (re)start the GPU stream when its rate changes. */
  const readPower = (): void => {
    const apply = (rate: GpuRate): void => {
      if (!ticker.running || rate === gpuRate) return;
      gpuRate = rate;
      gpu.start(rate);
    };
    if (!deps.power) {
      apply(GPU_RATE_MAINS);
      return;
    }
    deps.power().then(
      ({ onBattery }) => apply(onBattery ? GPU_RATE_BATTERY : GPU_RATE_MAINS),
      (error: unknown) => {
        log.warn('asking whether the laptop runs on battery', error);
        apply(gpuRate ?? GPU_RATE_MAINS);
      },
    );
  };

  const readOllama = (): void => {
    deps.ollama?.().then(
      (models) => (ollama = models),
      (error: unknown) => {
        ollama = null;
        log.warn('asking Ollama for its loaded models', error);
      },
    );
  };

  const ticker = createTicker({
    clock,
    timers: context.timers,
    store,
    log,
    ...(deps.csvLog ? { csvLog: deps.csvLog } : {}),
    sources: {
      read: (now) => {
        const wsl = reader.latest(now);
        return {
          gpu: gpu.latest(now),
          wslMemory: wsl.memory,
          latency: wsl.latency,
          host: deps.hostMemory?.(),
          vmmemBytes: vmmem?.latest(now),
        };
      },
      status,
      takeMarkers: () => {
        const markers = pendingMarkers;
        pendingMarkers = [];
        return markers;
      },
    },
    beforeTick: (now, count) => {
      if (now >= leaseUntil()) {
        leases.clear();
        stopAll();
        return false;
      }
      if (count % OLLAMA_EVERY_TICKS === 0) readOllama();
      if (count > 0 && count % POWER_EVERY_TICKS === 0) readPower();
      return true;
    },
  });

  /**
   * Read the default distro (or another that runs) only while it already runs: Headroom never boots the VM for a
   * chart. Docker Desktop's and Rancher Desktop's own distros are left out (their data distros have no shell).
   */
  const syncReader = (): void => {
    const names = (running ?? []).filter((name) => !UNREAD_DISTROS.has(name));
    const target = names.includes(defaultDistro ?? '') ? defaultDistro : names[0];
    if (leaseUntil() <= clock() || target === undefined) reader.stop();
    else reader.start(target);
  };

  function stopAll(): void {
    ticker.stop();
    gpu.stop();
    vmmem?.stop();
    reader.stop();
  }

  return {
    watch(watcher = '') {
      const now = clock();
      // A watcher that went without unwatching (a reloaded window) drops out when its lease ends.
      for (const [id, until] of leases) if (until <= now) leases.delete(id);
      leases.set(watcher, now + leaseMs);
      if (ticker.running) return;
      gpuRate = undefined;
      vmmem?.start();
      ticker.start();
      syncReader();
      readPower();
    },
    unwatch(watcher) {
      leases.delete(watcher);
      if (ticker.running && leaseUntil() <= clock()) {
        leases.clear();
        stopAll();
      }
    },
    snapshot(windowSeconds) {
      const to = clock();
      const window = store.window(to - windowSeconds * 1000, to);
      return {
        from: window.from,
        to: window.to,
        series: window.series as Record<string, [number, number | null][]>,
        markers: [...window.markers],
        status: status(),
      };
    },
    runningChanged(next, nextDefault) {
      const before = running;
      running = [...next];
      defaultDistro = nextDefault;
      if (before && before.length > 0 && running.length === 0) mark('wsl-shutdown', 'WSL stopped');
      if (before?.length === 0 && running.length > 0) mark('wsl-boot', 'WSL started');
      if (ticker.running) syncReader();
    },
    onSample: (listener) => ticker.onSample(listener),
    get active() {
      return ticker.running;
    },
    latency() {
      const latest = reader.latest(clock()).latency;
      return latest && clock() - latest.time <= LATENCY_RECENT_MS
        ? { ms: latest.ms, ok: latest.ok }
        : undefined;
    },
    get readingWsl() {
      return reader.healthy;
    },
    onReaderEnded(listener) {
      readerEndedListeners.add(listener);
      return () => readerEndedListeners.delete(listener);
    },
    stop: stopAll,
  };
}
