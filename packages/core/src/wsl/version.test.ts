import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/capture';
import { parseWslStatus, parseWslWarnings } from './status';
import { compareVersions, parseWslVersion } from './version';

const zhCn = readFileSync(
  new URL('../testdata/wsl/wsl-version.zh-CN.issue9640.txt', import.meta.url),
  'utf8',
);
const english = [
  'WSL version: 2.3.26.0',
  'Kernel version: 5.15.167.4-1',
  'WSLg version: 1.0.65',
  'MSRDC version: 1.2.5620',
  'Direct3D version: 1.611.1-81528511',
  'DXCore version: 10.0.26100.1-240331-1435.ge-release',
  'Windows version: 10.0.26100.2314',
  '',
].join('\n');

describe('parseWslVersion', () => {
  it('reads the translated zh-CN output with full-width colons by line order', () => {
    expect(parseWslVersion(zhCn, 0)).toEqual({
      ok: true,
      value: {
        kind: 'store',
        versions: {
          wsl: '1.0.3.0',
          kernel: '5.15.79.1',
          wslg: '1.0.47',
          msrdc: '1.2.3575',
          direct3d: '1.606.4',
          dxcore: '10.0.25131.1002-220531-1700.rs-onecore-base2-hyp',
          windows: '10.0.22621.1105',
          windowsBuild: 22621,
        },
      },
    });
  });

  it('reads the English output, with the Windows build', () => {
    const result = parseWslVersion(english, 0);
    expect(result.ok && result.value.kind === 'store' ? result.value.versions : undefined).toMatchObject({
      wsl: '2.3.26.0',
      kernel: '5.15.167.4-1',
      windowsBuild: 26100,
    });
  });

  it('does not take a failing Store WSL (Wsl/Service/E_UNEXPECTED, exit 0xffffffff) for the inbox wsl.exe', () => {
    const result = parseWslVersion(fixture('wsl/wsl.e-unexpected.issue13159.txt'), 4294967295);
    expect(result).toMatchObject({
      ok: false,
      unreadable: { reason: 'wsl --version failed (Wsl/Service/E_UNEXPECTED)' },
    });
  });

  it('recognises the inbox wsl.exe that does not know --version', () => {
    expect(
      parseWslVersion(
        'Copyright (c) Microsoft Corporation. All rights reserved.\n\nUsage: wsl.exe [Argument]\n',
        4294967295 - 2 ** 32,
      ),
    ).toEqual({
      ok: true,
      value: { kind: 'inbox' },
    });
  });

  it('returns unreadable, naming the probe, for garbage and truncated output', () => {
    expect(parseWslVersion('<html>oops</html>', 0)).toMatchObject({
      ok: false,
      unreadable: { probe: 'wsl-version' },
    });
    expect(parseWslVersion('WSL version: 2.3.26.0\n', 0)).toMatchObject({ ok: false });
    expect(parseWslVersion('', 0)).toMatchObject({ ok: false });
  });
});

describe('compareVersions', () => {
  it('orders dotted versions numerically', () => {
    expect(compareVersions('5.15.133.1', '5.15.153.1')).toBe(-1);
    expect(compareVersions('6.6.87.2-1', '5.15.167.4-1')).toBe(1);
    expect(compareVersions('2.3.26.0', '2.3.26')).toBe(0);
  });
});

describe('parseWslStatus and parseWslWarnings', () => {
  it('reads the default distro and version by line order, whatever the language', () => {
    expect(parseWslStatus('Default Distribution: Ubuntu-24.04\nDefault Version: 2\n')).toEqual({
      ok: true,
      value: { defaultDistro: 'Ubuntu-24.04', defaultVersion: 2, notes: [] },
    });
    expect(parseWslStatus('Standarddistribution: Ubuntu\nStandardversion: 2\n')).toMatchObject({
      value: { defaultDistro: 'Ubuntu' },
    });
  });

  it('keeps the wsl: warnings WSL prints at boot', () => {
    const stderr =
      "wsl: Invalid memory string '8gb' for .wslconfig entry 'wsl2.memory' in C:\\Users\\ana\\.wslconfig:2\nother\n";
    expect(parseWslWarnings(stderr)).toEqual([
      "Invalid memory string '8gb' for .wslconfig entry 'wsl2.memory' in C:\\Users\\ana\\.wslconfig:2",
    ]);
  });
});
