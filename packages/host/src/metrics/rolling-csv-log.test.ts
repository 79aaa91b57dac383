import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRollingCsvLog } from './rolling-csv-log';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function logPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-csv-'));
  dirs.push(dir);
  return join(dir, 'logs', 'samples.csv');
}

describe('openRollingCsvLog', () => {
  it('writes the header once, then one row per sample, quoting what CSV needs quoted', async () => {
    const path = logPath();
    const log = openRollingCsvLog({ path, header: ['time', 'gpu'], maxBytes: 10_000 });
    await log.append(['2026-11-21T12:00:00.000Z', 6144]);
    await log.append(['2026-11-21T12:00:01.000Z', null]);
    await log.append(['a "quoted", value', 1]);
    expect(readFileSync(path, 'utf8')).toBe(
      'time,gpu\n2026-11-21T12:00:00.000Z,6144\n2026-11-21T12:00:01.000Z,\n"a ""quoted"", value",1\n',
    );
  });

  it('keeps logging after a write fails', async () => {
    const path = logPath();
    const blocker = join(path, '..');
    writeFileSync(blocker, 'a file where the folder should be');
    const log = openRollingCsvLog({ path, header: ['time'], maxBytes: 1_000 });
    await expect(log.append(['first'])).rejects.toThrow();
    rmSync(blocker);
    await log.append(['second']);
    expect(readFileSync(path, 'utf8')).toBe('time\nsecond\n');
  });

  it('never lets a file pass its cap: a full file becomes .1 and a new one starts with the header', async () => {
    const path = logPath();
    const log = openRollingCsvLog({ path, header: ['time', 'value'], maxBytes: 200 });
    await Promise.all(
      Array.from({ length: 50 }, (_, index) => log.append([`2026-11-21T12:00:${index}Z`, index])),
    );
    expect(statSync(path).size).toBeLessThanOrEqual(200);
    expect(statSync(`${path}.1`).size).toBeLessThanOrEqual(200);
    const newest = readFileSync(path, 'utf8').split('\n');
    expect(newest[0]).toBe('time,value');
    expect(newest.at(-2)).toBe('2026-11-21T12:00:49Z,49');
  });
});
