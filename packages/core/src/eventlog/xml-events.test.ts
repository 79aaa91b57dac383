import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventXml, type RawEvent, type RawEventBatch } from './xml-events';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/eventlog/${name}`, import.meta.url), 'utf8');

function batch(text: string, probe?: string): RawEventBatch {
  const result = parseEventXml(text, probe);
  if (!result.ok) throw new Error(`unreadable: ${result.unreadable.reason}`);
  return result.value;
}

/** Every fixture in `wevtutil qe /f:xml` layout (A: libevtx-rendered real EVTX events; B: the DataDog sample). */
const XML_FIXTURES: readonly (readonly [string, number])[] = [
  ['datadog-wu-19-security-intelligence.xml', 1],
  ['evtx-system-eventlog-6005-6006-6009.xml', 3],
  ['evtx-system-kernel-general-12-13-boot-shutdown.xml', 2],
  ['evtx-system-kernel-power-42-109-sleep-shutdown.xml', 2],
  ['evtx-system-scm-7045-service-installed.xml', 1],
  ['evtx-system-user32-1074-restart.xml', 4],
  ['evtx-system-userpnp-20001-display-driver-installed.xml', 2],
  ['evtx-system-userpnp-20003-service-added.xml', 1],
  ['evtx-system-wu-19-cumulative-update-installed.xml', 2],
  ['evtx-system-wu-19-defender-definition-installed.xml', 1],
  ['evtx-system-wu-19-store-app-installed.xml', 1],
  ['evtx-system-wu-20-install-failure.xml', 7],
  ['evtx-system-wu-43-cumulative-update-install-started.xml', 2],
  ['evtx-system-wu-44-cumulative-update-download-started.xml', 4],
];

describe('parseEventXml on the real samples', () => {
  it.each(XML_FIXTURES)('reads every event of %s', (name, count) => {
    const { events, skipped } = batch(fixture(name));
    expect(events).toHaveLength(count);
    expect(skipped).toBe(0);
  });

  it('reads the single-line EvtRender layout of the DataDog sample exactly', () => {
    const expected: RawEvent = {
      provider: 'Microsoft-Windows-WindowsUpdateClient',
      eventId: 19,
      recordId: 1868,
      timeCreated: '2022-09-30T13:44:36.6772228Z',
      level: 4,
      channel: 'System',
      computer: 'DESKTOP-U86BVDJ',
      data: {
        updateTitle:
          'Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.375.1243.0)',
        updateGuid: '{23315d09-c6f2-4cb7-8b40-869952c28480}',
        updateRevisionNumber: '200',
        serviceGuid: '{9482f4b4-e343-43b6-b170-9a65bc822c77}',
      },
    };
    expect(batch(fixture('datadog-wu-19-security-intelligence.xml')).events).toEqual([expected]);
  });

  it('flattens UserData and decodes &amp; in the device instance id (UserPnp 20001)', () => {
    const [first] = batch(fixture('evtx-system-userpnp-20001-display-driver-installed.xml')).events;
    expect(first).toMatchObject({ provider: 'Microsoft-Windows-UserPnp', eventId: 20001, recordId: 64 });
    expect(first?.data).toEqual({
      DriverName: 'display.inf_amd64_d2be6fd24d698e35\\display.inf',
      DriverVersion: '10.0.15063.0',
      DriverProvider: 'Microsoft',
      DeviceInstanceID: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&61AAA01&0&78',
      SetupClass: '{4D36E968-E325-11CE-BFC1-08002BE10318}',
      RebootOption: 'false',
      UpgradeDevice: 'false',
      IsDriverOEM: 'false',
      InstallStatus: '0x00000000',
      DriverDescription: 'Microsoft Basic Display Adapter',
    });
  });

  it('numbers unnamed Data entries and keeps empty ones (EventLog 6009), and keeps Binary (6005)', () => {
    const [started, , version] = batch(fixture('evtx-system-eventlog-6005-6006-6009.xml')).events;
    expect(started?.data).toEqual({ Binary: 'E2070700050006001200260026002B030000000000000000' });
    expect(version?.data).toEqual({
      '0': '10.00.',
      '1': '17134',
      '2': '',
      '3': 'Multiprocessor Free',
      '4': '0',
    });
  });

  it('reads the libevtx TimeCreated with 9 fraction digits as written', () => {
    const { events } = batch(fixture('evtx-system-kernel-general-12-13-boot-shutdown.xml'));
    expect(events.map((event) => [event.recordId, event.timeCreated, event.computer])).toEqual([
      [3, '2017-07-12T17:16:05.539450700Z', 'WIN-P4SIAA0SQCO'],
      [179, '2017-07-12T17:17:46.211351300Z', 'DESKTOP-2KGM189'],
    ]);
  });

  it('keeps the Qualifiers-carrying EventID as a plain number (SCM 7045, User32 1074)', () => {
    expect(batch(fixture('evtx-system-scm-7045-service-installed.xml')).events[0]).toMatchObject({
      provider: 'Service Control Manager',
      eventId: 7045,
      recordId: 44,
      data: { ServiceName: 'Red Hat VirtIO Ethernet Adapter Service', AccountName: '' },
    });
    expect(batch(fixture('evtx-system-user32-1074-restart.xml')).events.map((e) => e.eventId)).toEqual([
      1074, 1074, 1074, 1074,
    ]);
  });

  it('does not read the partial Kernel-Power 41 paste, which has no <Event> element', () => {
    const result = parseEventXml(
      fixture('issue-windows-driver-docs-1815-kernel-power-41-partial.xml'),
      'eventlog-system',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.unreadable.probe).toBe('eventlog-system');
      expect(result.unreadable.reason).toMatch(/no <Event>/);
    }
  });
});

describe('parseEventXml on concatenated, truncated and odd output', () => {
  const all = XML_FIXTURES.map(([name]) => fixture(name));
  const total = XML_FIXTURES.reduce((sum, [, count]) => sum + count, 0);

  it('reads several outputs concatenated, with a BOM, CRLF and blank lines between them', () => {
    const text = `\uFEFF${all.join('\r\n\r\n')}\r\n`;
    const { events, skipped } = batch(text);
    expect(events).toHaveLength(total);
    expect(skipped).toBe(0);
    expect(events[0]?.recordId).toBe(1868);
  });

  it('reads events wrapped by /e:Events, and an empty wrapper as no events', () => {
    const wrapped = `<Events>${fixture('evtx-system-kernel-general-12-13-boot-shutdown.xml')}</Events>`;
    expect(batch(wrapped).events.map((event) => event.eventId)).toEqual([12, 13]);
    expect(batch('<Events></Events>')).toEqual({ events: [], skipped: 0 });
  });

  it('keeps the complete events and reports one skipped when the output stops anywhere inside the last event', () => {
    const text = fixture('evtx-system-wu-44-cumulative-update-download-started.xml');
    const lastStart = text.lastIndexOf('<Event ');
    const lastEnd = text.lastIndexOf('</Event>') + '</Event>'.length;
    for (let cut = lastStart + '<Event'.length; cut < lastEnd; cut += 1) {
      const { events, skipped } = batch(text.slice(0, cut));
      expect(
        events.map((event) => event.recordId),
        `cut at ${cut}`,
      ).toEqual([339, 441, 521]);
      expect(skipped, `cut at ${cut}`).toBe(1);
    }
  });

  it('keeps the complete events after an event that was cut off in the middle', () => {
    const first = fixture('evtx-system-wu-19-defender-definition-installed.xml');
    const cut = first.slice(0, first.indexOf('</EventData>') - 20);
    const { events, skipped } = batch(cut + fixture('evtx-system-wu-19-store-app-installed.xml'));
    expect(events.map((event) => event.recordId)).toEqual([1069]);
    expect(skipped).toBe(1);
  });

  it('calls an output whose only event is cut off unreadable, naming the probe', () => {
    const text = fixture('evtx-system-scm-7045-service-installed.xml').slice(0, 300);
    const result = parseEventXml(text, 'eventlog-system');
    expect(result).toMatchObject({ ok: false, unreadable: { probe: 'eventlog-system' } });
    if (!result.ok) expect(result.unreadable.reason).toMatch(/cut off/);
  });

  it('skips an event without a record id, provider or time', () => {
    const text =
      '<Event><System><Provider Name="X"/><EventID>1</EventID><TimeCreated SystemTime="2024-01-01T00:00:00Z"/></System></Event>' +
      '<Event><System><Provider Name="X"/><EventID>2</EventID><EventRecordID>7</EventRecordID><TimeCreated SystemTime="2024-01-01T00:00:01Z"/></System></Event>';
    const { events, skipped } = batch(text);
    expect(events.map((event) => event.eventId)).toEqual([2]);
    expect(events[0]).toMatchObject({ level: null, channel: '', computer: null, data: {} });
    expect(skipped).toBe(1);
  });

  it('reads the RenderingInfo message of /f:RenderedXml', () => {
    const text = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Display'/><EventID Qualifiers='0'>4101</EventID><Level>3</Level><TimeCreated SystemTime='2025-03-01T10:00:00.0000000Z'/><EventRecordID>99</EventRecordID><Channel>System</Channel><Computer>PC</Computer></System><EventData><Data>nvlddmkm</Data><Data></Data></EventData><RenderingInfo Culture='en-US'><Message>Display driver nvlddmkm stopped responding and has successfully recovered.</Message><Level>Warning</Level><Provider>Display</Provider></RenderingInfo></Event>`;
    expect(batch(text).events[0]).toMatchObject({
      level: 3,
      data: { '0': 'nvlddmkm', '1': '' },
      message: 'Display driver nvlddmkm stopped responding and has successfully recovered.',
    });
  });

  it('decodes entities and numeric references, and leaves unknown or invalid ones as written', () => {
    const text = `<Event><System><Provider Name="A &amp; B"/><EventID>1</EventID><EventRecordID>1</EventRecordID><TimeCreated SystemTime="t"/></System><EventData><Data Name="v">&lt;x&gt; &quot;q&quot; &apos;a&apos; &#65;&#x42; &#xFFFFFFF; &nbsp; &amp;amp;</Data><Data Name="c"><![CDATA[<raw & kept>]]></Data></EventData></Event>`;
    const [event] = batch(text).events;
    expect(event?.provider).toBe('A & B');
    expect(event?.data).toEqual({ v: `<x> "q" 'a' AB &#xFFFFFFF; &nbsp; &amp;`, c: '<raw & kept>' });
  });

  it('keeps own properties for Data names such as __proto__', () => {
    const text = `<Event><System><Provider Name="P"/><EventID>1</EventID><EventRecordID>1</EventRecordID><TimeCreated SystemTime="t"/></System><EventData><Data Name="__proto__">x</Data><Data Name="constructor">y</Data></EventData></Event>`;
    const data = batch(text).events[0]?.data ?? {};
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data.constructor).toBe('y');
  });

  it('treats empty output as no events and garbage as unreadable', () => {
    expect(batch('')).toEqual({ events: [], skipped: 0 });
    expect(batch('\uFEFF \r\n\n')).toEqual({ events: [], skipped: 0 });
    for (const garbage of [
      'Access is denied.',
      '<html><body>no</body></html>',
      '<<<>>>&&&',
      '<Event',
      '\u0000\uFFFF',
    ]) {
      const result = parseEventXml(garbage, 'eventlog-application');
      expect(result.ok, garbage).toBe(false);
      if (!result.ok) expect(result.unreadable.probe).toBe('eventlog-application');
    }
  });
});

