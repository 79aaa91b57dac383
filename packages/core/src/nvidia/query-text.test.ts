import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiQuery, parseNvidiaSmiQueryProcesses, type NvidiaSmiQueryReport } from './query-text';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'distro-nvidia-smi-q';

function reportOf(text: string): NvidiaSmiQueryReport {
  const result = parseNvidiaSmiQuery(text, PROBE);
  if (!result.ok) expect.fail(`unreadable: ${result.unreadable.reason}`);
  return result.value;
}

const MASKED_UUID = 'GPU-00000000-0000-0000-0000-000000000000';

describe('parseNvidiaSmiQuery on the captured -q outputs (exporter-captures/*/q-{idle,load}.txt)', () => {
  type Row = readonly [
    machine: string,
    state: 'idle' | 'load',
    versions: readonly [driver: string, cuda: string],
    gpu: readonly [name: string, uuid: string, driverModel: string | null],
    memory: readonly [total: number, used: number, reserved: number, free: number],
    readings: readonly [utilization: number | null, temperature: number, power: number],
    processes: number,
  ];
  const cases: readonly Row[] = [
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'idle',
      ['595.71.05', '13.2'],
      ['NVIDIA GeForce RTX 2080 SUPER', MASKED_UUID, null],
      [8192, 214, 408, 7571],
      [0, 40, 37.62],
      2,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'load',
      ['595.71.05', '13.2'],
      ['NVIDIA GeForce RTX 2080 SUPER', MASKED_UUID, null],
      [8192, 819, 408, 6967],
      [8, 45, 98.55],
      4,
    ],
    // 610: `Driver Version : 610.57.04 [Deprecated; ...]`, then `KMD Version` and `CUDA UMD Version`.
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'idle',
      ['610.57.04', '13.3'],
      ['NVIDIA GeForce RTX 2080 SUPER', MASKED_UUID, null],
      [8192, 211, 400, 7582],
      [0, 33, 38.89],
      2,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'load',
      ['610.57.04', '13.3'],
      ['NVIDIA GeForce RTX 2080 SUPER', MASKED_UUID, null],
      [8192, 815, 400, 6978],
      [8, 38, 97.75],
      4,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'idle',
      ['595.71.05', '13.2'],
      ['NVIDIA GeForce RTX 4080 SUPER', MASKED_UUID, null],
      [16376, 596, 434, 15348],
      [0, 43, 25.92],
      5,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'load',
      ['595.71.05', '13.2'],
      ['NVIDIA GeForce RTX 4080 SUPER', MASKED_UUID, null],
      [16376, 1474, 434, 14470],
      [7, 45, 84.03],
      7,
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'idle',
      ['590.48.01', '13.1'],
      ['NVIDIA H100 80GB HBM3', MASKED_UUID, null],
      [81559, 0, 479, 81081],
      [0, 41, 69.85],
      0,
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'load',
      ['590.48.01', '13.1'],
      ['NVIDIA H100 80GB HBM3', MASKED_UUID, null],
      [81559, 19818, 479, 61263],
      [100, 59, 629.45],
      3,
    ],
    // MIG: the GPU's FB Memory Usage, not the MIG devices' Shared FB Memory Usage; utilisation N/A.
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'idle',
      ['590.48.01', '13.1'],
      ['NVIDIA H100 80GB HBM3', MASKED_UUID, null],
      [81559, 59, 479, 81022],
      [null, 42, 71.27],
      0,
    ],
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'load',
      ['590.48.01', '13.1'],
      ['NVIDIA H100 80GB HBM3', MASKED_UUID, null],
      [81559, 11125, 479, 69956],
      [null, 53, 432.21],
      3,
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'idle',
      ['590.48.01', '13.1'],
      ['NVIDIA H200', MASKED_UUID, null],
      [143771, 0, 614, 143158],
      [0, 28, 77.67],
      0,
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'load',
      ['590.48.01', '13.1'],
      ['NVIDIA H200', MASKED_UUID, null],
      [143771, 32362, 614, 110796],
      [100, 52, 627.32],
      3,
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'idle',
      ['595.80', '13.2'],
      ['NVIDIA L40S', MASKED_UUID, null],
      [46068, 0, 609, 45460],
      [100, 64, 183.28],
      0,
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'load',
      ['595.80', '13.2'],
      ['NVIDIA L40S', MASKED_UUID, null],
      [46068, 1235, 609, 44225],
      [9, 54, 110.24],
      2,
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      'idle',
      ['591.86', '13.1'],
      ['NVIDIA GeForce RTX 2080 SUPER', MASKED_UUID, 'WDDM'],
      [8192, 702, 205, 7286],
      [0, 40, 38.92],
      10,
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      'load',
      ['591.86', '13.1'],
      ['NVIDIA GeForce RTX 2080 SUPER', MASKED_UUID, 'WDDM'],
      [8192, 1296, 205, 6692],
      [7, 45, 97.49],
      12,
    ],
  ];

  it.each(cases)(
    '%s q-%s.txt',
    (machine, state, [driverVersion, cudaVersion], gpu, memory, readings, processCount) => {
      const report = reportOf(fixture(`exporter-captures/${machine}/q-${state}.txt`));
      const [name, uuid, driverModel] = gpu;
      const [memoryTotalMiB, memoryUsedMiB, memoryReservedMiB, memoryFreeMiB] = memory;
      const [utilizationGpuPercent, temperatureC, powerDrawW] = readings;
      expect(report).toMatchObject({ driverVersion, cudaVersion, attachedGpus: 1, complete: true });
      expect(report.gpus).toHaveLength(1);
      expect(report.gpus[0]).toMatchObject({
        busId: expect.stringMatching(/^00000000:[0-9A-F]{2}:[0-9A-F]{2}\.0$/) as unknown,
        name,
        uuid,
        driverModel,
        memoryTotalMiB,
        memoryUsedMiB,
        memoryReservedMiB,
        memoryFreeMiB,
        utilizationGpuPercent,
        temperatureC,
        powerDrawW,
      });
      expect(report.gpus[0]?.processes).toHaveLength(processCount);
    },
  );

  it('reads the processes, with WDDM memory as null and full Windows paths', () => {
    const linux = reportOf(fixture('exporter-captures/linux-x86_64__nvidia-l40s__595.80/q-load.txt'));
    expect(linux.gpus[0]?.processes).toEqual([
      { pid: 20037, type: 'C', name: 'ffmpeg', usedMemoryMiB: 538 },
      { pid: 20038, type: 'C', name: 'ffmpeg', usedMemoryMiB: 681 },
    ]);
    const windows = reportOf(
      fixture('exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/q-idle.txt'),
    );
    expect(windows.gpus[0]?.processes?.[1]).toEqual({
      pid: 4680,
      type: 'C+G',
      name: 'C:\\Program Files\\NVIDIA Corporation\\NVIDIA GeForce Experience\\NVIDIA Share.exe',
      usedMemoryMiB: null,
    });
  });
});

