import { describe, expect, it } from 'vitest';
import { captureOf, doctorOf, findingIds, meminfoOf } from '../../testing/capture';

describe('WSL itself', () => {
  it('says WSL is not installed when wsl.exe is missing, with exit code 4', () => {
    const report = doctorOf(
      captureOf({
        'wsl-version': { error: 'not-found', exitCode: null },
        'wsl-list-verbose': { error: 'not-found', exitCode: null },
      }),
    );
    expect(findingIds(report)).toEqual(['wsl-not-installed']);
    expect(report.exitCode).toBe(4);
    expect(report.health).toBe('red');
  });

  it('says so when WSL lists no distribution (by its exit code, not its localised words)', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose': {
          stdout: 'Das Windows-Subsystem für Linux hat keine installierten Verteilungen.\n',
          exitCode: -1,
        },
      }),
    );
    expect(report.findings).toMatchObject([
      { id: 'wsl-not-installed', title: 'WSL has no usable distribution' },
    ]);
  });

  it('flags a default distro on WSL 1 as a GPU error, without calling its memory "not applied"', () => {
    const capture = captureOf(
      {
        'wsl-list-verbose':
          '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running         1\n',
        'distro-meminfo': meminfoOf(64, 0),
        'distro-nproc': '16\n',
        'distro-uname': '4.4.0-26100-Microsoft\n',
      },
      { wslconfig: '[wsl2]\nmemory=8GB\n' },
    );
    const report = doctorOf(capture);
    expect(findingIds(report)).toEqual(['wsl1-distro']);
    expect(report.findings[0]?.evidence[0]?.excerpt).toBe('* Ubuntu-24.04 Running 1');
    expect(report.exitCode).toBe(2);
  });
});
