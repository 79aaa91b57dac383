import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyBaseline } from '@headroom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBaselineLog } from './baseline-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-baselines-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const baseline = (verifiedAt: string, hostDriver: string | null = '566.36'): VerifyBaseline => ({
  configHash: 'a'.repeat(64),
  hostDriver,
  wslVersion: '2.3.26.0',
  kernel: '5.15.167.4-1',
  gpu: 'NVIDIA GeForce RTX 4090',
  verifiedAt,
});

describe('the baseline log', () => {
  it('has no baseline before the first verification', async () => {
    const log = openBaselineLog(join(dir, 'sub', 'baselines.json'));
    expect(await log.latest()).toBeUndefined();
  });

  it('gives back the newest baseline first, across reopening', async () => {
    const path = join(dir, 'sub', 'baselines.json');
    await openBaselineLog(path).record(baseline('2026-11-20T10:00:00.000Z', '560.94'));
    await openBaselineLog(path).record(baseline('2026-11-21T10:00:00.000Z'));
    const log = openBaselineLog(path);
    expect((await log.latest())?.hostDriver).toBe('566.36');
    expect((await log.list()).map((b) => b.verifiedAt)).toEqual([
      '2026-11-21T10:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
    ]);
  });

  it('keeps only the newest entries beyond its cap', async () => {
    const log = openBaselineLog(join(dir, 'baselines.json'), 2);
    for (const day of ['18', '19', '20']) await log.record(baseline(`2026-11-${day}T10:00:00.000Z`));
    expect((await log.list()).map((b) => b.verifiedAt.slice(8, 10))).toEqual(['20', '19']);
  });

  it('reads a damaged file as empty and replaces it on the next record', async () => {
    const path = join(dir, 'baselines.json');
    writeFileSync(path, '{"baselines": [ {"configHash": 3}');
    const log = openBaselineLog(path);
    expect(await log.list()).toEqual([]);
    await log.record(baseline('2026-11-21T10:00:00.000Z', null));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ baselines: [{ hostDriver: null }] });
  });
});
