import { z } from 'zod';

/** The time windows the dashboard offers, in seconds: 5 minutes, an hour, a day. */
export const METRICS_WINDOWS = [300, 3_600, 86_400] as const;

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
  gpu: z.object({ state: z.enum(['starting', 'ok', 'none', 'error']), message: z.string().optional() }),
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

/** Start (or keep) live sampling, and get the chosen window's series downsampled for drawing. */
export const metricsWatchRequestSchema = z.object({
  windowSeconds: z.union([z.literal(300), z.literal(3_600), z.literal(86_400)]),
});

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
