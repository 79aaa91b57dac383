import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRO_PROBE_IDS } from '../probe/probe-ids';
import { splitDistroProbeOutput } from './batch';
import { readDistroFacts } from './facts';
import { parseLibcuda } from './libcuda';
import { parseMeminfo } from './meminfo';
import { findMountFor, parseMounts } from './mounts';
import { parseNproc } from './nproc';
import { parseNvidiaPackages } from './nvidia-packages';
import { parseOsRelease } from './os-release';
import { parseUname } from './uname';
import { parseWslConf } from './wsl-conf';

/** Text built from the pieces probe outputs are made of, so the properties reach the parsers' corners. */
const probeText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...DISTRO_PROBE_IDS.map((id) => `@@headroom-probe ${id} `),
        'begin@@',
        'stderr@@',
        'end exit=',
        'end exit=0@@',
        '@@headroom-probe',
        'MemTotal:',
        'SwapFree:',
        ' kB',
        '99999999999999999999',
        'manager dpkg',
        'ii |nvidia-driver-550|550.120',
        'file /usr/lib/wsl/lib/libcuda.so.1',
        'link /x -> ',
        'ldconfig',
        '\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/wsl/lib/libcuda.so.1',
        'C:\\134 /mnt/c 9p rw,aname=drvfs;path=C:\\ 0 0',
        '\\0',
        '\\777',
        'ID=',
        '"',
        "'",
        '\\',
        '[boot]',
        'systemd=true',
        '5.15.167.4-microsoft-standard-WSL2',
        '__proto__',
        ' ',
        '\n',
        '\r\n',
      ),
      fc.string(),
      fc.integer().map(String),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('no input makes a distro parser throw', () => {
  it('every parser returns a result for any text', () => {
    fc.assert(
      fc.property(fc.oneof(probeText, fc.string()), (text) => {
        for (const result of [
          parseMeminfo(text),
          parseNproc(text),
          parseUname(text),
          parseOsRelease(text),
          parseLibcuda(text),
          parseNvidiaPackages(text),
          parseWslConf(text),
          parseWslConf(text, 1),
          parseMounts(text),
          splitDistroProbeOutput(text),
        ]) {
          expect(typeof result.ok).toBe('boolean');
        }
        const mounts = parseMounts(text);
        if (mounts.ok) findMountFor(mounts.value, text);
      }),
      { numRuns: 500 },
    );
  });

  it('splitting and reading every block never throws, and a split block reads back its own text', () => {
    fc.assert(
      fc.property(probeText, (text) => {
        const split = splitDistroProbeOutput(text);
        if (!split.ok) return;
        readDistroFacts(split.value);
        for (const block of Object.values(split.value)) {
          expect(text).toContain(block.stdout);
          expect(text).toContain(block.stderr);
        }
      }),
      { numRuns: 500 },
    );
  });
});
