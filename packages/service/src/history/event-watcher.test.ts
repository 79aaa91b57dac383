import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimelineEntry } from '@headroom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventWatcher } from './event-watcher';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const entry = (id: string, title: string): TimelineEntry => ({
  id,
  time: '2026-11-20T03:04:11.000Z',
  kind: 'windows-update',
  title,
  detail: '',
});

describe('createEventWatcher', () => {
  it('tells each new event once, and its bookmark survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-events-'));
    dirs.push(dir);
    const file = join(dir, 'events.json');
    const old = entry('System:100', 'Windows Update KB5044284 installed');
    const update = entry('System:200', 'Windows Update KB5046617 installed');

    const first = createEventWatcher(file);
    expect(await first.observe([old])).toEqual([]);
    expect(await first.observe([update, old])).toEqual([update]);
    expect(await first.observe([update, old])).toEqual([]);

    const afterRestart = createEventWatcher(file);
    expect(await afterRestart.observe([update, old])).toEqual([]);
    const driver = {
      ...entry('System:300', 'Display driver installed: 32.0.15.6636'),
      kind: 'driver-change' as const,
    };
    expect(await afterRestart.observe([driver, update, old])).toEqual([driver]);
  });
});
