import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { CAPTURE_FORMAT, type Capture } from '@headroom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCapture } from './capture-folder';
import { writeSupportBundle } from './support-bundle';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-bundle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const utf16 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));

const capture: Capture = {
  format: CAPTURE_FORMAT,
  createdAt: '2026-12-06T00:00:00.000Z',
  host: { totalMemoryBytes: 68_719_476_736, logicalProcessors: 16, userProfile: 'C:\\Users\\ana' },
  probes: [
    {
      id: 'wsl-list-verbose',
      argv: ['wsl.exe', '--list', '--verbose'],
      exitCode: 0,
      durationMs: 143,
      timedOut: false,
      stdout: utf16('  NAME            STATE           VERSION\r\n* Ubuntu-24.04    Running         2\r\n'),
      stderr: utf16("wsl: Unknown key 'wsl2.foo' in C:\\Users\\ana\\.wslconfig:3\r\n"),
    },
  ],
  wslconfig: new Uint8Array(Buffer.from('[wsl2]\r\nswapFile=C:\\\\Users\\\\ana\\\\swap.vhdx\r\n')),
};
const identity = { userName: 'ana', home: 'C:\\Users\\ana', machineName: 'ANA-PC' };

function writeLog(): string {
  mkdirSync(join(dir, 'logs'));
  const log = join(dir, 'logs', 'headroom.log');
  writeFileSync(log, 'WARN  reading C:\\Users\\ana\\.wslconfig on ANA-PC: EBUSY\n');
  return log;
}

describe('writeSupportBundle', () => {
  it('zips the redacted capture at the top and the redacted log under logs/, readable as a capture again', async () => {
    const log = writeLog();
    const bundle = await writeSupportBundle({
      capture,
      logFiles: [log, `${log}.1`],
      redact: identity,
      dir: join(dir, 'out'),
      now: new Date('2026-12-06T00:41:02.123Z'),
    });
    expect(bundle.path).toBe(join(dir, 'out', 'headroom-support-2026-12-06T00-41-02.zip'));
    expect(readdirSync(join(dir, 'out'))).toEqual(['headroom-support-2026-12-06T00-41-02.zip']);
    const entries = unzipSync(new Uint8Array(readFileSync(bundle.path)));
    expect(Object.keys(entries).sort()).toEqual([
      'capture.json',
      'logs/headroom.log',
      'wsl-list-verbose.stderr',
      'wsl-list-verbose.stdout',
      'wslconfig',
    ]);
    const everything = Object.entries(entries)
      .map(([name, bytes]) =>
        name.endsWith('.stderr') ? Buffer.from(bytes).toString('utf16le') : strFromU8(bytes),
      )
      .join('\n');
    expect(everything).not.toMatch(/ana\b|ANA-PC/i);
    expect(strFromU8(entries['logs/headroom.log'] ?? new Uint8Array())).toBe(
      'WARN  reading C:\\Users\\[user]\\.wslconfig on [machine]: EBUSY\n',
    );

    const unzipped = join(dir, 'unzipped');
    mkdirSync(unzipped);
    for (const [name, bytes] of Object.entries(entries))
      if (!name.includes('/')) writeFileSync(join(unzipped, name), bytes);
    const read = await readCapture(unzipped);
    expect(read.host.userProfile).toBe('C:\\Users\\[user]');
    expect(read.probes[0]?.stdout).toEqual(capture.probes[0]?.stdout);
  });

  it('keeps every byte as it was when redaction is turned off', async () => {
    const bundle = await writeSupportBundle({
      capture,
      logFiles: [writeLog()],
      dir,
      now: new Date('2026-12-06T00:41:02Z'),
    });
    expect(bundle.redacted).toBe(false);
    const entries = unzipSync(new Uint8Array(readFileSync(bundle.path)));
    expect(entries.wslconfig).toEqual(capture.wslconfig);
    expect(strFromU8(entries['capture.json'] ?? new Uint8Array())).toContain('C:\\\\Users\\\\ana');
  });
});
