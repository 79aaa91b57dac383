import { z } from 'zod';

/** The time windows the dashboard offers, in seconds: 5 minutes, an hour, a day. */
export const METRICS_WINDOWS = [300, 3_600, 86_400] as const;

/** A series of one GPU, read as `gpu<index>.<name>` (`gpu0.vramUsedMiB`): nvidia-smi lists every GPU. */
export const GPU_METRICS = ['vramUsedMiB', 'vramTotalMiB', 'vramReservedMiB', 'utilPercent'] as const;

/** One of {@link GPU_METRICS}. */
export type GpuMetric = (typeof GPU_METRICS)[number];

/** The id of a GPU's series: `gpuMetricId(0, 'vramUsedMiB')` is `gpu0.vramUsedMiB`. */
export function gpuMetricId(index: number, metric: GpuMetric): `gpu${number}.${GpuMetric}` {
  return `gpu${index}.${metric}`;
}

/**
 * The id of every series the sampler writes, the dashboard draws and the bench fills: the first GPU's (the others
 * follow {@link gpuMetricId}), WSL's (from /proc/meminfo and the timed nvidia-smi inside it) and Windows'.
 */
export const METRIC_IDS = {
  vramUsed: 'gpu0.vramUsedMiB',
  vramTotal: 'gpu0.vramTotalMiB',
  vramReserved: 'gpu0.vramReservedMiB',
  gpuUtil: 'gpu0.utilPercent',
  wslMemTotal: 'wsl.memTotalMiB',
  wslMemUsed: 'wsl.memUsedMiB',
  wslSwapUsed: 'wsl.swapUsedMiB',
  wslLatency: 'wsl.latencyMs',
  hostMemTotal: 'host.memTotalMiB',
  hostMemUsed: 'host.memUsedMiB',
  hostVmmem: 'host.vmmemMiB',
} as const satisfies Readonly<Record<string, string>>;

/** One of {@link METRIC_IDS}' values, or another GPU's series. */
export type MetricId = (typeof METRIC_IDS)[keyof typeof METRIC_IDS] | `gpu${number}.${GpuMetric}`;

/** A point: epoch milliseconds and a value, or null for a gap. */
const pointSchema = z.tuple([z.number(), z.number().nullable()]);

/** A labelled tick on the time axis (Windows Update, driver change, WSL shut down or started, …). */
export const markerSchema = z.object({
  time: z.number(),
  kind: z.enum([
    'wsl-boot',
    'wsl-shutdown',
    'windows-update',
    'driver-change',
    'display-reset',
    'inference-crash',
    'passthrough-failure',
  ]),
  label: z.string(),
});

/** Where each source stands, so an empty chart says why (no GPU, WSL stopped) instead of looking broken. */
export const metricsStatusSchema = z.object({
  gpu: z.object({
    state: z.enum(['starting', 'ok', 'none', 'error']),
    message: z.string().optional(),
    /** How often nvidia-smi prints, when not once a second. */
    intervalMs: z.number().optional(),
    /** The laptop runs on battery, so nvidia-smi reads less often (it keeps the discrete GPU awake). */
    onBattery: z.boolean().optional(),
  }),
  wsl: z.object({
    state: z.enum(['stopped', 'starting', 'running', 'idle']),
    distro: z.string().optional(),
    message: z.string().optional(),
  }),
  /** The last timed nvidia-smi inside WSL. */
  latency: z.object({ time: z.number(), ms: z.number(), ok: z.boolean(), message: z.string() }).optional(),
  /** Ollama's loaded models, or null when Ollama does not answer on 127.0.0.1:11434. */
  ollama: z.array(z.object({ name: z.string(), sizeBytes: z.number(), vramBytes: z.number() })).nullable(),
});

/** Who watches: a window's own id, so one window hiding stops sampling only when no other watches. */
const watcherSchema = z.string().min(1).max(64);

/** Start (or keep) live sampling, and get the chosen window's series downsampled for drawing. */
export const metricsWatchRequestSchema = z.object({
  windowSeconds: z.union([z.literal(300), z.literal(3_600), z.literal(86_400)]),
  watcher: watcherSchema.optional(),
});

/** Stop watching (the page or the window hid): sampling stops at once when no other watcher's lease runs. */
export const metricsUnwatchRequestSchema = z.object({ watcher: watcherSchema });

/** Whether sampling still runs after an unwatch (another window watches). */
export const metricsUnwatchResponseSchema = z.object({ sampling: z.boolean() });

/** A window of every series (each at most ~1,000 points), its markers and the sources' state. */
export const metricsSnapshotSchema = z.object({
  from: z.number(),
  to: z.number(),
  series: z.record(z.string(), z.array(pointSchema)),
  markers: z.array(markerSchema),
  status: metricsStatusSchema,
});

/** One moment's values, pushed once a second while someone watches. */
export const metricsSampleSchema = z.object({
  time: z.number(),
  values: z.record(z.string(), z.number().nullable()),
  markers: z.array(markerSchema),
  status: metricsStatusSchema,
});

/** A {@link markerSchema} value. */
export type MetricsMarker = z.infer<typeof markerSchema>;
/** A {@link metricsStatusSchema} value. */
export type MetricsStatus = z.infer<typeof metricsStatusSchema>;
/** A {@link metricsSnapshotSchema} value. */
export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;
/** A {@link metricsSampleSchema} value. */
export type MetricsSample = z.infer<typeof metricsSampleSchema>;
/** One of {@link METRICS_WINDOWS}. */
export type MetricsWindowSeconds = (typeof METRICS_WINDOWS)[number];
