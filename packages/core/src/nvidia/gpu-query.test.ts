import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GPU_QUERY_FIELDS } from '../probe/probe-ids';
import { parseGpuQueryCsv, type GpuQueryRow } from './gpu-query';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-query';

/** The value of a successful parse, or a failed expectation showing why it was unreadable. */
function rowsOf(text: string, fields?: readonly string[]): GpuQueryRow[] {
  const result = parseGpuQueryCsv(text, PROBE, fields);
  if (!result.ok) expect.fail(`unreadable: ${result.unreadable.reason}`);
  return result.value;
}

const HEADER =
  'index, name, uuid, driver_version, driver_model.current, memory.total [MiB], memory.used [MiB], memory.reserved [MiB], utilization.gpu [%], temperature.gpu, power.draw [W]';

describe('parseGpuQueryCsv on the captured --query-gpu outputs (--format=csv, units in header and values)', () => {
  // exporter-captures/<machine>/query-gpu-{idle,load}.csv: ~200-240 fields of one GPU; values carry units.
  const uuid = 'GPU-00000000-0000-0000-0000-000000000000';
  const cases: readonly [string, 'idle' | 'load', Omit<GpuQueryRow, 'index' | 'uuid'>][] = [
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'idle',
      {
        name: 'NVIDIA GeForce RTX 2080 SUPER',
        driverVersion: '595.71.05',
        driverModel: null,
        memoryTotalMiB: 8192,
        memoryUsedMiB: 214,
        memoryReservedMiB: 408,
        utilizationGpuPercent: 0,
        temperatureC: 40,
        powerDrawW: 39.32,
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'load',
      {
        name: 'NVIDIA GeForce RTX 2080 SUPER',
        driverVersion: '595.71.05',
        driverModel: null,
        memoryTotalMiB: 8192,
        memoryUsedMiB: 819,
        memoryReservedMiB: 408,
        utilizationGpuPercent: 8,
        temperatureC: 45,
        powerDrawW: 111.5,
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'idle',
      {
        name: 'NVIDIA GeForce RTX 2080 SUPER',
        driverVersion: '610.57.04',
        driverModel: null,
        memoryTotalMiB: 8192,
        memoryUsedMiB: 211,
        memoryReservedMiB: 400,
        utilizationGpuPercent: 0,
        temperatureC: 33,
        powerDrawW: 39.17,
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'load',
      {
        name: 'NVIDIA GeForce RTX 2080 SUPER',
        driverVersion: '610.57.04',
        driverModel: null,
        memoryTotalMiB: 8192,
        memoryUsedMiB: 815,
        memoryReservedMiB: 400,
        utilizationGpuPercent: 8,
        temperatureC: 38,
        powerDrawW: 98.14,
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'idle',
      {
        name: 'NVIDIA GeForce RTX 4080 SUPER',
        driverVersion: '595.71.05',
        driverModel: null,
        memoryTotalMiB: 16376,
        memoryUsedMiB: 596,
        memoryReservedMiB: 434,
        utilizationGpuPercent: 0,
        temperatureC: 43,
        powerDrawW: 26.2,
      },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'load',
      {
        name: 'NVIDIA GeForce RTX 4080 SUPER',
        driverVersion: '595.71.05',
        driverModel: null,
        memoryTotalMiB: 16376,
        memoryUsedMiB: 1474,
        memoryReservedMiB: 434,
        utilizationGpuPercent: 7,
        temperatureC: 46,
        powerDrawW: 84.24,
      },
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'idle',
      {
        name: 'NVIDIA H100 80GB HBM3',
        driverVersion: '590.48.01',
        driverModel: null,
        memoryTotalMiB: 81559,
        memoryUsedMiB: 0,
        memoryReservedMiB: 479,
        utilizationGpuPercent: 0,
        temperatureC: 41,
        powerDrawW: 69.85,
      },
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'load',
      {
        name: 'NVIDIA H100 80GB HBM3',
        driverVersion: '590.48.01',
        driverModel: null,
        memoryTotalMiB: 81559,
        memoryUsedMiB: 19818,
        memoryReservedMiB: 479,
        utilizationGpuPercent: 100,
        temperatureC: 59,
        powerDrawW: 631.95,
      },
    ],
    // MIG: utilization.gpu is [N/A].
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'idle',
      {
        name: 'NVIDIA H100 80GB HBM3',
        driverVersion: '590.48.01',
        driverModel: null,
        memoryTotalMiB: 81559,
        memoryUsedMiB: 59,
        memoryReservedMiB: 479,
        utilizationGpuPercent: null,
        temperatureC: 42,
        powerDrawW: 71.15,
      },
    ],
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'load',
      {
        name: 'NVIDIA H100 80GB HBM3',
        driverVersion: '590.48.01',
        driverModel: null,
        memoryTotalMiB: 81559,
        memoryUsedMiB: 11125,
        memoryReservedMiB: 479,
        utilizationGpuPercent: null,
        temperatureC: 53,
        powerDrawW: 433.78,
      },
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'idle',
      {
        name: 'NVIDIA H200',
        driverVersion: '590.48.01',
        driverModel: null,
        memoryTotalMiB: 143771,
        memoryUsedMiB: 0,
        memoryReservedMiB: 614,
        utilizationGpuPercent: 0,
        temperatureC: 28,
        powerDrawW: 77.71,
      },
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'load',
      {
        name: 'NVIDIA H200',
        driverVersion: '590.48.01',
        driverModel: null,
        memoryTotalMiB: 143771,
        memoryUsedMiB: 32362,
        memoryReservedMiB: 614,
        utilizationGpuPercent: 100,
        temperatureC: 52,
        powerDrawW: 627.4,
      },
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'idle',
      {
        name: 'NVIDIA L40S',
        driverVersion: '595.80',
        driverModel: null,
        memoryTotalMiB: 46068,
        memoryUsedMiB: 0,
        memoryReservedMiB: 609,
        utilizationGpuPercent: 100,
        temperatureC: 63,
        powerDrawW: 144.97,
      },
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'load',
      {
        name: 'NVIDIA L40S',
        driverVersion: '595.80',
        driverModel: null,
        memoryTotalMiB: 46068,
        memoryUsedMiB: 1235,
        memoryReservedMiB: 609,
        utilizationGpuPercent: 9,
        temperatureC: 54,
        powerDrawW: 110.23,
      },
    ],
    // Windows: driver_model.current is WDDM, and the same card reserves 205 MiB instead of 408.
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      'idle',
      {
        name: 'NVIDIA GeForce RTX 2080 SUPER',
        driverVersion: '591.86',
        driverModel: 'WDDM',
        memoryTotalMiB: 8192,
        memoryUsedMiB: 702,
        memoryReservedMiB: 205,
        utilizationGpuPercent: 0,
        temperatureC: 40,
        powerDrawW: 38.92,
      },
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      'load',
      {
        name: 'NVIDIA GeForce RTX 2080 SUPER',
        driverVersion: '591.86',
        driverModel: 'WDDM',
        memoryTotalMiB: 8192,
        memoryUsedMiB: 1296,
        memoryReservedMiB: 205,
        utilizationGpuPercent: 7,
        temperatureC: 45,
        powerDrawW: 97.43,
      },
    ],
  ];

  it.each(cases)('%s query-gpu-%s.csv', (machine, state, expected) => {
    const rows = rowsOf(fixture(`exporter-captures/${machine}/query-gpu-${state}.csv`));
    expect(rows).toEqual([{ index: 0, uuid, ...expected }]);
  });
});

