import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileLog, streamLog } from './file-log';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-log-'));
  dirs.push(dir);
  return dir;
}

const at = (): Date => new Date('2026-11-21T12:00:00.000Z');

describe('openFileLog', () => {
  it('writes timestamped lines with the level, what was being done and the error', async () => {
    const path = join(folder(), 'logs', 'headroom.log');
    const log = openFileLog({ path, clock: at });
    log.warn('reading the distros for the watch', new Error('wsl.exe timed out\nafter 10 s'));
    log.debug('left out below info');
    log.info('started');
    await log.flush();
    expect(readFileSync(path, 'utf8')).toBe(
      '2026-11-21T12:00:00.000Z WARN  reading the distros for the watch: Error: wsl.exe timed out ⏎ after 10 s\n' +
        '2026-11-21T12:00:00.000Z INFO  started\n',
    );
  });

  it('keeps the file under its cap and one older file, headroom.log.1', async () => {
    const path = join(folder(), 'headroom.log');
    const log = openFileLog({ path, maxBytes: 300, clock: at });
    for (let index = 0; index < 40; index += 1) log.error(`failure number ${index}`);
    await log.flush();
    expect(statSync(path).size).toBeLessThanOrEqual(300);
    expect(statSync(`${path}.1`).size).toBeLessThanOrEqual(300);
    expect(readFileSync(path, 'utf8')).toContain('failure number 39');
  });

  it('never throws or rejects when the file cannot be written, and writes again once it can', async () => {
    const dir = folder();
    const blocker = join(dir, 'logs');
    writeFileSync(blocker, 'a file where the folder should be');
    const log = openFileLog({ path: join(blocker, 'headroom.log'), clock: at });
    expect(() => log.error('lost')).not.toThrow();
    await expect(log.flush()).resolves.toBeUndefined();
    rmSync(blocker);
    log.error('kept');
    await log.flush();
    expect(readFileSync(join(blocker, 'headroom.log'), 'utf8')).toContain('ERROR kept');
  });
});

describe('streamLog', () => {
  it('writes each line to the stream, prefixed as the CLI prints', () => {
    let text = '';
    const log = streamLog({ write: (chunk: string) => (text += chunk) }, 'info');
    log.debug('not shown');
    log.warn('checking the light in the background', new Error('boom'));
    expect(text).toBe('headroom: warn: checking the light in the background: Error: boom\n');
  });
});
