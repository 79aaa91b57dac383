/** What probes are and how their outputs are parsed: the shared result type and the standard probe ids. */
export { parsed, parseSafely, unreadable, type Parsed, type Unreadable } from './parse-result';
export {
  DISTRO_PROBE_IDS,
  GPU_QUERY_FIELDS,
  HOST_PROBE_IDS,
  STANDARD_PROBE_IDS,
  type StandardProbeId,
} from './probe-ids';
