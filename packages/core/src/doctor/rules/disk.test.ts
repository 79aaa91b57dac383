import { describe, expect, it } from 'vitest';
import { captureOf, doctorOf, findingIds } from '../../testing/capture';

const GB = 2 ** 30;
const LXSS = [
  '',
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss',
  '    DefaultDistribution    REG_SZ    {1b2c3d4e-0000-4000-8000-000000000001}',
  '',
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss\\{1b2c3d4e-0000-4000-8000-000000000001}',
  '    DistributionName    REG_SZ    Ubuntu-24.04',
  '    BasePath    REG_SZ    \\\\?\\C:\\Users\\ana\\AppData\\Local\\wsl\\{1b2c3d4e-0000-4000-8000-000000000001}',
  '',
].join('\r\n');

function withDrives(drives: { drive: string; freeGiB: number }[]) {
  return captureOf(
    { 'reg-lxss': LXSS },
    {
      host: {
        drives: drives.map(({ drive, freeGiB }) => ({
          drive,
          freeBytes: freeGiB * GB,
          totalBytes: 1000 * GB,
        })),
      },
    },
  );
}

describe('low disk space', () => {
  it('warns when the drive holding a distro’s disk is nearly full, naming the distro', () => {
    const report = doctorOf(withDrives([{ drive: 'C:', freeGiB: 12 }]));
    expect(findingIds(report)).toContain('low-disk-space');
    const finding = report.findings.find((candidate) => candidate.id === 'low-disk-space');
    expect(finding).toMatchObject({
      severity: 'warning',
      title: 'Drive C: is nearly full',
      source: 'https://learn.microsoft.com/windows/wsl/disk-space',
    });
    expect(finding?.explanation).toContain('C: (the disk of Ubuntu-24.04) has 12 GB free of 1000 GB');
    expect(finding?.explanation).toContain("Headroom's rule of thumb");
  });

  it('says nothing with room to spare, or when the drives were not read', () => {
    expect(findingIds(doctorOf(withDrives([{ drive: 'C:', freeGiB: 400 }])))).not.toContain('low-disk-space');
    expect(findingIds(doctorOf(captureOf({ 'reg-lxss': LXSS })))).not.toContain('low-disk-space');
  });
});