describe('parseNvidiaSmiQuery on -q output captured inside WSL (excerpts from issues)', () => {
  it('reads WDDM inside WSL, driver 510.06, CUDA 11.6 (NVIDIA/nvidia-container-toolkit#271, nvidia-smi -a)', () => {
    const report = reportOf(
      fixture('wsl/nvidia-container-toolkit-271__q-a-drv510.06-gtx1650ti__truncated.txt'),
    );
    expect(report).toEqual({
      driverVersion: '510.06',
      cudaVersion: '11.6',
      attachedGpus: 1,
      gpus: [
        {
          busId: '00000000:01:00.0',
          name: 'NVIDIA GeForce GTX 1650 Ti with Max-Q Design',
          uuid: 'GPU-b5e386b4-3e71-5837-aca5-80c5914cf07f',
          driverModel: 'WDDM',
          // The excerpt ends at the GPU Part Number line.
          memoryTotalMiB: null,
          memoryUsedMiB: null,
          memoryReservedMiB: null,
          memoryFreeMiB: null,
          utilizationGpuPercent: null,
          temperatureC: null,
          powerDrawW: null,
          processes: null,
        },
      ],
      complete: false,
    });
  });

  it('reads WDDM inside WSL for an RTX 2080 Ti (NVIDIA/nvidia-docker#1551, starts at Attached GPUs)', () => {
    const report = reportOf(fixture('wsl/nvidia-docker-1551__q-rtx2080ti-wddm__excerpt.txt'));
    expect(report).toMatchObject({
      driverVersion: null,
      cudaVersion: null,
      attachedGpus: 1,
      complete: false,
    });
    expect(report.gpus).toEqual([
      expect.objectContaining({
        busId: '00000000:2D:00.0',
        name: 'NVIDIA GeForce RTX 2080 Ti',
        uuid: 'GPU-4949b172-957c-5479-5dc3-12e0ea688389',
        driverModel: 'WDDM',
      }),
    ]);
  });

  it('reads processes without memory under WDDM from a Processes excerpt (NVIDIA/nvidia-docker#1458)', () => {
    const text = fixture('wsl/nvidia-docker-1458__q-processes-wddm-not-available__excerpt.txt');
    expect(parseNvidiaSmiQueryProcesses(text, PROBE)).toEqual({
      ok: true,
      value: [
        {
          pid: 2936,
          type: 'C+G',
          name: 'C:\\Windows\\SystemApps\\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\\TextInputHost.exe',
          usedMemoryMiB: null,
        },
        {
          pid: 2964,
          type: 'C+G',
          name: 'C:\\Users\\levip\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
          usedMemoryMiB: null,
        },
      ],
    });
    // It has no GPU section and no driver version: not a -q report.
    expect(parseNvidiaSmiQuery(text, PROBE)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
  });
});

describe('parseNvidiaSmiQuery on shapes the fixtures do not show', () => {
  it('reads two GPUs, `Processes : None` and the legacy Power Readings / Power Draw', () => {
    const text = [
      '==============NVSMI LOG==============',
      'Driver Version                            : 470.82.01',
      'CUDA Version                              : 11.4',
      'Attached GPUs                             : 2',
      'GPU 00000000:01:00.0',
      '    Product Name                          : Tesla V100-SXM2-16GB',
      '    FB Memory Usage',
      '        Total                             : 16160 MiB',
      '        Used                              : 0 MiB',
      '    Power Readings',
      '        Power Draw                        : 41.28 W',
      '    Processes                             : None',
      '',
      'GPU 00000000:02:00.0',
      '    Product Name                          : Tesla V100-SXM2-16GB',
      '    Processes                             : None',
      '',
    ].join('\r\n');
    const report = reportOf(text);
    expect(report).toMatchObject({
      driverVersion: '470.82.01',
      cudaVersion: '11.4',
      attachedGpus: 2,
      complete: true,
    });
    expect(
      report.gpus.map((gpu) => [
        gpu.busId,
        gpu.memoryTotalMiB,
        gpu.memoryReservedMiB,
        gpu.powerDrawW,
        gpu.processes,
      ]),
    ).toEqual([
      ['00000000:01:00.0', 16160, null, 41.28, []],
      ['00000000:02:00.0', null, null, null, []],
    ]);
    expect(parseNvidiaSmiQueryProcesses(text, PROBE)).toEqual({ ok: true, value: [] });
  });

  it('returns unreadable naming the probe for an error, garbage, an empty output or one that stops mid-line', () => {
    const full = fixture('exporter-captures/linux-x86_64__nvidia-h200__590.48.01/q-idle.txt');
    const cases = [
      '',
      'No devices were found\n',
      '<html><head><title>404</title></head></html>\n',
      full.slice(0, full.indexOf('81081') + 2),
    ];
    for (const text of cases) {
      expect(parseNvidiaSmiQuery(text, PROBE), text.slice(-40)).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
      expect(parseNvidiaSmiQueryProcesses(text, PROBE)).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
