/** The health light: the doctor's report and the live passthrough latency summed up in a colour and one line. */
export {
  healthOf,
  HEALTH_WORDS,
  LATENCY_FAILING_MS,
  LATENCY_SLOW_MS,
  type HealthState,
  type LiveLatency,
} from './health-state';
export { LATENCY_BANDS_NOTE, LATENCY_VERY_SLOW_MS, latencyBand, type LatencyBand } from './passthrough-bands';
