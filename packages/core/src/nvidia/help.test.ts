import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GPU_QUERY_FIELDS } from '../probe/probe-ids';
import { parseHelpQueryGpu, parseNvidiaSmiHelp, unsupportedQueryFields, type QueryGpuProperty } from './help';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-help';

function propertiesOf(path: string): QueryGpuProperty[] {
  const result = parseHelpQueryGpu(fixture(path), PROBE);
  if (!result.ok) expect.fail(result.unreadable.reason);
  return result.value;
}

describe('parseHelpQueryGpu on the captured `--help-query-gpu` lists', () => {
  const cases: readonly [path: string, count: number, missing: string[], deprecated: string[]][] = [
    // An older driver (netdata test data): no kmd_version yet.
    ['csv/netdata__help-query-gpu.txt', 117, ['kmd_version'], []],
    [
      'exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/help-query-gpu.txt',
      210,
      ['kmd_version'],
      ['pcie.link.gen.current', 'display_mode'],
    ],
    // From 595 on driver_version is marked `Deprecated; use "kmd_version" instead`.
    [
      'exporter-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05/help-query-gpu.txt',
      202,
      [],
      ['driver_version', 'pcie.link.gen.current', 'display_mode'],
    ],
    [
      'exporter-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04/help-query-gpu.txt',
      241,
      [],
      ['driver_version', 'pcie.link.gen.current', 'display_mode'],
    ],
  ];

  it.each(cases)('%s', (path, count, missing, deprecated) => {
    const properties = propertiesOf(path);
    expect(properties).toHaveLength(count);
    expect(unsupportedQueryFields(properties, [...GPU_QUERY_FIELDS, 'kmd_version'])).toEqual(missing);
    expect(properties.filter((property) => property.deprecated).map((property) => property.name)).toEqual(
      deprecated,
    );
    expect(properties.find((property) => property.name === 'name')).toEqual({
      name: 'name',
      aliases: ['gpu_name'],
      deprecated: false,
    });
  });

  it('returns unreadable naming the probe for a cut list, other text or an empty output', () => {
    const full = fixture(
      'exporter-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04/help-query-gpu.txt',
    );
    for (const text of [
      '',
      full.slice(0, full.indexOf('"kmd_version"') + 5),
      '"index"\nZero based index of the GPU.\n',
    ]) {
      expect(parseHelpQueryGpu(text, PROBE)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
    }
  });
});

describe('parseNvidiaSmiHelp on the captured `nvidia-smi -h`', () => {
  const cases: readonly [machine: string, version: string, count: number][] = [
    ['windows-x86_64__nvidia-geforce-rtx-2080-super__591.86', '591.86', 87],
    ['linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05', '595.71.05', 89],
    ['linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04', '610.57.04', 96],
  ];

  it.each(cases)('%s', (machine, version, count) => {
    const result = parseNvidiaSmiHelp(fixture(`exporter-captures/${machine}/help-h.txt`), PROBE);
    if (!result.ok) expect.fail(result.unreadable.reason);
    expect(result.value.version).toBe(version);
    expect(result.value.options).toHaveLength(count);
    expect(result.value.options).toEqual(
      expect.arrayContaining(['-lms', '--loop-ms', '--query-gpu', '--format', '-q', '-x', '-L']),
    );
    // Only the Windows build documents the driver-model switches.
    expect(result.value.options.includes('--driver-model')).toBe(machine.startsWith('windows'));
  });

  it('returns unreadable naming the probe for a cut help, an error or garbage', () => {
    const full = fixture(
      'exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/help-h.txt',
    );
    for (const text of [
      '',
      full.slice(0, 100),
      'Failed to initialize NVML: Unknown Error\n',
      '<html></html>\n',
    ]) {
      expect(parseNvidiaSmiHelp(text, PROBE)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
    }
  });
});
