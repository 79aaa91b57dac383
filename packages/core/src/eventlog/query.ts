/**
 * The `wevtutil qe` command lines Headroom runs (docs/windows-events.md "Reading the event log"). Pure builders: the
 * host spawns `wevtutil.exe` with this argv through `execFile` (no shell), so the XPath needs no shell quoting; it uses
 * single quotes inside, which Windows' command-line quoting leaves alone.
 */
import { PROVIDERS } from './providers';

/** The program the argv is for. */
export const WEVTUTIL_EXECUTABLE = 'wevtutil.exe';

/** The logs Headroom reads; both are readable without admin rights. */
export type EventLogName = 'System' | 'Application';

/** The probe name for the output of a query on a log: `eventlog-system` or `eventlog-application`. */
export type EventLogProbeId = `eventlog-${Lowercase<EventLogName>}`;

/** The probe name to parse a log's `wevtutil` output with. */
export function eventLogProbeId(log: EventLogName): EventLogProbeId {
  return log === 'System' ? 'eventlog-system' : 'eventlog-application';
}

/** One `wevtutil qe` query: which log, providers and ids, after which bookmark, how many, in which order. */
export interface EventQuery {
  readonly log: EventLogName;
  /** Any of these providers; none means any provider. */
  readonly providers: readonly string[];
  /** Any of these ids; none means any id. */
  readonly eventIds: readonly number[];
  /** Only events after this EventRecordID (the bookmark of the last poll). */
  readonly afterRecordId?: number;
  /** `/c:` — at most this many events (default {@link DEFAULT_MAX_EVENTS}). */
  readonly maxEvents?: number;
  /** `/rd:true` — newest first, for a first scan; default oldest first (`/rd:false`), for polling a bookmark. */
  readonly newestFirst?: boolean;
  /** `/f:RenderedXml` — add `RenderingInfo` with the localised message (slower); default `/f:xml`. */
  readonly rendered?: boolean;
  /** `/uni:true` — write UTF-16LE instead of the console code page, so non-ASCII titles survive (unverified). */
  readonly unicode?: boolean;
}

/** The `/c:` cap when a query names none. */
export const DEFAULT_MAX_EVENTS = 500;

/** EvtQuery: an XPath with more than 20 expressions needs a structured XML query instead. */
export const MAX_XPATH_EXPRESSIONS = 20;

function literal(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new RangeError(`An XPath 1.0 string cannot hold both quote characters: ${value}`);
}

