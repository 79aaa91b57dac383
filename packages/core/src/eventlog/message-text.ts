/**
 * Reading the payload back out of an event's English message text: the `RenderingInfo/Message` of
 * `/f:RenderedXml` when an event carries no data of its own. Each reader returns the same data names the event XML
 * uses, so one classifier serves both.
 */
import { PROVIDERS } from './providers';

/** Event data read from a message, keyed as in the event XML. */
export type MessageData = Record<string, string>;

/** A message that names its event: provider, id and the data it shows. */
interface RecognizedMessage {
  readonly provider: string;
  readonly eventId: number;
  readonly data: MessageData;
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** `Label: value` lines, by lower-case label; the first occurrence of a label wins. */
function labelled(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of lines(text)) {
    const match = /^\s*([A-Za-z][A-Za-z0-9 ().-]{0,60}?)\s*:\s?(.*)$/.exec(line);
    if (!match) continue;
    const [, label = '', value = ''] = match;
    const key = label.toLowerCase();
    if (!found.has(key)) found.set(key, value.trim());
  }
  return found;
}

const NAME_VERSION_STAMP = /^(.*?),\s*version:\s*(.*?),\s*time stamp:\s*(.*)$/i;

/**
 * Application Error 1000's message ("Faulting application name: python.exe, version: …, time stamp: …",
 * "Exception code: 0xc0000005", …) as its named data (`AppName`, `ExceptionCode`, …); null without the first line.
 */
function applicationErrorData(message: string): MessageData | null {
  const found = labelled(message);
  const application = NAME_VERSION_STAMP.exec(found.get('faulting application name') ?? '');
  if (!application) return null;
  const data: MessageData = {
    AppName: application[1] ?? '',
    AppVersion: application[2] ?? '',
    AppTimeStamp: application[3] ?? '',
  };
  const module = NAME_VERSION_STAMP.exec(found.get('faulting module name') ?? '');
  if (module) {
    data.ModuleName = module[1] ?? '';
    data.ModuleVersion = module[2] ?? '';
    data.ModuleTimeStamp = module[3] ?? '';
  }
  const simple: readonly (readonly [string, string])[] = [
    ['exception code', 'ExceptionCode'],
    ['fault offset', 'FaultingOffset'],
    ['faulting process id', 'ProcessId'],
    ['faulting application start time', 'ProcessCreationTime'],
    ['faulting application path', 'AppPath'],
    ['faulting module path', 'ModulePath'],
    ['report id', 'IntegratorReportId'],
    ['faulting package full name', 'PackageFullName'],
    ['faulting package-relative application id', 'PackageRelativeAppId'],
  ];
  for (const [label, name] of simple) {
    const value = found.get(label);
    if (value !== undefined) data[name] = value;
  }
  return data;
}

/**
 * Windows Error Reporting 1001's message ("Fault bucket …, type …", "Event Name: APPCRASH", "P1: …" … "P10: …")
 * as the event's positional data: `'0'` bucket, `'1'` type, `'2'` event name, `'3'` response, `'4'` cab id,
 * `'5'`–`'14'` P1–P10, then attached files, archive path, analysis symbol, rechecking, report id, report status,
 * hashed bucket. Null without an `Event Name:` line.
 */
function errorReportData(message: string): MessageData | null {
  const found = labelled(message);
  const eventName = found.get('event name');
  if (eventName === undefined) return null;
  const data: MessageData = {};
  const bucket = /^\s*Fault bucket\s*(.*?),\s*type\s*(\S*)\s*$/im.exec(message);
  data['0'] = bucket?.[1]?.trim() ?? '';
  data['1'] = bucket?.[2] ?? '';
  data['2'] = eventName;
  data['3'] = found.get('response') ?? '';
  data['4'] = found.get('cab id') ?? '';
  for (let index = 1; index <= 10; index += 1) data[String(4 + index)] = found.get(`p${index}`) ?? '';
  data['15'] = blockAfter(message, /^\s*Attached files:\s*$/i);
  data['16'] = blockAfter(message, /^\s*These files may be available here:\s*$/i);
  const rest: readonly (readonly [string, string])[] = [
    ['analysis symbol', '17'],
    ['rechecking for solution', '18'],
    ['report id', '19'],
    ['report status', '20'],
    ['hashed bucket', '21'],
  ];
  for (const [label, name] of rest) data[name] = found.get(label) ?? '';
  return data;
}

/** The non-blank lines after a heading line, up to the next blank line, joined with `\n`. */
function blockAfter(message: string, heading: RegExp): string {
  const all = lines(message);
  const start = all.findIndex((line) => heading.test(line));
  if (start < 0) return '';
  const block: string[] = [];
  for (const line of all.slice(start + 1)) {
    if (line.trim() === '') break;
    block.push(line.trim());
  }
  return block.join('\n');
}

const DISPLAY_RESET = /Display driver (\S+) stopped responding and has successfully recovered/i;

/** Display 4101's message ("Display driver nvlddmkm stopped responding and has successfully recovered.") as data. */
function displayResetData(message: string): MessageData | null {
  const match = DISPLAY_RESET.exec(message);
  return match ? { '0': match[1] ?? '', '1': '' } : null;
}

const MISSING_DESCRIPTION = /The description for Event ID (\d+) from source (.+?) cannot be found/i;
const INCLUDED = /^\s*The following information was included with the event:?\s*$/i;
const TRAILER = /^\s*(?:The message resource is present|the message resource)/i;

/**
 * The text Event Viewer shows when a provider's message file is missing (common for nvlddmkm): "The description
 * for Event ID 153 from source nvlddmkm cannot be found … The following information was included with the event:"
 * then one insertion string per line. Returns the provider, the id and the strings as `'0'`, `'1'`, ….
 */
function missingDescriptionData(message: string): RecognizedMessage | null {
  const match = MISSING_DESCRIPTION.exec(message);
  if (!match) return null;
  const all = lines(message);
  const start = all.findIndex((line) => INCLUDED.test(line));
  const strings: string[] = [];
  if (start >= 0) {
    for (const line of all.slice(start + 1)) {
      if (TRAILER.test(line)) break;
      strings.push(line.trim());
    }
  }
  while (strings[0] === '') strings.shift();
  while (strings.length > 0 && strings[strings.length - 1] === '') strings.pop();
  const data: MessageData = {};
  strings.forEach((value, index) => {
    data[String(index)] = value;
  });
  return { provider: (match[2] ?? '').trim(), eventId: Number(match[1]), data };
}

/** The data a message shows for a known provider and id, or null when there is no reader for it. */
export function dataFromMessage(provider: string, eventId: number, message: string): MessageData | null {
  const name = provider.toLowerCase();
  if (name === PROVIDERS.applicationError.toLowerCase() && eventId === 1000)
    return applicationErrorData(message);
  if (name === PROVIDERS.errorReporting.toLowerCase() && eventId === 1001) return errorReportData(message);
  if (name === PROVIDERS.display.toLowerCase() && eventId === 4101) return displayResetData(message);
  return missingDescriptionData(message)?.data ?? null;
}
