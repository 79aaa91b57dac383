import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLdconfigNvml } from './ldconfig';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'distro-libnvidia-ml';

describe('parseLdconfigNvml', () => {
  it('finds a second libnvidia-ml.so.1 outside /usr/lib/wsl/lib (Syllo/nvtop PR 441)', () => {
    expect(parseLdconfigNvml(fixture('wsl/nvtop-pr441__ldconfig-libnvidia-ml-wsl.txt'), PROBE)).toEqual({
      ok: true,
      value: {
        entries: [
          { soname: 'libnvidia-ml.so.1', abi: 'libc6,x86-64', path: '/usr/lib/wsl/lib/libnvidia-ml.so.1' },
          { soname: 'libnvidia-ml.so.1', abi: 'libc6,x86-64', path: '/usr/lib/libnvidia-ml.so.1' },
          { soname: 'libnvidia-ml.so', abi: 'libc6,x86-64', path: '/usr/lib/libnvidia-ml.so' },
        ],
        wslLibraryCached: true,
        otherCopies: ['/usr/lib/libnvidia-ml.so.1'],
      },
    });
  });

  it('reads a whole ldconfig -p with only the WSL library, and one without any', () => {
    const whole = [
      "1234 libs found in cache `/etc/ld.so.cache'",
      '\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1',
      '\tlibnvidia-ml.so.1 (libc6,x86-64) => /usr/lib/wsl/lib/libnvidia-ml.so.1',
      '',
    ].join('\n');
    expect(parseLdconfigNvml(whole, PROBE)).toMatchObject({
      ok: true,
      value: { wslLibraryCached: true, otherCopies: [] },
    });
    expect(parseLdconfigNvml("12 libs found in cache `/etc/ld.so.cache'\n", PROBE)).toMatchObject({
      ok: true,
      value: { entries: [], wslLibraryCached: false, otherCopies: [] },
    });
  });

  it('returns unreadable naming the probe for empty, cut or foreign output', () => {
    const text = fixture('wsl/nvtop-pr441__ldconfig-libnvidia-ml-wsl.txt');
    for (const cut of ['', text.slice(0, text.length - 3), 'bash: ldconfig: command not found\n']) {
      expect(parseLdconfigNvml(cut, PROBE)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
    }
  });
});
