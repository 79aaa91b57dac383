import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiVersion, type NvidiaSmiVersion } from './version';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-version';

describe('parseNvidiaSmiVersion on the captured `nvidia-smi --version` (exporter-captures/*/version.txt)', () => {
  const cases: readonly [machine: string, expected: NvidiaSmiVersion][] = [
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      {
        smiVersion: '595.71.05',
        nvmlVersion: '595.71',
        driverVersion: '595.71.05',
        cudaVersion: '13.2',
        labels: 'driver-version',
      },
    ],
    // 610: `DRIVER version : Deprecated, see "KMD version" instead`, then `KMD version` and `CUDA UMD version`.
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      {
        smiVersion: '610.57.04',
        nvmlVersion: '610.57',
        driverVersion: '610.57.04',
        cudaVersion: '13.3',
        labels: 'kmd-version',
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      {
        smiVersion: '595.71.05',
        nvmlVersion: '595.71',
        driverVersion: '595.71.05',
        cudaVersion: '13.2',
        labels: 'driver-version',
      },
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      {
        smiVersion: '590.48.01',
        nvmlVersion: '590.48',
        driverVersion: '590.48.01',
        cudaVersion: '13.1',
        labels: 'driver-version',
      },
    ],
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      {
        smiVersion: '590.48.01',
        nvmlVersion: '590.48',
        driverVersion: '590.48.01',
        cudaVersion: '13.1',
        labels: 'driver-version',
      },
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      {
        smiVersion: '590.48.01',
        nvmlVersion: '590.48',
        driverVersion: '590.48.01',
        cudaVersion: '13.1',
        labels: 'driver-version',
      },
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      {
        smiVersion: '595.80',
        nvmlVersion: '595.80',
        driverVersion: '595.80',
        cudaVersion: '13.2',
        labels: 'driver-version',
      },
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      {
        smiVersion: '591.86',
        nvmlVersion: '591.86',
        driverVersion: '591.86',
        cudaVersion: '13.1',
        labels: 'driver-version',
      },
    ],
  ];

  it.each(cases)('%s', (machine, expected) => {
    expect(parseNvidiaSmiVersion(fixture(`exporter-captures/${machine}/version.txt`), PROBE)).toEqual({
      ok: true,
      value: expected,
    });
  });

  it('returns unreadable naming the probe when cut, without a driver version, for errors and garbage', () => {
    const full = fixture(
      'exporter-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04/version.txt',
    );
    const cases = [
      '',
      full.slice(0, full.indexOf('610.57.04', full.indexOf('KMD')) + 5),
      full.slice(0, full.indexOf('KMD')),
      "NVIDIA-SMI couldn't find libnvidia-ml.so library in your system.\n",
      '<html><body>hi</body></html>\n',
    ];
    for (const text of cases) {
      expect(parseNvidiaSmiVersion(text, PROBE), text.slice(-30)).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
