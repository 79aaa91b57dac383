/**
 * Events pasted as text rather than read from `wevtutil`: Event Viewer's "Copy details" text, its XML view (with
 * the `- ` fold markers), a fragment of event XML from an issue, an issue that quotes several events under
 * `**Event 1000, Application Error**` headings, or a bare message. They get the same facts as events from the log;
 * only the envelope differs, because a paste may lack the record id and shows local time.
 */
import { parsed, parseSafely, unreadable, type Parsed } from '../probe';
import { recognizeMessage } from './message-text';
import { eventFacts, type EventFacts } from './typed-events';
import { eventElements, readEventFields, type EventFields } from './xml-events';
import { readXml } from '../text/xml-tree';

/** Which form the pasted text had. */
export type PasteFormat =
  'event-xml' | 'event-xml-fragment' | 'event-viewer-details' | 'issue-sections' | 'message';

/** What a paste tells about an event besides its facts; the text forms lack the record id and the UTC time. */
export interface PastedEnvelope {
  readonly provider: string;
  readonly eventId: number;
  readonly recordId: number | null;
  /** UTC ISO-8601 from the XML forms; null for the text forms. */
  readonly time: string | null;
  /** The `Date:` line of Event Viewer's details text: local time, in the format of the machine's locale. */
  readonly localTime: string | null;
  readonly channel: string | null;
  readonly computer: string | null;
  readonly level: number | null;
}

/** A pasted event: its envelope and the same facts an event from the log has. */
export type PastedEvent = PastedEnvelope & EventFacts;

/** The events found in a paste, and its form. */
export interface PastedEvents {
  readonly format: PasteFormat;
  readonly events: readonly PastedEvent[];
}

/** The probe name for pasted text. */
export const EVENTLOG_PASTE_PROBE = 'eventlog-paste';

const EMPTY_ENVELOPE = {
  recordId: null,
  time: null,
  localTime: null,
  channel: null,
  computer: null,
  level: null,
} as const;

const LEVELS: Readonly<Record<string, number>> = {
  critical: 1,
  error: 2,
  warning: 3,
  information: 4,
  verbose: 5,
};

function fromFields(fields: EventFields): PastedEvent | null {
  const { provider, eventId } = fields;
  if (provider === null || eventId === null) return null;
  const envelope: PastedEnvelope = {
    provider,
    eventId,
    recordId: fields.recordId,
    time: fields.timeCreated,
    localTime: null,
    channel: fields.channel,
    computer: fields.computer,
    level: fields.level,
  };
  return { ...envelope, ...eventFacts({ provider, eventId, data: fields.data, message: fields.message }) };
}

function fromXml(text: string): PastedEvents | null {
  const root = readXml(text);
  const events = eventElements(root)
    .map((element) => fromFields(readEventFields(element)))
    .filter((event): event is PastedEvent => event !== null);
  if (events.length > 0) return { format: 'event-xml', events };
  const fragment = fromFields(readEventFields(root));
  return fragment === null ? null : { format: 'event-xml-fragment', events: [fragment] };
}

function fromMessage(envelope: PastedEnvelope, message: string): PastedEvent {
  return {
    ...envelope,
    ...eventFacts({ provider: envelope.provider, eventId: envelope.eventId, data: {}, message }),
  };
}

const DETAILS_HEADER =
  /^(Log Name|Source|Date|Event ID|Task Category|Level|Keywords|User|Computer|OpCode):[ \t]*(.*)$/i;

/** Event Viewer's "Copy details as text": `Log Name:` … `Computer:` header lines, then `Description:`. */
function fromDetails(lines: readonly string[]): PastedEvents | null {
  const header = new Map<string, string>();
  let description = -1;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (/^Description:\s*$/i.test(line.trim())) {
      description = index;
      break;
    }
    const match = DETAILS_HEADER.exec(line.trim());
    if (match) header.set((match[1] ?? '').toLowerCase(), (match[2] ?? '').trim());
  }
  const provider = header.get('source');
  const eventId = /^\d{1,5}$/.exec(header.get('event id') ?? '')?.[0];
  if (description < 0 || provider === undefined || provider === '' || eventId === undefined) return null;
  const body = lines.slice(description + 1);
  const xmlStart = body.findIndex((line) => /^Event Xml:\s*$/i.test(line.trim()));
  const message = (xmlStart < 0 ? body : body.slice(0, xmlStart)).join('\n').trim();
  const nonEmpty = (value: string | undefined): string | null =>
    value === undefined || value === '' ? null : value;
  const envelope: PastedEnvelope = {
    ...EMPTY_ENVELOPE,
    provider,
    eventId: Number(eventId),
    localTime: nonEmpty(header.get('date')),
    channel: nonEmpty(header.get('log name')),
    computer: nonEmpty(header.get('computer')),
    level: LEVELS[(header.get('level') ?? '').toLowerCase()] ?? null,
  };
  return { format: 'event-viewer-details', events: [fromMessage(envelope, message)] };
}

const SECTION_HEADING =
  /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*Event\s+(?:ID\s+)?(\d{1,5}),\s*(.+?)\s*(?:\*\*|__)?\s*:?\s*$/i;

/** Issue text quoting events under headings such as `**Event 1000, Application Error**`, each with its message. */
function fromSections(lines: readonly string[]): PastedEvents | null {
  const events: PastedEvent[] = [];
  let current: { provider: string; eventId: number; body: string[] } | null = null;
  const flush = (): void => {
    if (current === null) return;
    const message = current.body
      .filter((line) => !/^\s*(?:```|~~~)/.test(line))
      .join('\n')
      .trim();
    events.push(
      fromMessage({ ...EMPTY_ENVELOPE, provider: current.provider, eventId: current.eventId }, message),
    );
  };
  for (const line of lines) {
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      flush();
      current = { provider: (heading[2] ?? '').trim(), eventId: Number(heading[1]), body: [] };
    } else {
      current?.body.push(line);
    }
  }
  flush();
  return events.length > 0 ? { format: 'issue-sections', events } : null;
}

/**
 * Parse pasted event text into the same facts as events from the log: event XML (whole, in Event Viewer's folded
 * view, or a fragment without `<Event>`), Event Viewer's details text, issue text with `Event N, Source` headings,
 * or a bare message Headroom recognises (Application Error, WER, Display 4101, Kernel-Power 41, "description cannot
 * be found"). Anything else is unreadable; nothing throws.
 */
export function parseEventText(text: string, probe: string = EVENTLOG_PASTE_PROBE): Parsed<PastedEvents> {
  return parseSafely(probe, text, () => {
    const normalized = text.replace(/\uFEFF/g, '').replace(/\r\n?/g, '\n');
    if (normalized.trim() === '') return unreadable(probe, 'the text is empty', text);
    if (/<\s*(?:Event|System|Provider|EventID|EventData)\b/.test(normalized)) {
      const xml = fromXml(normalized);
      if (xml !== null) return parsed(xml);
    }
    const lines = normalized.split('\n');
    const found = fromDetails(lines) ?? fromSections(lines);
    if (found !== null) return parsed(found);
    const message = recognizeMessage(normalized);
    if (message !== null) {
      const envelope: PastedEnvelope = {
        ...EMPTY_ENVELOPE,
        provider: message.provider,
        eventId: message.eventId,
      };
      const facts = eventFacts({ ...message, message: normalized });
      return parsed({ format: 'message', events: [{ ...envelope, ...facts }] });
    }
    return unreadable(
      probe,
      'no Windows event found: expected event XML, Event Viewer details text, or a message Headroom knows',
      text,
    );
  });
}
