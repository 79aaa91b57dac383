import { parsed, parseSafely, unreadable, type Parsed } from '../probe';
import {
  childElement,
  childElements,
  elementText,
  findElement,
  readXml,
  type XmlElement,
} from '../text/xml-tree';

/**
 * One event as `wevtutil qe <log> /f:xml` prints it, before it is given a meaning: the System fields Headroom
 * uses and the payload as a flat name → value map.
 */
export interface RawEvent {
  /** `System/Provider/@Name`, e.g. `Microsoft-Windows-WindowsUpdateClient` or `Application Error`. */
  readonly provider: string;
  readonly eventId: number;
  /** `System/EventRecordID`: grows by one per event in its channel, the bookmark for the next poll. */
  readonly recordId: number;
  /** `System/TimeCreated/@SystemTime` exactly as written (UTC ISO-8601, 7 to 9 fraction digits, trailing `Z`). */
  readonly timeCreated: string;
  /** 1 critical, 2 error, 3 warning, 4 information, 5 verbose, 0 "log always"; null when absent. */
  readonly level: number | null;
  /** `System/Channel`, e.g. `System`; empty when absent. */
  readonly channel: string;
  readonly computer: string | null;
  /**
   * `EventData/Data` by `Name`; unnamed `Data` entries as `'0'`, `'1'`, … in order; `EventData/Binary` as
   * `Binary`; the leaf elements of `UserData` by their element name. The first of two equal names wins.
   */
  readonly data: Readonly<Record<string, string>>;
  /** `RenderingInfo/Message` (only with `/f:RenderedXml`). */
  readonly message?: string;
}

/** The events read from one `wevtutil qe` output, and how many `<Event>` elements were cut off or incomplete. */
export interface RawEventBatch {
  readonly events: readonly RawEvent[];
  readonly skipped: number;
}

/** The probe name used when a caller does not name one. */
export const EVENTLOG_PROBE = 'eventlog';

/** The fields of an event as far as they are present; pasted fragments may lack any of them. */
interface EventFields {
  readonly provider: string | null;
  readonly eventId: number | null;
  readonly recordId: number | null;
  readonly timeCreated: string | null;
  readonly level: number | null;
  readonly channel: string | null;
  readonly computer: string | null;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string | null;
}

function trimmedText(element: XmlElement | undefined): string | null {
  if (element === undefined) return null;
  const text = elementText(element).trim();
  return text === '' ? null : text;
}

function wholeNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^\s*\d{1,15}\s*$/.test(text)) return null;
  return Number(text.trim());
}

function leafElements(element: XmlElement): XmlElement[] {
  const leaves: XmlElement[] = [];
  const pending = childElements(element).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const children = childElements(next);
    if (children.length === 0) leaves.push(next);
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) pending.push(child);
    }
  }
  return leaves;
}

function payload(event: XmlElement): Record<string, string> {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    entries.push([name, value]);
  };
  const eventData = findElement(event, 'EventData');
  if (eventData !== undefined) {
    let unnamed = 0;
    for (const child of childElements(eventData)) {
      if (child.name === 'Data') {
        const name = child.attributes.get('Name');
        if (name !== undefined && name !== '') add(name, elementText(child));
        else add(String(unnamed++), elementText(child));
      } else if (child.name === 'Binary') {
        add('Binary', elementText(child).trim());
      }
    }
  }
  const userData = findElement(event, 'UserData');
  if (userData !== undefined) {
    for (const leaf of leafElements(userData)) add(leaf.name, elementText(leaf));
  }
  // Object.fromEntries defines own properties, so a name such as `__proto__` cannot change the prototype.
  return Object.fromEntries(entries);
}

/**
 * Read the System fields, the payload and the rendered message of one `<Event>` element, or of a pasted fragment
 * without the `<Event>`/`<System>` wrappers. Missing fields come back as null.
 */
function readEventFields(event: XmlElement): EventFields {
  const system = childElement(event, 'System') ?? event;
  const providerElement = findElement(system, 'Provider');
  const provider =
    providerElement?.attributes.get('Name') ?? providerElement?.attributes.get('EventSourceName');
  const rendering = findElement(event, 'RenderingInfo');
  const message = rendering === undefined ? undefined : childElement(rendering, 'Message');
  const time = findElement(system, 'TimeCreated')?.attributes.get('SystemTime')?.trim() ?? '';
  return {
    provider: provider === undefined || provider.trim() === '' ? null : provider.trim(),
    eventId: wholeNumber(trimmedText(findElement(system, 'EventID'))),
    recordId: wholeNumber(trimmedText(findElement(system, 'EventRecordID'))),
    timeCreated: time === '' ? null : time,
    level: wholeNumber(trimmedText(findElement(system, 'Level'))),
    channel: trimmedText(findElement(system, 'Channel')),
    computer: trimmedText(findElement(system, 'Computer')),
    data: payload(event),
    message: message === undefined ? null : elementText(message).trim(),
  };
}

function rawEvent(element: XmlElement): RawEvent | null {
  if (!element.closed) return null;
  const fields = readEventFields(element);
  const { provider, eventId, recordId, timeCreated } = fields;
  if (provider === null || eventId === null || recordId === null || timeCreated === null) return null;
  const event: RawEvent = {
    provider,
    eventId,
    recordId,
    timeCreated,
    level: fields.level,
    channel: fields.channel ?? '',
    computer: fields.computer,
    data: fields.data,
  };
  return fields.message === null ? event : { ...event, message: fields.message };
}

/** Every `<Event>` element of the document that is not inside another one, in document order. */
function eventElements(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const pending = childElements(root).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.name === 'Event') {
      found.push(next);
      continue;
    }
    const children = childElements(next);
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) pending.push(child);
    }
  }
  return found;
}

/**
 * Parse the output of `wevtutil qe <log> /q:<xpath> /f:xml` (or `/f:RenderedXml`, or with `/e:Events`): zero or
 * more `<Event>` elements, with whitespace, line ends or a BOM between them. An event cut off by a truncated
 * output, or missing its provider, id, record id or time, is dropped and counted in `skipped`. Empty output (a
 * query that found nothing) is an empty batch; non-empty output without one readable event is unreadable.
 */
export function parseEventXml(text: string, probe: string = EVENTLOG_PROBE): Parsed<RawEventBatch> {
  return parseSafely(probe, text, () => {
    const root = readXml(text);
    const elements = eventElements(root);
    const events: RawEvent[] = [];
    for (const element of elements) {
      const event = rawEvent(element);
      if (event !== null) events.push(event);
    }
    const skipped = elements.length - events.length;
    if (events.length > 0) return parsed({ events, skipped });
    if (skipped > 0) {
      return unreadable(
        probe,
        `no complete event: ${skipped} <Event> element${skipped === 1 ? ' was' : 's were'} cut off or incomplete`,
        text,
      );
    }
    const onlyEmptyWrapper = childElements(root).every(
      (element) => element.name === 'Events' && element.closed,
    );
    const blank = text.replace(/\uFEFF/g, '').trim() === '';
    if (blank || (onlyEmptyWrapper && childElements(root).length > 0)) return parsed({ events, skipped: 0 });
    return unreadable(probe, 'the output holds no <Event> element', text);
  });
}
