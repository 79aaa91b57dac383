/**
 * The one place the passthrough latency bands live (docs/decisions.md "Passthrough latency bands"). They are
 * Headroom's rule of thumb, not a measurement or a vendor's figure: no public source gives a healthy answer time.
 */

/** From this on, a timed nvidia-smi inside WSL is slow (ms). Headroom's rule of thumb. */
export const LATENCY_SLOW_MS = 500;
/** From this on, a timed nvidia-smi inside WSL is very slow (ms). Headroom's rule of thumb. */
export const LATENCY_VERY_SLOW_MS = 2_000;

/** A band of the passthrough latency; the GPU answers in every band (a hang is not a band). */
export type LatencyBand = 'healthy' | 'slow' | 'very slow';

/** The band of one timed nvidia-smi: healthy under 0.5 s, slow from 0.5 s, very slow from 2 s. */
export function latencyBand(ms: number): LatencyBand {
  if (ms >= LATENCY_VERY_SLOW_MS) return 'very slow';
  if (ms >= LATENCY_SLOW_MS) return 'slow';
  return 'healthy';
}

/** The sentence shown wherever the bands are: what they are, and that they are Headroom's rule of thumb. */
export const LATENCY_BANDS_NOTE =
  'healthy under 0.5 s, slow from 0.5 s, very slow from 2 s (Headroom’s rule of thumb, not a measured limit)';
