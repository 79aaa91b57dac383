import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURE_FORMAT, type Capture } from '@headroom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaptureFormatError, readCapture, writeCapture } from './capture-folder';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-capture-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const utf16 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));

const capture: Capture = {
  format: CAPTURE_FORMAT,
  createdAt: '2026-11-21T12:00:00.000Z',
  host: {
    totalMemoryBytes: 68719476736,
    logicalProcessors: 16,
    windowsBuild: 26100,
    userProfile: 'C:\\Users\\ana',
  },
  probes: [
    {
      id: 'wsl-list-verbose',
      argv: ['wsl.exe', '--list', '--verbose'],
      exitCode: 0,
      durationMs: 143,
      timedOut: false,
      stdout: utf16('  NAME            STATE           VERSION\r\n* Ubuntu-24.04    Running         2\r\n'),
      stderr: new Uint8Array(),
    },
    {
      id: 'host-nvidia-smi',
      argv: ['nvidia-smi.exe'],
      exitCode: null,
      durationMs: 0,
      timedOut: false,
      stdout: new Uint8Array(),
      stderr: new Uint8Array(),
      error: 'not-found',
    },
  ],
  wslconfig: new Uint8Array(Buffer.from('\uFEFF[wsl2]\r\nmemory=16GB\r\n')),
};

describe('capture folders (docs/architecture.md "Capture format")', () => {
  it('writes capture.json, raw <id>.stdout/.stderr and wslconfig, and reads back the same capture byte for byte', async () => {
    await writeCapture(dir, capture);
    const json = JSON.parse(readFileSync(join(dir, 'capture.json'), 'utf8')) as Record<string, unknown>;
    expect(json).toEqual({
      format: 'headroom-capture/1',
      createdAt: '2026-11-21T12:00:00.000Z',
      host: capture.host,
      probes: [
        {
          id: 'wsl-list-verbose',
          argv: ['wsl.exe', '--list', '--verbose'],
          exitCode: 0,
          durationMs: 143,
          timedOut: false,
          stdout: 'wsl-list-verbose.stdout',
          stderr: 'wsl-list-verbose.stderr',
        },
        {
          id: 'host-nvidia-smi',
          argv: ['nvidia-smi.exe'],
          exitCode: null,
          durationMs: 0,
          timedOut: false,
          stdout: 'host-nvidia-smi.stdout',
          stderr: 'host-nvidia-smi.stderr',
          error: 'not-found',
        },
      ],
      files: { wslconfig: 'wslconfig' },
    });
    expect(new Uint8Array(readFileSync(join(dir, 'wsl-list-verbose.stdout')))).toEqual(
      capture.probes[0]?.stdout,
    );
    expect(await readCapture(dir)).toEqual(capture);
  });

  it('reads a hand-written capture: missing output files are empty, a missing exit code is null', async () => {
    writeFileSync(
      join(dir, 'capture.json'),
      JSON.stringify({
        format: 'headroom-capture/1',
        createdAt: '2026-11-21T12:00:00Z',
        host: {},
        probes: [{ id: 'wsl-status', argv: ['wsl.exe', '--status'], stdout: 'wsl-status.stdout' }],
        files: {},
      }),
    );
    writeFileSync(join(dir, 'wsl-status.stdout'), 'Default Distribution: Ubuntu\r\nDefault Version: 2\r\n');
    const read = await readCapture(dir);
    expect(read.probes).toEqual([
      {
        id: 'wsl-status',
        argv: ['wsl.exe', '--status'],
        exitCode: null,
        durationMs: 0,
        timedOut: false,
        stdout: new Uint8Array(Buffer.from('Default Distribution: Ubuntu\r\nDefault Version: 2\r\n')),
        stderr: new Uint8Array(),
      },
    ]);
    expect(read.wslconfig).toBeUndefined();
  });

  it('says plainly when a folder is not a capture, or names files outside it', async () => {
    await expect(readCapture(dir)).rejects.toThrow(/has no capture.json: it is not a Headroom capture/);
    writeFileSync(join(dir, 'capture.json'), JSON.stringify({ format: 'something-else/2' }));
    await expect(readCapture(dir)).rejects.toBeInstanceOf(CaptureFormatError);
    writeFileSync(
      join(dir, 'capture.json'),
      JSON.stringify({
        format: 'headroom-capture/1',
        probes: [{ id: 'x', argv: [], stdout: '../../etc/passwd' }],
      }),
    );
    await expect(readCapture(dir)).rejects.toThrow(/not a file of the capture folder/);
  });

  it('names the wrong field of a malformed capture.json instead of a JavaScript message, and refuses probes: {}', async () => {
    const cases: [unknown, RegExp][] = [
      [null, /"format" is wrong|the document is wrong/],
      [{ format: CAPTURE_FORMAT, probes: {} }, /"probes" is wrong/],
      [{ format: CAPTURE_FORMAT }, /"probes" is wrong/],
      [{ format: CAPTURE_FORMAT, probes: [], files: { wslconfig: 42 } }, /"files.wslconfig" is wrong/],
      [
        { format: CAPTURE_FORMAT, probes: [], host: { totalMemoryBytes: 'lots' } },
        /"host.totalMemoryBytes" is wrong/,
      ],
      [{ format: CAPTURE_FORMAT, probes: [{ id: 'x', argv: 'wsl.exe' }] }, /"probes\[0\].argv" is wrong/],
      [
        { format: CAPTURE_FORMAT, probes: [{ id: 'x', argv: [], exitCode: 'zero' }] },
        /"probes\[0\].exitCode" is wrong/,
      ],
      [[], /the document is wrong|"format" is wrong/],
    ];
    for (const [json, message] of cases) {
      writeFileSync(join(dir, 'capture.json'), JSON.stringify(json));
      const error = await readCapture(dir).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, JSON.stringify(json)).toBeInstanceOf(CaptureFormatError);
      expect((error as Error).message, JSON.stringify(json)).toMatch(message);
    }
  });

  it('says which path is a folder instead of a bare EISDIR', async () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(
      join(dir, 'capture.json'),
      JSON.stringify({ format: CAPTURE_FORMAT, probes: [{ id: 'x', argv: [], stdout: 'out' }] }),
    );
    await expect(readCapture(dir)).rejects.toThrow(/"out", which is a folder/);
    rmSync(join(dir, 'capture.json'));
    mkdirSync(join(dir, 'capture.json'));
    await expect(readCapture(dir)).rejects.toThrow(/has a folder named capture.json/);
  });
});
