import { describe, expect, it } from 'vitest';
import { compareKernelVersions, parseUname } from './uname';

describe('parseUname', () => {
  it('reads the WSL2 kernel release and its four version groups', () => {
    expect(parseUname('5.15.167.4-microsoft-standard-WSL2\n')).toEqual({
      ok: true,
      value: {
        release: '5.15.167.4-microsoft-standard-WSL2',
        version: [5, 15, 167, 4],
        microsoft: true,
        wsl1: false,
        suffix: '-microsoft-standard-WSL2',
      },
    });
  });

  it('tells the other shapes apart: 6.6 WSL2, an old WSL2 kernel, a custom build, WSL1, a plain Linux kernel', () => {
    const read = (text: string) => {
      const result = parseUname(text);
      if (!result.ok) throw new Error(result.unreadable.reason);
      return result.value;
    };
    expect(read('6.6.36.6-microsoft-standard-WSL2').version).toEqual([6, 6, 36, 6]);
    expect(read('4.19.128-microsoft-standard')).toMatchObject({
      version: [4, 19, 128],
      microsoft: true,
      wsl1: false,
    });
    expect(read('5.15.153.1-microsoft-standard-WSL2+').suffix).toBe('-microsoft-standard-WSL2+');
    expect(read('4.4.0-19041-Microsoft')).toMatchObject({ version: [4, 4, 0], microsoft: true, wsl1: true });
    expect(read('6.8.0-49-generic')).toMatchObject({ version: [6, 8, 0], microsoft: false });
  });

  it('is unreadable for an empty or garbage output', () => {
    expect(parseUname('').ok).toBe(false);
    expect(parseUname('uname: not found').ok).toBe(false);
  });
});

describe('compareKernelVersions', () => {
  it('compares group by group with missing groups as 0', () => {
    expect(compareKernelVersions([5, 15, 167, 4], [5, 15, 90, 1])).toBeGreaterThan(0);
    expect(compareKernelVersions([5, 10], [5, 15, 90])).toBeLessThan(0);
    expect(compareKernelVersions([6, 6], [6, 6, 0, 0])).toBe(0);
  });
});
