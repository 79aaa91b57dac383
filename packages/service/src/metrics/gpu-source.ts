import type { MetricsStatus } from '@headroom/contract';
import { createGpuStreamParser, GPU_QUERY_FIELDS, type GpuQueryRow } from '@headroom/core';
import { restartingStream, type StreamContext } from './restarting-stream';

/** The GPUs' newest rows, and whether they are recent enough to draw. */
export interface GpuLatest {
  readonly rows: readonly GpuQueryRow[];
  /** False when older than {@link STALE_MS} past the stream's interval: the charts show a gap for each GPU last seen. */
  readonly fresh: boolean;
}

/** How often nvidia-smi prints, and why. */
export interface GpuRate {
  readonly intervalMs: number;
  /** A laptop on battery: nvidia-smi keeps the discrete GPU awake, so it reads less often. */
  readonly onBattery: boolean;
}

/** nvidia-smi once a second, on the charger or a desktop. */
export const GPU_RATE_MAINS: GpuRate = { intervalMs: 1_000, onBattery: false };
/** nvidia-smi every 5 s on battery. */
export const GPU_RATE_BATTERY: GpuRate = { intervalMs: 5_000, onBattery: true };

/** The GPU source: one long-lived `nvidia-smi -lms 1000` on the host (`-lms 5000` on battery). */
export interface GpuSource {
  /** Start the stream at `rate` (default once a second); a running one starts again. */
  start(rate?: GpuRate): void;
  stop(): void;
  /** The newest rows at `now`, or undefined before nvidia-smi printed any. */
  latest(now: number): GpuLatest | undefined;
  /** Where the stream stands, so an empty chart says why. */
  readonly status: MetricsStatus['gpu'];
}

/** A reading older than this is stale: the chart shows a gap rather than an old value. */
export const STALE_MS = 3_000;

const gpuStreamArgs = (intervalMs: number): string[] => [
  `--query-gpu=${GPU_QUERY_FIELDS.join(',')}`,
  '--format=csv,noheader,nounits',
  '-lms',
  String(intervalMs),
];

/**
 * The GPU source over a stream context. nvidia-smi that dies is restarted with growing waits and the status says
 * why it stopped; nvidia-smi that is missing (no NVIDIA driver) is not retried.
 */
export function createGpuSource(context: StreamContext): GpuSource {
  let status: MetricsStatus['gpu'] = { state: 'starting' };
  let last: { time: number; rows: GpuQueryRow[] } | undefined;
  let stream: { stop(): void } | undefined;
  let rate = GPU_RATE_MAINS;
  /** What the status says of the rate: nothing at the usual rate. */
  const rateStatus = (): { intervalMs?: number; onBattery?: boolean } =>
    rate.onBattery ? { intervalMs: rate.intervalMs, onBattery: true } : {};

  const stop = (): void => {
    stream?.stop();
    stream = undefined;
  };

  return {
    start(next = GPU_RATE_MAINS) {
      stop();
      rate = next;
      status = { state: 'starting', ...rateStatus() };
      stream = restartingStream(
        context,
        'the nvidia-smi stream',
        () => {
          const parser = createGpuStreamParser();
          return {
            argv: ['nvidia-smi.exe', ...gpuStreamArgs(rate.intervalMs)],
            onText: (text) => {
              for (const rows of parser.push(text)) {
                last = { time: context.clock(), rows };
                status = { state: 'ok', ...rateStatus() };
              }
            },
          };
        },
        (code, stderr) => {
          const missing = code === null && /ENOENT|not found/i.test(stderr);
          const said = stderr.trim() === '' ? '' : `: ${stderr.trim().split('\n')[0] ?? ''}`;
          status = missing
            ? { state: 'none', message: 'nvidia-smi is not on this PC: no NVIDIA driver is installed.' }
            : {
                state: 'error',
                message: `nvidia-smi stopped${code === null ? '' : ` (exit code ${code})`}${said}. Headroom starts it again.`,
              };
          return missing ? 'stay-down' : 'restart';
        },
      );
    },
    stop,
    latest(now) {
      return last && { rows: last.rows, fresh: now - last.time <= STALE_MS + rate.intervalMs - 1_000 };
    },
    get status() {
      return status;
    },
  };
}
