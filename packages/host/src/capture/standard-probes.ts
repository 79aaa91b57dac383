import {
  buildStandardEventQuery,
  REG_PROBES,
  STANDARD_EVENT_QUERIES,
  WEVTUTIL_EXECUTABLE,
  type StandardQueryName,
} from '@headroom/core';
import type { ProbeCommand } from './collect';

/** How many of the newest events each event-log probe keeps in a capture. */
const EVENTS_PER_QUERY = 50;

/**
 * The probes a capture takes beyond the standard set (docs/architecture.md "Capture format"): the registry facts (reg
 * query, no admin) and the newest events of each standard event-log query (Windows Update, display driver, crashes,
 * power).
 */
export function extraProbes(): ProbeCommand[] {
  const registry: ProbeCommand[] = REG_PROBES.map(({ id, argv }) => ({
    id,
    argv: [argv[0] ?? 'reg.exe', ...argv.slice(1)],
  }));
  const events: ProbeCommand[] = (Object.keys(STANDARD_EVENT_QUERIES) as StandardQueryName[]).map((name) => ({
    id: `eventlog-${name}`,
    argv: [
      WEVTUTIL_EXECUTABLE,
      ...buildStandardEventQuery(name, { maxEvents: EVENTS_PER_QUERY, newestFirst: true }),
    ],
  }));
  return [...registry, ...events];
}
