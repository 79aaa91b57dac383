import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDmon } from './dmon';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-dmon';

describe('parseDmon on the captured `nvidia-smi dmon -c 5` outputs (exporter-captures/*/dmon-idle.txt)', () => {
  type Series = Readonly<
    Record<'pwr' | 'gtemp' | 'mtemp' | 'sm' | 'mem' | 'mclk' | 'pclk', readonly (number | null)[]>
  >;
  const cases: readonly [machine: string, series: Series][] = [
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      {
        pwr: [36, 36, 36, 36, 36],
        gtemp: [40, 40, 40, 40, 40],
        mtemp: [null, null, null, null, null],
        sm: [0, 0, 0, 0, 0],
        mem: [10, 10, 10, 10, 10],
        mclk: [405, 405, 405, 405, 405],
        pclk: [300, 300, 300, 300, 300],
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      {
        pwr: [38, 38, 38, 38, 38],
        gtemp: [33, 33, 33, 33, 33],
        mtemp: [null, null, null, null, null],
        sm: [0, 0, 0, 0, 0],
        mem: [0, 0, 0, 0, 0],
        mclk: [405, 405, 405, 405, 405],
        pclk: [300, 300, 300, 300, 300],
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      {
        pwr: [27, 26, 25, 26, 26],
        gtemp: [43, 43, 43, 43, 43],
        mtemp: [null, null, null, null, null],
        sm: [0, 0, 0, 0, 0],
        mem: [16, 25, 26, 32, 32],
        mclk: [405, 405, 405, 405, 405],
        pclk: [210, 210, 210, 210, 210],
      },
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      {
        pwr: [69, 69, 69, 69, 69],
        gtemp: [41, 41, 41, 41, 41],
        mtemp: [47, 47, 47, 48, 47],
        sm: [0, 0, 0, 0, 0],
        mem: [0, 0, 0, 0, 0],
        mclk: [2619, 2619, 2619, 2619, 2619],
        pclk: [345, 345, 345, 345, 345],
      },
    ],
    // MIG: every utilisation column is `-`.
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      {
        pwr: [70, 70, 70, 70, 70],
        gtemp: [42, 42, 42, 42, 42],
        mtemp: [48, 48, 48, 48, 48],
        sm: [null, null, null, null, null],
        mem: [null, null, null, null, null],
        mclk: [2619, 2619, 2619, 2619, 2619],
        pclk: [345, 345, 345, 345, 345],
      },
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      {
        pwr: [77, 77, 77, 77, 77],
        gtemp: [28, 28, 28, 28, 28],
        mtemp: [31, 32, 32, 32, 32],
        sm: [0, 0, 0, 0, 0],
        mem: [0, 0, 0, 0, 0],
        mclk: [3201, 3201, 3201, 3201, 3201],
        pclk: [345, 345, 345, 345, 345],
      },
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      {
        pwr: [66, 65, 65, 51, 37],
        gtemp: [57, 57, 56, 55, 54],
        mtemp: [null, null, null, null, null],
        sm: [0, 0, 0, 0, 0],
        mem: [0, 0, 0, 0, 0],
        mclk: [9001, 9001, 9001, 405, 405],
        pclk: [210, 210, 210, 210, 210],
      },
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      {
        pwr: [38, 38, 38, 38, 38],
        gtemp: [40, 40, 40, 40, 40],
        mtemp: [null, null, null, null, null],
        sm: [0, 0, 0, 0, 0],
        mem: [0, 0, 0, 0, 0],
        mclk: [405, 405, 405, 405, 405],
        pclk: [300, 300, 300, 300, 300],
      },
    ],
  ];

  it.each(cases)('%s', (machine, series) => {
    const result = parseDmon(fixture(`exporter-captures/${machine}/dmon-idle.txt`), PROBE);
    if (!result.ok) expect.fail(result.unreadable.reason);
    expect(result.value.columns).toEqual([
      { name: 'pwr', unit: 'W' },
      { name: 'gtemp', unit: 'C' },
      { name: 'mtemp', unit: 'C' },
      { name: 'sm', unit: '%' },
      { name: 'mem', unit: '%' },
      { name: 'enc', unit: '%' },
      { name: 'dec', unit: '%' },
      { name: 'jpg', unit: '%' },
      { name: 'ofa', unit: '%' },
      { name: 'mclk', unit: 'MHz' },
      { name: 'pclk', unit: 'MHz' },
    ]);
    expect(result.value.samples.map((sample) => sample.gpu)).toEqual([0, 0, 0, 0, 0]);
    for (const [column, values] of Object.entries(series)) {
      expect(
        result.value.samples.map((sample) => sample.values[column]),
        column,
      ).toEqual(values);
    }
  });

  it('returns unreadable naming the probe for a cut last line, a wrong count, text, an error or garbage', () => {
    const full = fixture('exporter-captures/linux-x86_64__nvidia-l40s__595.80/dmon-idle.txt');
    const cases = [
      '',
      full.slice(0, -2),
      `${full}    0     37\n`,
      `${full}    0     37     54      -      0      0      0      0      0      0    405    fast\n`,
      'No devices were found\n',
      '<html></html>\n',
    ];
    for (const text of cases) {
      expect(parseDmon(text, PROBE), text.slice(-30)).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
