import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METRICS_CSV_COLUMNS } from './metrics-sampler';
import { switchableCsvLog } from './switchable-csv-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-csv-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('switchableCsvLog', () => {
  it('writes rows only while it is on, so turning it on in Settings takes effect at the next sample', async () => {
    const path = join(dir, 'metrics', 'samples.csv');
    let on = false;
    const log = switchableCsvLog(path, () => on);
    const row = (time: string) => [time, ...METRICS_CSV_COLUMNS.map(() => 1)];
    await log.append(row('t1'));
    expect(existsSync(path)).toBe(false);
    on = true;
    await log.append(row('t2'));
    on = false;
    await log.append(row('t3'));
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toEqual([['time', ...METRICS_CSV_COLUMNS].join(','), row('t2').join(',')]);
  });
});
