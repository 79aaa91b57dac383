import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { driverBranch, driverTooOld } from './driver-too-old';
import { findingsOf, queryCsv } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

const GTX_1060 = { name: 'NVIDIA GeForce GTX 1060 3GB', usedMiB: 412, totalMiB: 3072 };

describe('driver-too-old', () => {
  it('reads the driver branch', () => {
    expect(driverBranch('472.12')).toBe(472);
    expect(driverBranch('610.62')).toBe(610);
    expect(driverBranch('n/a')).toBeUndefined();
  });

  it('reports a host driver older than R495, the first with CUDA on WSL 2 per NVIDIA’s guide', () => {
    const [finding] = findingsOf(driverTooOld, {
      'host-nvidia-smi-query': queryCsv([{ ...GTX_1060, driver: '472.12' }]),
    });
    expect(finding).toMatchObject({
      id: 'driver-too-old',
      severity: 'error',
      category: 'gpu',
      evidence: [
        { probe: 'host-nvidia-smi-query', excerpt: 'driver 472.12 < R495' },
        { probe: 'host-nvidia-smi-query', excerpt: 'driver_version 472.12' },
      ],
      fix: { kind: 'steps' },
      source:
        'https://docs.nvidia.com/cuda/wsl-user-guide/index.html#nvidia-compute-software-support-on-wsl-2',
    });
    expect(finding?.title).toContain('R495');
  });

  it('accepts R495 itself and the real drivers of the fixtures', () => {
    expect(
      findingsOf(driverTooOld, { 'host-nvidia-smi-query': queryCsv([{ ...GTX_1060, driver: '495.29' }]) }),
    ).toEqual([]);
    // A real Windows capture (591.86), the WSL table of microsoft/WSL#11277 (Windows driver 555.99) and the registry.
    expect(
      findingsOf(driverTooOld, {
        'host-nvidia-smi-query': fixture(
          'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/query-gpu-idle.csv',
        ),
      }),
    ).toEqual([]);
    expect(
      findingsOf(driverTooOld, {
        'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt'),
      }),
    ).toEqual([]);
  });

  it('falls back to the distro table’s Driver Version (the Windows driver) when the host said nothing', () => {
    // Hand-written in the pre-2023 layout: no real WSL table with a pre-R495 driver was found.
    const old = [
      '+-----------------------------------------------------------------------------+',
      '| NVIDIA-SMI 470.57.02    Driver Version: 471.41       CUDA Version: 11.4     |',
      '|-------------------------------+----------------------+----------------------+',
      '',
    ].join('\n');
    const [finding] = findingsOf(driverTooOld, { 'distro-nvidia-smi': old });
    expect(finding?.evidence[0]).toEqual({ probe: 'distro-nvidia-smi', excerpt: 'driver 471.41 < R495' });
  });
});