describe('parseGpuQueryCsv on the other captured CSVs', () => {
  it('reads two GPUs with units in header and values (csv/bpytop-26, --format=csv)', () => {
    expect(rowsOf(fixture('csv/bpytop-26__multi-gpu-with-header-units.csv'))).toEqual([
      {
        index: 0,
        name: 'GeForce GTX 1080 Ti',
        uuid: null,
        driverVersion: null,
        driverModel: null,
        memoryTotalMiB: 11175,
        memoryUsedMiB: 2856,
        memoryReservedMiB: null,
        utilizationGpuPercent: 36,
        temperatureC: 60,
        powerDrawW: 106.56,
      },
      {
        index: 1,
        name: 'GeForce GTX 1060 6GB',
        uuid: null,
        driverVersion: null,
        driverModel: null,
        memoryTotalMiB: 6078,
        memoryUsedMiB: 4,
        memoryReservedMiB: null,
        utilizationGpuPercent: 0,
        temperatureC: 49,
        powerDrawW: 5.68,
      },
    ]);
  });

  it('reads csv,nounits with units left in the header and no final newline (csv/netdata__tesla-p100.csv)', () => {
    // memory.total was not queried there, so it stays null; fan.speed is [N/A] and not a GpuQueryRow field.
    expect(rowsOf(fixture('csv/netdata__tesla-p100.csv'))).toEqual([
      {
        index: 0,
        name: 'Tesla P100-PCIE-16GB',
        uuid: 'GPU-ef1b2c9b-38d8-2090-2bd1-f567a3eb42a6',
        driverVersion: null,
        driverModel: null,
        memoryTotalMiB: null,
        memoryUsedMiB: 0,
        memoryReservedMiB: 103,
        utilizationGpuPercent: 0,
        temperatureC: 37,
        powerDrawW: 28.16,
      },
    ]);
  });

  it('finds the pasted shell prompt in csv/polybar-scripts-42 unreadable, and reads the sample lines after it', () => {
    const text = fixture('csv/polybar-scripts-42__loop1-noheader-nounits.txt');
    const fields = ['temperature.gpu', 'utilization.gpu', 'utilization.memory'];
    expect(parseGpuQueryCsv(text, PROBE, fields)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
    const samples = text.split('\n').slice(1).join('\n');
    const rows = rowsOf(samples, fields);
    expect(rows.map((row) => row.temperatureC)).toEqual([41, 41, 41, 41, 41, 41, 41, 41, 41]);
    expect(rows.map((row) => row.utilizationGpuPercent)).toEqual([6, 6, 5, 7, 12, 8, 4, 6, 5]);
    expect(rows[0]).toMatchObject({ index: 0, name: '', memoryTotalMiB: null });
  });
});

describe('parseGpuQueryCsv on the probe format (GPU_QUERY_FIELDS)', () => {
  const wsl = [
    HEADER,
    '0, NVIDIA GeForce RTX 4090, GPU-aaaaaaaa-1111-2222-3333-444444444444, 566.36, WDDM, 24564, 10240, 351, 37, 48, 121.55',
    '1, NVIDIA GeForce RTX 3060, GPU-bbbbbbbb-1111-2222-3333-444444444444, 566.36, WDDM, 12288, 0, 205, 0, 31, 14.20',
    '',
    '',
  ].join('\r\n');

  it('reads several GPUs with CRLF line ends and trailing blank lines', () => {
    const rows = rowsOf(wsl);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      index: 0,
      name: 'NVIDIA GeForce RTX 4090',
      uuid: 'GPU-aaaaaaaa-1111-2222-3333-444444444444',
      driverVersion: '566.36',
      driverModel: 'WDDM',
      memoryTotalMiB: 24564,
      memoryUsedMiB: 10240,
      memoryReservedMiB: 351,
      utilizationGpuPercent: 37,
      temperatureC: 48,
      powerDrawW: 121.55,
    });
    expect(rows[1]).toMatchObject({
      index: 1,
      name: 'NVIDIA GeForce RTX 3060',
      memoryUsedMiB: 0,
      powerDrawW: 14.2,
    });
  });

  it('reads the noheader form with the fields passed, and the header form when fields are passed anyway', () => {
    const noHeader = wsl.split('\r\n').slice(1).join('\n');
    expect(rowsOf(noHeader, GPU_QUERY_FIELDS)).toEqual(rowsOf(wsl));
    expect(rowsOf(wsl, GPU_QUERY_FIELDS)).toEqual(rowsOf(wsl));
  });

  it('reads values with units when nounits was not given (24564 MiB, 37 %, 121.55 W)', () => {
    const withUnits = `${HEADER}\n0, NVIDIA GeForce RTX 4090, GPU-a, 566.36, WDDM, 24564 MiB, 10240 MiB, 351 MiB, 37 %, 48, 121.55 W\n`;
    expect(rowsOf(withUnits)[0]).toMatchObject({
      memoryTotalMiB: 24564,
      utilizationGpuPercent: 37,
      powerDrawW: 121.55,
    });
  });

  it('turns [N/A], [Not Supported] and any other bracketed cell into null', () => {
    const text = `${HEADER}\n0, NVIDIA L40S, [N/A], 595.80, [N/A], 46068, [Not Supported], [Unknown Error], [N/A], [Requested functionality has been deprecated], [Function Not Found]\n`;
    expect(rowsOf(text)[0]).toEqual({
      index: 0,
      name: 'NVIDIA L40S',
      uuid: null,
      driverVersion: '595.80',
      driverModel: null,
      memoryTotalMiB: 46068,
      memoryUsedMiB: null,
      memoryReservedMiB: null,
      utilizationGpuPercent: null,
      temperatureC: null,
      powerDrawW: null,
    });
  });

  it('falls back to kmd_version and gpu_name/gpu_uuid aliases and to power.draw.instant', () => {
    const text =
      'gpu_name, gpu_uuid, kmd_version, power.draw.instant [W]\nNVIDIA GeForce RTX 2080 SUPER, GPU-x, 610.62, 97.75 W\n';
    expect(rowsOf(text)[0]).toMatchObject({
      index: 0,
      name: 'NVIDIA GeForce RTX 2080 SUPER',
      uuid: 'GPU-x',
      driverVersion: '610.62',
      powerDrawW: 97.75,
    });
  });

  it('returns unreadable naming the probe for an empty output, an error message, a cut row or text in a number', () => {
    const cases = [
      '',
      '\n\n',
      'Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 550.144\n',
      'No devices were found\n',
      `${HEADER}\n`,
      `${HEADER}\n0, NVIDIA GeForce RTX 4090, GPU-a, 566.36, WDDM, 24564, 10240`,
      `${HEADER}\n0, NVIDIA GeForce RTX 4090, GPU-a, 566.36, WDDM, lots, 10240, 351, 37, 48, 121.55\n`,
      `${HEADER}\nzero, NVIDIA GeForce RTX 4090, GPU-a, 566.36, WDDM, 24564, 10240, 351, 37, 48, 121.55\n`,
      'hello\nworld\n',
    ];
    for (const text of cases) {
      const result = parseGpuQueryCsv(text, PROBE);
      expect(result, JSON.stringify(text)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
    }
    expect(parseGpuQueryCsv('No devices were found\n', PROBE)).toMatchObject({
      unreadable: { reason: 'nvidia-smi reported an error: No devices were found' },
    });
  });
});
