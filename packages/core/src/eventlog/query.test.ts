import { describe, expect, it } from 'vitest';
import {
  buildEventQuery,
  buildEventXPath,
  buildStandardEventQuery,
  eventLogProbeId,
  highestRecordId,
  MAX_XPATH_EXPRESSIONS,
  STANDARD_EVENT_QUERIES,
  type StandardQueryName,
} from './query';

describe('buildEventQuery', () => {
  it('builds the incremental poll: provider, ids, bookmark, oldest first, capped', () => {
    expect(
      buildEventQuery({
        log: 'System',
        providers: ['Microsoft-Windows-WindowsUpdateClient'],
        eventIds: [19, 20],
        afterRecordId: 123,
        maxEvents: 500,
      }),
    ).toEqual([
      'qe',
      'System',
      "/q:*[System[Provider[@Name='Microsoft-Windows-WindowsUpdateClient'] and (EventID=19 or EventID=20) and EventRecordID>123]]",
      '/f:xml',
      '/rd:false',
      '/c:500',
    ]);
  });

  it('builds a first scan: several providers with spaces, one id, newest first, rendered, Unicode', () => {
    expect(
      buildEventQuery({
        log: 'Application',
        providers: ['Application Error', 'Windows Error Reporting'],
        eventIds: [1000],
        maxEvents: 20,
        newestFirst: true,
        rendered: true,
        unicode: true,
      }),
    ).toEqual([
      'qe',
      'Application',
      "/q:*[System[(Provider[@Name='Application Error'] or Provider[@Name='Windows Error Reporting']) and EventID=1000]]",
      '/f:RenderedXml',
      '/rd:true',
      '/c:20',
      '/uni:true',
    ]);
  });

  it('selects everything after the bookmark, or everything, when no provider or id is named', () => {
    expect(buildEventXPath({ providers: [], eventIds: [], afterRecordId: 0 })).toBe(
      '*[System[EventRecordID>0]]',
    );
    expect(buildEventQuery({ log: 'System', providers: [], eventIds: [] })).toEqual([
      'qe',
      'System',
      '/q:*',
      '/f:xml',
      '/rd:false',
      '/c:500',
    ]);
  });

  it('quotes a provider name holding an apostrophe with double quotes', () => {
    expect(buildEventXPath({ providers: ["O'Brien Service"], eventIds: [] })).toBe(
      `*[System[Provider[@Name="O'Brien Service"]]]`,
    );
  });

  it('refuses what wevtutil cannot take', () => {
    expect(() => buildEventXPath({ providers: [`a'"b`], eventIds: [] })).toThrow(RangeError);
    expect(() => buildEventXPath({ providers: [], eventIds: [1.5] })).toThrow(RangeError);
    expect(() => buildEventXPath({ providers: [], eventIds: [70000] })).toThrow(RangeError);
    expect(() => buildEventXPath({ providers: [], eventIds: [], afterRecordId: -1 })).toThrow(RangeError);
    expect(() => buildEventQuery({ log: 'System', providers: [], eventIds: [], maxEvents: 0 })).toThrow(
      RangeError,
    );
    const ids = Array.from({ length: MAX_XPATH_EXPRESSIONS + 1 }, (_, index) => index + 1);
    expect(() => buildEventXPath({ providers: [], eventIds: ids })).toThrow(/at most 20/);
    expect(() => buildEventXPath({ providers: [], eventIds: ids.slice(1) })).not.toThrow();
  });
});

describe('the standard queries', () => {
  it('build the exact argv Headroom polls with', () => {
    expect(buildStandardEventQuery('windows-update', { afterRecordId: 1868 })).toEqual([
      'qe',
      'System',
      "/q:*[System[Provider[@Name='Microsoft-Windows-WindowsUpdateClient'] and (EventID=19 or EventID=20 or EventID=43 or EventID=44) and EventRecordID>1868]]",
      '/f:xml',
      '/rd:false',
      '/c:500',
    ]);
    expect(buildStandardEventQuery('display-driver', { newestFirst: true, maxEvents: 50 })).toEqual([
      'qe',
      'System',
      "/q:*[System[(Provider[@Name='Microsoft-Windows-UserPnp'] or Provider[@Name='Display'] or Provider[@Name='nvlddmkm']) and (EventID=20001 or EventID=20003 or EventID=4101 or EventID=13 or EventID=14 or EventID=153)]]",
      '/f:xml',
      '/rd:true',
      '/c:50',
    ]);
    expect(buildStandardEventQuery('crashes', { afterRecordId: 11279 })).toEqual([
      'qe',
      'Application',
      "/q:*[System[(Provider[@Name='Application Error'] or Provider[@Name='Windows Error Reporting']) and (EventID=1000 or EventID=1001) and EventRecordID>11279]]",
      '/f:xml',
      '/rd:false',
      '/c:500',
    ]);
    expect(buildStandardEventQuery('power')).toEqual([
      'qe',
      'System',
      "/q:*[System[(Provider[@Name='Microsoft-Windows-Kernel-Power'] or Provider[@Name='Microsoft-Windows-Kernel-General'] or Provider[@Name='User32'] or Provider[@Name='EventLog']) and (EventID=41 or EventID=42 or EventID=109 or EventID=12 or EventID=13 or EventID=1074 or EventID=6005 or EventID=6006 or EventID=6008 or EventID=6009)]]",
      '/f:xml',
      '/rd:false',
      '/c:500',
    ]);
  });

  it('stay within the expression limit even with a bookmark, and name the probe of their log', () => {
    for (const name of Object.keys(STANDARD_EVENT_QUERIES) as StandardQueryName[]) {
      expect(() => buildStandardEventQuery(name, { afterRecordId: 1 })).not.toThrow();
      const query = STANDARD_EVENT_QUERIES[name];
      expect(query.probe).toBe(eventLogProbeId(query.log));
    }
    expect(eventLogProbeId('System')).toBe('eventlog-system');
    expect(eventLogProbeId('Application')).toBe('eventlog-application');
  });
});

describe('highestRecordId', () => {
  it('is the next bookmark, or null without events', () => {
    expect(highestRecordId([{ recordId: 3 }, { recordId: 59 }, { recordId: 2 }])).toBe(59);
    expect(highestRecordId([])).toBeNull();
  });
});