function anyOf(terms: readonly string[]): string {
  return terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' or ')})`;
}

function checkWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}

/**
 * The XPath of a query: `*[System[Provider[@Name='…'] and (EventID=19 or EventID=20) and EventRecordID>123]]`,
 * or `*` when it filters nothing. Throws a RangeError for an id that is not a whole number, or for more than
 * {@link MAX_XPATH_EXPRESSIONS} comparisons.
 */
export function buildEventXPath(query: Omit<EventQuery, 'log'>): string {
  const { providers, eventIds, afterRecordId } = query;
  for (const id of eventIds) checkWhole('An event id', id, 0, 65535);
  if (afterRecordId !== undefined) checkWhole('afterRecordId', afterRecordId, 0, Number.MAX_SAFE_INTEGER);
  const expressions = providers.length + eventIds.length + (afterRecordId === undefined ? 0 : 1);
  if (expressions > MAX_XPATH_EXPRESSIONS) {
    throw new RangeError(
      `The query has ${expressions} expressions; wevtutil takes at most ${MAX_XPATH_EXPRESSIONS} in one XPath`,
    );
  }
  const conditions: string[] = [];
  if (providers.length > 0)
    conditions.push(anyOf(providers.map((name) => `Provider[@Name=${literal(name)}]`)));
  if (eventIds.length > 0) conditions.push(anyOf(eventIds.map((id) => `EventID=${id}`)));
  if (afterRecordId !== undefined) conditions.push(`EventRecordID>${afterRecordId}`);
  return conditions.length === 0 ? '*' : `*[System[${conditions.join(' and ')}]]`;
}

/**
 * The argv (without the program) of `wevtutil qe`, e.g.
 * `['qe', 'System', "/q:*[System[Provider[@Name='Display'] and EventID=4101]]", '/f:xml', '/rd:false', '/c:500']`.
 * Poll with `afterRecordId` set to the highest record id seen (oldest first); first scans use `newestFirst`.
 */
export function buildEventQuery(query: EventQuery): string[] {
  const maxEvents = query.maxEvents ?? DEFAULT_MAX_EVENTS;
  checkWhole('maxEvents', maxEvents, 1, Number.MAX_SAFE_INTEGER);
  const argv = [
    'qe',
    query.log,
    `/q:${buildEventXPath(query)}`,
    `/f:${query.rendered === true ? 'RenderedXml' : 'xml'}`,
    `/rd:${query.newestFirst === true ? 'true' : 'false'}`,
    `/c:${maxEvents}`,
  ];
  if (query.unicode === true) argv.push('/uni:true');
  return argv;
}

/** The standard queries by name. */
export type StandardQueryName = 'windows-update' | 'display-driver' | 'crashes' | 'power';

/** A standard query: its log, the probe its output is parsed as, and what it selects. */
export interface StandardQuery {
  readonly log: EventLogName;
  readonly probe: EventLogProbeId;
  readonly providers: readonly string[];
  readonly eventIds: readonly number[];
}

/**
 * The queries Headroom polls. Each selects any of its providers with any of its ids, so a combination that does
 * not exist (EventLog 41) just matches nothing; the classifier gives every event its meaning.
 */
export const STANDARD_EVENT_QUERIES: Readonly<Record<StandardQueryName, StandardQuery>> = {
  /** Updates downloaded, started, installed or failed. */
  'windows-update': {
    log: 'System',
    probe: 'eventlog-system',
    providers: [PROVIDERS.windowsUpdate],
    eventIds: [19, 20, 43, 44],
  },
  /** Display driver installs and services, display resets (TDR) and NVIDIA kernel-driver errors. */
  'display-driver': {
    log: 'System',
    probe: 'eventlog-system',
    providers: [PROVIDERS.userPnp, PROVIDERS.display, PROVIDERS.nvlddmkm],
    eventIds: [20001, 20003, 4101, 13, 14, 153],
  },
  /** Program crashes and error reports. */
  crashes: {
    log: 'Application',
    probe: 'eventlog-application',
    providers: [PROVIDERS.applicationError, PROVIDERS.errorReporting],
    eventIds: [1000, 1001],
  },
  /** Unexpected reboots, sleep, restarts and who asked for them, boots and clean shutdowns. */
  power: {
    log: 'System',
    probe: 'eventlog-system',
    providers: [PROVIDERS.kernelPower, PROVIDERS.kernelGeneral, PROVIDERS.user32, PROVIDERS.eventLog],
    eventIds: [41, 42, 109, 12, 13, 1074, 6005, 6006, 6008, 6009],
  },
};

/** The argv of a standard query, with the bookmark, cap and order of this poll. */
export function buildStandardEventQuery(
  name: StandardQueryName,
  options: Pick<EventQuery, 'afterRecordId' | 'maxEvents' | 'newestFirst' | 'rendered' | 'unicode'> = {},
): string[] {
  const { log, providers, eventIds } = STANDARD_EVENT_QUERIES[name];
  return buildEventQuery({ ...options, log, providers, eventIds });
}

/** The bookmark after a poll: the highest record id among the events, or null when there were none. */
export function highestRecordId(events: readonly { readonly recordId: number }[]): number | null {
  let highest: number | null = null;
  for (const { recordId } of events) if (highest === null || recordId > highest) highest = recordId;
  return highest;
}
