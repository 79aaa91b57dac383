import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeminfo } from './meminfo';

const meminfo = readFileSync(new URL('../testdata/distro/meminfo-wsl2-16g.txt', import.meta.url), 'utf8');

describe('parseMeminfo', () => {
  it('reads total and available memory and swap in KiB from a WSL2 VM', () => {
    expect(parseMeminfo(meminfo)).toEqual({
      ok: true,
      value: {
        memTotalKiB: 16318200,
        memAvailableKiB: 15012880,
        swapTotalKiB: 4194304,
        swapFreeKiB: 4194304,
      },
    });
  });

  it('reads CRLF text and a VM without swap', () => {
    const text = 'MemTotal: 8000000 kB\r\nMemAvailable: 7000000 kB\r\nSwapTotal: 0 kB\r\nSwapFree: 0 kB\r\n';
    const result = parseMeminfo(text);
    expect(result.ok && result.value.swapTotalKiB).toBe(0);
  });

  it('is unreadable, naming what is missing, when the output was cut short', () => {
    const result = parseMeminfo(meminfo.slice(0, meminfo.indexOf('SwapTotal')));
    expect(result).toMatchObject({
      ok: false,
      unreadable: { probe: 'distro-meminfo', reason: 'SwapTotal, SwapFree missing' },
    });
  });

  it('is unreadable for an error message or nothing', () => {
    expect(parseMeminfo('cat: /proc/meminfo: No such file or directory\n').ok).toBe(false);
    expect(parseMeminfo('').ok).toBe(false);
  });
});
