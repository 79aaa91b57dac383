import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationErrorData,
  errorReportData,
  missingDescriptionData,
  recognizeMessage,
} from './message-text';
import { parseEventText, type PastedEvents } from './text-events';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/eventlog/${name}`, import.meta.url), 'utf8');

function pasted(text: string): PastedEvents {
  const result = parseEventText(text);
  if (!result.ok) throw new Error(`unreadable: ${result.unreadable.reason}`);
  return result.value;
}

describe('parseEventText on the real pastes', () => {
  it('issue-pywin32-2155-application-error-1000-python.txt: Event Viewer details of a python.exe crash', () => {
    expect(pasted(fixture('issue-pywin32-2155-application-error-1000-python.txt'))).toEqual({
      format: 'event-viewer-details',
      events: [
        {
          provider: 'Application Error',
          eventId: 1000,
          recordId: null,
          time: null,
          localTime: '2/10/2024 8:29:48 AM',
          channel: 'Application',
          computer: 'DESKTOP-Q6LAJPN',
          level: 2,
          kind: 'app-crash',
          appName: 'python.exe',
          appVersion: '3.12.2150.1013',
          moduleName: 'python312.dll',
          moduleVersion: '3.12.2150.1013',
          exceptionCode: '0xc0000005',
          faultOffset: '0x000000000000cc2f',
          processId: 0x2abc,
          appPath: 'C:\\Prog\\Python312\\python.exe',
          modulePath: 'C:\\Prog\\Python312\\python312.dll',
          reportId: 'df055ae1-a7e3-45fb-b3e7-fae084950909',
          program: 'python',
          isInference: true,
        },
      ],
    });
  });

  it('issue-activitywatch-256-application-error-1000-and-wer-1001.txt: the crash and its WER report', () => {
    const { format, events } = pasted(
      fixture('issue-activitywatch-256-application-error-1000-and-wer-1001.txt'),
    );
    expect(format).toBe('issue-sections');
    expect(events).toMatchObject([
      {
        provider: 'Application Error',
        eventId: 1000,
        recordId: null,
        kind: 'app-crash',
        appName: 'aw-qt.exe',
        appVersion: '0.0.0.0',
        moduleName: 'python35.dll',
        moduleVersion: '3.5.4150.1013',
        exceptionCode: '0xc0000005',
        faultOffset: '0x000c3397',
        processId: 0x1cac,
        appPath: 'F:\\downloads\\firefox\\activitywatch\\aw-qt.exe',
        modulePath: 'F:\\downloads\\firefox\\activitywatch\\python35.dll',
        reportId: '2459cfb3-83c3-41af-a4a0-462572d6e99b',
        program: null,
        isInference: false,
      },
      {
        provider: 'Windows Error Reporting',
        eventId: 1001,
        kind: 'error-report',
        eventName: 'APPCRASH',
        bucket: '1197611272464088796',
        bucketType: '1',
        response: 'Not available',
        cabId: '0',
        signature: [
          'aw-qt.exe',
          '0.0.0.0',
          '5b8e9a15',
          'python35.dll',
          '3.5.4150.1013',
          '59891ce1',
          'c0000005',
          '000c3397',
          '',
          '',
        ],
        appName: 'aw-qt.exe',
        moduleName: 'python35.dll',
        exceptionCode: '0xc0000005',
        liveKernelCode: null,
        program: null,
      },
    ]);
  });

  it('issue-openshell-2025-nvlddmkm-153.txt: nvlddmkm 153 rendered without its message file', () => {
    expect(pasted(fixture('issue-openshell-2025-nvlddmkm-153.txt'))).toEqual({
      format: 'message',
      events: [
        {
          provider: 'nvlddmkm',
          eventId: 153,
          recordId: null,
          time: null,
          localTime: null,
          channel: null,
          computer: null,
          level: null,
          kind: 'nvidia-driver-error',
          device: '\\Device\\Video3',
          detail: 'Error occurred on GPUID: 100',
        },
      ],
    });
  });

  it('atc-wer-1001-eventviewer-copy.txt: Event Viewer XML view with "- " fold markers and unnamed Data', () => {
    const { format, events } = pasted(fixture('atc-wer-1001-eventviewer-copy.txt'));
    expect(format).toBe('event-xml');
    expect(events).toEqual([
      {
        provider: 'Windows Error Reporting',
        eventId: 1001,
        recordId: 11279,
        time: '2019-01-08T14:01:18.909425000Z',
        localTime: null,
        channel: 'Application',
        computer: 'WD00000.eu.windows.com',
        level: 4,
        kind: 'error-report',
        eventName: 'StoreAgentScanForUpdatesFailure0',
        bucket: '2005798148961969216',
        bucketType: '5',
        response: 'Not available',
        cabId: '0',
        signature: ['Update;', '8024402c', '16299', '847', 'Windows.Desktop', '', '', '', '', ''],
        appName: null,
        moduleName: null,
        exceptionCode: null,
        liveKernelCode: null,
        reportId: '0885fc8a-5383-4c50-b209-7c570832b8bf',
        program: null,
        isInference: false,
      },
    ]);
  });

  it('issue-windows-driver-docs-1815-kernel-power-41-partial.xml: a System/EventData fragment cut after Checkpoint', () => {
    expect(pasted(fixture('issue-windows-driver-docs-1815-kernel-power-41-partial.xml'))).toEqual({
      format: 'event-xml-fragment',
      events: [
        {
          provider: 'Microsoft-Windows-Kernel-Power',
          eventId: 41,
          recordId: 4730,
          time: '2019-10-15T01:14:02.498048100Z',
          localTime: null,
          channel: 'System',
          computer: 'DESKTOP-G8IIL19',
          level: 1,
          kind: 'unexpected-reboot',
          bugcheckCode: 26,
          bugcheck: '0x1a',
          bugcheckParameters: ['0x3470', '0xffffa603e09df000', '0xa6e9fbc8a2515bb0', '0xa669fbc8a2515bb0'],
          sleepInProgress: false,
          powerButtonPressed: false,
          checkpoint: 0,
        },
      ],
    });
  });

  it('reads the wevtutil-layout samples too, e.g. the DataDog Windows Update event', () => {
    expect(pasted(fixture('datadog-wu-19-security-intelligence.xml')).events).toMatchObject([
      { recordId: 1868, kind: 'windows-update', kb: 'KB2267602', updateKind: 'defender-definitions' },
    ]);
  });

  it('reads CRLF line ends and a BOM like LF text', () => {
    const text = `\uFEFF${fixture('issue-pywin32-2155-application-error-1000-python.txt').replace(/\n/g, '\r\n')}`;
    expect(pasted(text).events[0]).toMatchObject({
      appName: 'python.exe',
      exceptionCode: '0xc0000005',
      localTime: '2/10/2024 8:29:48 AM',
    });
  });
});

describe('parseEventText on bare messages', () => {
  it('recognises the Display 4101 message docs/windows-events.md quotes', () => {
    expect(
      pasted('Display driver nvlddmkm stopped responding and has successfully recovered.'),
    ).toMatchObject({
      format: 'message',
      events: [
        {
          provider: 'Display',
          eventId: 4101,
          kind: 'display-driver-reset',
          driver: 'nvlddmkm',
          isNvidia: true,
        },
      ],
    });
  });

  it('recognises a bare Application Error message (the pywin32 description alone)', () => {
    const text = fixture('issue-pywin32-2155-application-error-1000-python.txt');
    const description = text.slice(text.indexOf('Faulting application name'));
    expect(pasted(description)).toMatchObject({
      format: 'message',
      events: [{ provider: 'Application Error', eventId: 1000, appName: 'python.exe', program: 'python' }],
    });
  });

  it('recognises a bare WER report (the ActivityWatch 1001 text alone)', () => {
    const text = fixture('issue-activitywatch-256-application-error-1000-and-wer-1001.txt');
    const report = text.slice(text.indexOf('Fault bucket'));
    expect(pasted(report).events).toMatchObject([
      { kind: 'error-report', eventName: 'APPCRASH', appName: 'aw-qt.exe' },
    ]);
  });

  it('calls empty text and text without an event unreadable', () => {
    for (const text of [
      '',
      '  \n',
      'My GPU is slow, please help',
      '<html>nothing</html>',
      '<EventID>12</EventID>',
    ]) {
      const result = parseEventText(text, 'eventlog-paste');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.unreadable.probe).toBe('eventlog-paste');
    }
  });

  it('never throws for any string', () => {
    const pieces = [
      'Log Name: Application\n',
      'Source: Application Error\n',
      'Event ID: 1000\n',
      'Description:\n',
      '**Event 1001, Windows Error Reporting**\n',
      'Faulting application name: a.exe, version: 1, time stamp: 0x1\n',
      'Fault bucket 1, type 1\n',
      'Event Name: BEX64\n',
      'P7: ',
      'The description for Event ID 13 from source nvlddmkm cannot be found.\n',
      'The following information was included with the event:\n',
      '<Provider Name="X"/>',
      '<EventID>',
      '</EventID>',
      '<Event>',
      '```\n',
      '\n',
      ':',
      'x',
    ];
    const textish = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), textish), (text) => {
        const result = parseEventText(text);
        if (result.ok) expect(result.value.events.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('message readers', () => {
  it('return null for text that is not their message', () => {
    expect(applicationErrorData('Exception code: 0xc0000005')).toBeNull();
    expect(errorReportData('P1: x')).toBeNull();
    expect(missingDescriptionData('nothing')).toBeNull();
    expect(recognizeMessage('hello')).toBeNull();
  });

  it('read the Kernel-Power 41 message as an unexpected reboot', () => {
    expect(
      recognizeMessage(
        'The system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly.',
      ),
    ).toEqual({ provider: 'Microsoft-Windows-Kernel-Power', eventId: 41, data: {} });
  });
});