describe('parseEventXml never throws', () => {
  const pieces = [
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '</Event>',
    '<System>',
    '</System>',
    '<Provider Name="Display"/>',
    '<EventID>4101</EventID>',
    '<EventRecordID>12</EventRecordID>',
    '<TimeCreated SystemTime="2024-01-01T00:00:00Z"/>',
    '<EventData>',
    '</EventData>',
    '<UserData><A><B>x</B></A></UserData>',
    '<Data Name="x">',
    '<Data>',
    '</Data>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    '<',
    '>',
    '"',
    "'",
    '&',
    '&#x',
    ';',
    '/',
    'text',
    '\n',
  ];
  const xmlish = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

  it('for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), xmlish), (text) => {
        const result = parseEventXml(text);
        if (result.ok) expect(result.value.skipped).toBeGreaterThanOrEqual(0);
        else expect(result.unreadable.probe).toBe('eventlog');
      }),
      { numRuns: 2000 },
    );
  });

  it('for any prefix of real output, keeping only complete events', () => {
    const text = fixture('evtx-system-user32-1074-restart.xml');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const result = parseEventXml(text.slice(0, cut));
        if (result.ok) expect(result.value.events.length).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('reads deeply nested garbage without overflowing the stack', () => {
    const deep = '<a>'.repeat(50_000) + '</a>'.repeat(50_000);
    expect(parseEventXml(deep).ok).toBe(false);
  });
});
