/** Live metrics in bounded memory: ring buffers per series, min/max downsampling, markers, the in-distro sampler. */
export { SeriesRing, type SeriesPoint } from './series-ring';
export {
  DAY_OF_SECONDS,
  MetricsStore,
  type Marker,
  type MarkerKind,
  type MetricsStoreOptions,
  type MetricsWindow,
} from './metrics-store';
export {
  createDistroSampleParser,
  distroSamplerCommand,
  distroSamplerScript,
  SAMPLER_IDLE_CHECK,
  SAMPLER_LATENCY_EVERY_SECONDS,
  SAMPLER_LATENCY_TIMEOUT_SECONDS,
  SAMPLER_MARKER,
  SAMPLER_STDIN_WATCH,
  type DistroSample,
  type DistroSampleParser,
} from './distro-sampler';
