import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWindowsEvents } from './typed-events';

/**
 * Every sample in testdata/eventlog gives typed events, none of them `other`. The fact-by-fact assertions for each
 * file are in typed-events.test.ts; this test makes sure a sample added later is not forgotten.
 */
const dir = new URL('../testdata/eventlog/', import.meta.url);
const samples = readdirSync(dir).filter((name) => name !== 'MANIFEST.md');
/** A fragment with no <Event> element: xml-events.test.ts shows it is not read. */
const PARTIAL = 'issue-windows-driver-docs-1815-kernel-power-41-partial.xml';

describe('the event log samples', () => {
  it('are all here, and each is listed in MANIFEST.md', () => {
    expect(samples).toHaveLength(15);
    const manifest = readFileSync(new URL('MANIFEST.md', dir), 'utf8');
    for (const name of samples) expect(manifest, name).toContain(name);
  });

  it.each(samples.filter((name) => name !== PARTIAL))('%s gives typed events', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const result = parseWindowsEvents(text, 'eventlog-system');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.events.length).toBeGreaterThan(0);
    for (const event of result.value.events)
      expect(event.kind, `${event.provider} ${event.eventId}`).not.toBe('other');
  });
});
