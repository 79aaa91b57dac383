import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linuxDriverInDistro } from './linux-driver-in-distro';
import { findingsOf } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

const WSL_LIBCUDA = fixture('distro/libcuda-wsl.txt');

describe('linux-driver-in-distro', () => {
  it('names the Linux driver packages dpkg lists and removes exactly those', () => {
    const [finding] = findingsOf(linuxDriverInDistro, {
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-driver-550.txt'),
      'distro-libcuda': WSL_LIBCUDA,
    });
    const names = [
      'libnvidia-compute-550',
      'nvidia-compute-utils-550',
      'nvidia-dkms-550',
      'nvidia-driver-550',
      'nvidia-kernel-common-550',
      'nvidia-kernel-source-550',
      'nvidia-utils-550',
    ];
    expect(finding).toMatchObject({
      id: 'linux-driver-in-distro',
      severity: 'error',
      category: 'gpu',
      source: 'https://docs.nvidia.com/cuda/wsl-user-guide/index.html#cuda-support-for-wsl-2',
    });
    expect(finding?.evidence).toHaveLength(1);
    expect(finding?.evidence[0]?.probe).toBe('distro-nvidia-packages');
    expect(finding?.evidence[0]?.excerpt).toContain('nvidia-driver-550 550.120-0ubuntu0.24.04.1');
    // Not the container toolkit, not packages dpkg lists as removed (rc) or never installed (un).
    expect(finding?.evidence[0]?.excerpt).not.toMatch(/container|nvidia-driver-535|nvidia-384/);
    expect(finding?.fix).toMatchObject({ kind: 'steps' });
    const steps = finding?.fix.kind === 'steps' ? finding.fix.steps : [];
    expect(steps[0]).toBe(`In the distro, run \`sudo apt remove --purge ${names.join(' ')}\`.`);
    expect(steps[1]).toBe('In PowerShell, run `wsl --shutdown`, then open your distro again.');
  });

  it('reports a libcuda.so.1 that resolves outside /usr/lib/wsl/lib, with the shadowing path', () => {
    const [finding] = findingsOf(linuxDriverInDistro, {
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-none.txt'),
      'distro-libcuda': fixture('distro/libcuda-shadowed-by-linux-driver.txt'),
    });
    expect(finding?.evidence).toEqual([
      {
        probe: 'distro-libcuda',
        excerpt: 'libcuda.so.1 => /usr/lib/x86_64-linux-gnu/libcuda.so.1 (not /usr/lib/wsl/lib)',
      },
    ]);
    const steps = finding?.fix.kind === 'steps' ? finding.fix.steps : [];
    expect(steps[0]).toContain('sudo nvidia-installer --uninstall');
  });

  it('uses the distro’s package manager', () => {
    const [finding] = findingsOf(linuxDriverInDistro, {
      'distro-nvidia-packages':
        'manager rpm\nii |xorg-x11-drv-nvidia-cuda-libs|565.57.01-1.fc41\nii |akmod-nvidia|565.57.01-1.fc41\n',
    });
    const steps = finding?.fix.kind === 'steps' ? finding.fix.steps : [];
    expect(steps[0]).toBe('In the distro, run `sudo dnf remove xorg-x11-drv-nvidia-cuda-libs akmod-nvidia`.');
  });

  it('stays silent on a clean distro (only the container toolkit, old driver removed)', () => {
    expect(
      findingsOf(linuxDriverInDistro, {
        'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-clean.txt'),
        'distro-libcuda': WSL_LIBCUDA,
      }),
    ).toEqual([]);
  });
});
