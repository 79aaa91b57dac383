import { describe, expect, it } from 'vitest';
import { captureOf, doctorOf, findingIds, fixture, meminfoOf } from '../../testing/capture';

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

  it('says WSL has no distribution when wsl -l -v says WSL_E_DEFAULT_DISTRO_NOT_FOUND (a capture, no header)', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose': {
          stdout: fixture('wsl/wsl-list-verbose.no-distro.issue12210.txt'),
          exitCode: -1,
        },
      }),
    );
    expect(report.findings).toMatchObject([
      {
        id: 'wsl-not-installed',
        title: 'WSL is installed but has no distribution',
        evidence: [{ excerpt: 'Error code: Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND' }],
      },
    ]);
    expect(report.notRead).toEqual([]);
  });

  it.each(['wsl/wsl.e-unexpected.issue13159.txt', 'wsl/wsl.e-unexpected.zh-CN.issue13966.txt'])(
    'says the WSL service failed, not "no distribution", for %s (exit 0xffffffff)',
    (file) => {
      const report = doctorOf(captureOf({ 'wsl-list-verbose': { stdout: fixture(file), exitCode: -1 } }));
      expect(report.findings).toMatchObject([
        { id: 'wsl-service-failed', title: 'The WSL service failed (Wsl/Service/E_UNEXPECTED)' },
      ]);
      expect(report.findings[0]?.explanation).not.toMatch(/Install one/);
      expect(report.exitCode).toBe(4);
    },
  );

  it('names another failure by its exit code when WSL printed no error code', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose': {
          stdout: 'Das Windows-Subsystem für Linux hat keine installierten Verteilungen.\n',
          exitCode: -1,
        },
      }),
    );
    expect(report.findings).toMatchObject([
      { id: 'wsl-list-failed', title: 'wsl.exe could not list the distributions (exit code -1)' },
    ]);
  });

  it('keeps the distros it can read when one row has a VERSION it does not know, and names that row', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose':
          '  NAME            STATE           VERSION\n* Ubuntu-24.04    Stopped         2\n  Odd             Stopped         3\n',
      }),
    );
    expect(findingIds(report)).toEqual([]);
    expect(report.notRead).toEqual([
      {
        probe: 'wsl-list-verbose',
        reason:
          'line 3 ("Odd             Stopped         3"): VERSION 3 is not one Headroom knows (WSL has versions 1 and 2)',
      },
    ]);
    expect(report.health).toBe('amber');
  });

  it('lists a wsl -l -v that timed out as not checked instead of silencing both WSL rules', () => {
    const report = doctorOf(
      captureOf({ 'wsl-list-verbose': { stdout: '', exitCode: null, timedOut: true } }),
    );
    expect(findingIds(report)).toEqual([]);
    expect(report.notRead).toContainEqual({
      probe: 'wsl-list-verbose',
      reason: 'the command did not answer in time',
    });
    expect(report.health).toBe('amber');
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
