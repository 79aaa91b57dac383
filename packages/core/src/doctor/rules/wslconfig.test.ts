import { describe, expect, it } from 'vitest';
import { doctorOf, findingIds, runningVmCapture } from '../../testing/capture';

describe('.wslconfig', () => {
  it('reports the lines WSL ignores with their fixes (configuration, exit 1)', () => {
    const report = doctorOf(
      runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[wsl2]\nmemory=16gb\n'),
    );
    expect(findingIds(report)).toEqual(['wslconfig-ignored-lines']);
    expect(report.findings[0]).toMatchObject({
      severity: 'error',
      category: 'configuration',
      evidence: [{ probe: 'wslconfig', line: 2 }],
    });
    expect(report.findings[0]?.fix).toMatchObject({
      kind: 'edit-wslconfig',
      fixes: [{ label: 'memory=16GB' }],
    });
    expect(report.exitCode).toBe(1);
  });

  it('reports settings where WSL never reads them: wsl.conf keys, [wsl], files beside .wslconfig', () => {
    const report = doctorOf(
      runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[boot]\nsystemd=true\n'),
      {
        misplaced: [
          { path: 'C:\\Users\\ana\\.wslconfig.txt', message: 'Notepad saved yours as .wslconfig.txt.' },
        ],
      },
    );
    expect(findingIds(report)).toEqual(['wslconfig-misplaced']);
    expect(report.findings[0]?.evidence.map((item) => item.probe)).toEqual([
      'wslconfig',
      'wslconfig',
      'profile',
    ]);
  });

  it('warns about autoMemoryReclaim=gradual and offers dropCache', () => {
    const report = doctorOf(
      runningVmCapture(
        { memoryGiB: 32, processors: 16, swapGiB: 8 },
        '[experimental]\nautoMemoryReclaim=gradual\n',
      ),
    );
    expect(report.findings).toMatchObject([
      {
        id: 'autoreclaim-gradual',
        severity: 'warning',
        source: 'https://github.com/microsoft/WSL/issues/10675',
      },
    ]);
    expect(report.health).toBe('amber');
    expect(report.exitCode).toBe(0);
  });

  it('warns that networkingMode=mirrored needs Windows 11 22H2 on an older build, and not on 22H2', () => {
    const onBuild = (build: number) =>
      doctorOf(
        runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[wsl2]\nnetworkingMode=mirrored\n', {
          'reg-windows-version': `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    CurrentBuild    REG_SZ    ${build}\r\n\r\n`,
        }),
      );
    const old = onBuild(22000);
    expect(old.findings.find((finding) => finding.id === 'mirrored-needs-newer-windows')).toMatchObject({
      severity: 'warning',
      category: 'configuration',
      evidence: [
        { probe: 'wslconfig', line: 2 },
        { probe: 'reg-windows-version', excerpt: 'CurrentBuild 22000' },
      ],
      fix: { kind: 'unset-wslconfig', keys: ['wsl2.networkingMode'] },
      source: 'https://learn.microsoft.com/windows/wsl/networking#mirrored-mode-networking',
    });
    expect(findingIds(onBuild(22621))).not.toContain('mirrored-needs-newer-windows');
  });
});
