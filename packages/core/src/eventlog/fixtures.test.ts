import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEventText } from './text-events';
import { parseWindowsEvents } from './typed-events';

/**
 * Every sample in testdata/eventlog is read by a parser and gives typed events, none of them `other`. The
 * fact-by-fact assertions for each file are in typed-events.test.ts (wevtutil layout) and text-events.test.ts
 * (pastes); this test makes sure a sample added later is not forgotten.
 */
const dir = new URL('../testdata/eventlog/', import.meta.url);
const samples = readdirSync(dir).filter((name) => name !== 'MANIFEST.md');
/** The pastes: Event Viewer copies, issue text and the partial XML fragment. */
const PASTES = new Set([
  'atc-wer-1001-eventviewer-copy.txt',
  'issue-activitywatch-256-application-error-1000-and-wer-1001.txt',
  'issue-openshell-2025-nvlddmkm-153.txt',
  'issue-pywin32-2155-application-error-1000-python.txt',
  'issue-windows-driver-docs-1815-kernel-power-41-partial.xml',
]);

describe('the event log samples', () => {
  it('are all here, and each is listed in MANIFEST.md', () => {
    expect(samples).toHaveLength(19);
    const manifest = readFileSync(new URL('MANIFEST.md', dir), 'utf8');
    for (const name of samples) expect(manifest, name).toContain(name);
  });

  it.each(samples)('%s gives typed events', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const result = PASTES.has(name) ? parseEventText(text) : parseWindowsEvents(text, 'eventlog-system');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.events.length).toBeGreaterThan(0);
    for (const event of result.value.events)
      expect(event.kind, `${event.provider} ${event.eventId}`).not.toBe('other');
  });
});
