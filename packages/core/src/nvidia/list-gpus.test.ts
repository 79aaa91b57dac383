import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiList } from './list-gpus';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-list';
const MASKED_UUID = 'GPU-00000000-0000-0000-0000-000000000000';

describe('parseNvidiaSmiList on the captured `nvidia-smi -L` (exporter-captures/*/list-L.txt)', () => {
  const cases: readonly [machine: string, name: string][] = [
    ['linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05', 'NVIDIA GeForce RTX 2080 SUPER'],
    ['linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04', 'NVIDIA GeForce RTX 2080 SUPER'],
    ['linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05', 'NVIDIA GeForce RTX 4080 SUPER'],
    ['linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01', 'NVIDIA H100 80GB HBM3'],
    ['linux-x86_64__nvidia-h200__590.48.01', 'NVIDIA H200'],
    ['linux-x86_64__nvidia-l40s__595.80', 'NVIDIA L40S'],
    ['windows-x86_64__nvidia-geforce-rtx-2080-super__591.86', 'NVIDIA GeForce RTX 2080 SUPER'],
  ];

  it.each(cases)('%s', (machine, name) => {
    expect(parseNvidiaSmiList(fixture(`exporter-captures/${machine}/list-L.txt`), PROBE)).toEqual({
      ok: true,
      value: [{ index: 0, name, uuid: MASKED_UUID, migDevices: [] }],
    });
  });

  it('linux-x86_64__nvidia-h100-mig__590.48.01: lists the four MIG devices under the GPU', () => {
    expect(
      parseNvidiaSmiList(
        fixture('exporter-captures/linux-x86_64__nvidia-h100-mig__590.48.01/list-L.txt'),
        PROBE,
      ),
    ).toEqual({
      ok: true,
      value: [
        {
          index: 0,
          name: 'NVIDIA H100 80GB HBM3',
          uuid: MASKED_UUID,
          migDevices: [
            { profile: '3g.40gb', deviceIndex: 0, uuid: 'MIG-00000000-0000-0000-0000-000000000000' },
            { profile: '2g.20gb', deviceIndex: 1, uuid: 'MIG-00000001-0000-0000-0000-000000000001' },
            { profile: '1g.10gb', deviceIndex: 2, uuid: 'MIG-00000002-0000-0000-0000-000000000002' },
            { profile: '1g.10gb', deviceIndex: 3, uuid: 'MIG-00000003-0000-0000-0000-000000000003' },
          ],
        },
      ],
    });
  });

  it('reads several GPUs with CRLF, and finds cut lines, errors and garbage unreadable', () => {
    const two =
      'GPU 0: NVIDIA GeForce RTX 4090 (UUID: GPU-a)\r\nGPU 1: NVIDIA GeForce RTX 3060 (UUID: GPU-b)\r\n';
    expect(parseNvidiaSmiList(two, PROBE)).toMatchObject({
      ok: true,
      value: [
        { index: 0, uuid: 'GPU-a' },
        { index: 1, name: 'NVIDIA GeForce RTX 3060' },
      ],
    });
    for (const text of [
      '',
      two.slice(0, -10),
      'No devices were found\n',
      '  MIG 1g.10gb Device 0: (UUID: MIG-x)\n',
      '<html/>',
    ]) {
      expect(parseNvidiaSmiList(text, PROBE), text).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
