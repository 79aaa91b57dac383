import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyNvidiaPackage, parseNvidiaPackages } from './nvidia-packages';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/distro/${name}`, import.meta.url), 'utf8');

describe('parseNvidiaPackages', () => {
  it('finds nvidia-driver-550 and the rest of a Linux driver installed with dpkg', () => {
    const result = parseNvidiaPackages(fixture('nvidia-packages-dpkg-driver-550.txt'));
    if (!result.ok) throw new Error(result.unreadable.reason);
    expect(result.value.manager).toBe('dpkg');
    expect(result.value.linuxDriverPackages.map((item) => [item.name, item.kind])).toEqual([
      ['libnvidia-compute-550', 'compute-library'],
      ['nvidia-compute-utils-550', 'utils'],
      ['nvidia-dkms-550', 'kernel-module'],
      ['nvidia-driver-550', 'driver'],
      ['nvidia-kernel-common-550', 'kernel-module'],
      ['nvidia-kernel-source-550', 'kernel-module'],
      ['nvidia-utils-550', 'utils'],
    ]);
    expect(result.value.packages.find((item) => item.name === 'nvidia-driver-550')?.version).toBe(
      '550.120-0ubuntu0.24.04.1',
    );
    // Removed (rc) and never-installed (un) entries are not installed packages.
    const names = result.value.packages.map((item) => item.name);
    expect(names).not.toContain('nvidia-driver-535');
    expect(names).not.toContain('libnvidia-compute-535');
  });

  it('sees the container toolkit alone and a purged driver as no Linux driver', () => {
    const result = parseNvidiaPackages(fixture('nvidia-packages-dpkg-clean.txt'));
    expect(result.ok && result.value.linuxDriverPackages).toEqual([]);
    expect(result.ok && result.value.packages.map((item) => item.kind)).toEqual([
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('reads an empty dpkg listing, rpm, pacman and no package manager', () => {
    expect(parseNvidiaPackages(fixture('nvidia-packages-dpkg-none.txt'))).toEqual({
      ok: true,
      value: { manager: 'dpkg', packages: [], linuxDriverPackages: [] },
    });
    const rpm = parseNvidiaPackages(
      'manager rpm\nii |akmod-nvidia|565.77-1.fc41\nii |nvidia-container-toolkit|1.17.3-1\n',
    );
    expect(rpm.ok && rpm.value.linuxDriverPackages.map((item) => item.name)).toEqual(['akmod-nvidia']);
    const pacman = parseNvidiaPackages('manager pacman\nii |nvidia-utils|565.77-1\nii |nvidia|565.77-3\n');
    expect(pacman.ok && pacman.value.linuxDriverPackages.map((item) => item.kind)).toEqual([
      'utils',
      'driver',
    ]);
    expect(parseNvidiaPackages('manager none\n')).toMatchObject({ ok: true, value: { manager: 'none' } });
  });

  it('is unreadable without the manager line', () => {
    expect(parseNvidiaPackages('ii |nvidia-driver-550|550.120\n').ok).toBe(false);
  });
});

describe('classifyNvidiaPackage', () => {
  it.each([
    ['nvidia-driver-550', 'driver'],
    ['nvidia-driver-550-open', 'driver'],
    ['nvidia-headless-550', 'driver'],
    ['xorg-x11-drv-nvidia-cuda', 'driver'],
    ['nvidia-open', 'driver'],
    ['nvidia-dkms-550', 'kernel-module'],
    ['kmod-nvidia', 'kernel-module'],
    ['libnvidia-compute-535', 'compute-library'],
    ['cuda-drivers', 'cuda-drivers'],
    ['cuda-drivers-560', 'cuda-drivers'],
    ['nvidia-utils-550', 'utils'],
    ['nvidia-container-toolkit', 'other'],
    ['libnvidia-container1', 'other'],
    ['nvidia-prime', 'other'],
    ['nvidia-driverless', 'other'],
  ] as const)('%s is %s', (name, kind) => {
    expect(classifyNvidiaPackage(name)).toBe(kind);
  });
});

describe('plain package listings (a dpkg-query -W capture was read as "fine")', () => {
  it('reads plain dpkg-query -W, rpm -qa and pacman -Q, keeping only NVIDIA packages', () => {
    const dpkg = parseNvidiaPackages(
      'bash\t5.2.21-2ubuntu4\nnvidia-driver-550\t550.54.14-0ubuntu1\nnvidia-foo\t\n',
    );
    expect(dpkg).toMatchObject({
      ok: true,
      value: { manager: 'dpkg', packages: [{ name: 'nvidia-driver-550' }] },
    });
    const rpm = parseNvidiaPackages('bash-5.2.26-3.fc40.x86_64\nakmod-nvidia-550.54.14-1.fc40.x86_64\n');
    expect(rpm).toMatchObject({
      ok: true,
      value: { manager: 'rpm', packages: [{ name: 'akmod-nvidia', kind: 'kernel-module' }] },
    });
    const pacman = parseNvidiaPackages('bash 5.2.026-2\nnvidia-utils 550.54.14-1\n');
    expect(pacman).toMatchObject({
      ok: true,
      value: { manager: 'pacman', packages: [{ name: 'nvidia-utils' }] },
    });
  });

  it('still says unreadable for output that is none of them', () => {
    expect(parseNvidiaPackages('Segmentation fault\nsomething: else here\n').ok).toBe(false);
  });
});
