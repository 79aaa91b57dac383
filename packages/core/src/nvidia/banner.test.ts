import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiBanner, type NvidiaSmiBanner } from './banner';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'distro-nvidia-smi';

function bannerOf(text: string): NvidiaSmiBanner {
  const result = parseNvidiaSmiBanner(text, PROBE);
  if (!result.ok) expect.fail(`unreadable: ${result.unreadable.reason}`);
  return result.value;
}

describe('parseNvidiaSmiBanner on the captured tables (exporter-captures/*/banner-{idle,load}.txt)', () => {
  type Row = readonly [
    machine: string,
    state: 'idle' | 'load',
    versions: readonly [driver: string, cuda: string, labels: NvidiaSmiBanner['labels']],
    gpu: readonly [
      name: string,
      mode: string,
      fan: number | null,
      temp: number,
      perf: string,
      power: number,
      cap: number,
    ],
    memory: readonly [used: number, total: number, util: number | null],
    processes: number,
  ];
  const cases: readonly Row[] = [
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'idle',
      ['595.71.05', '13.2', 'driver-version'],
      ['NVIDIA GeForce RTX 2080 ...', 'Off', 37, 40, 'P8', 37, 250],
      [214, 8192, 0],
      2,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'load',
      ['595.71.05', '13.2', 'driver-version'],
      ['NVIDIA GeForce RTX 2080 ...', 'Off', 38, 45, 'P2', 98, 250],
      [819, 8192, 8],
      4,
    ],
    // 610: `KMD Version` / `CUDA UMD Version`.
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'idle',
      ['610.57.04', '13.3', 'kmd-version'],
      ['NVIDIA GeForce RTX 2080 ...', 'Off', 38, 33, 'P8', 38, 250],
      [211, 8192, 0],
      2,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'load',
      ['610.57.04', '13.3', 'kmd-version'],
      ['NVIDIA GeForce RTX 2080 ...', 'Off', 38, 38, 'P2', 97, 250],
      [815, 8192, 8],
      4,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'idle',
      ['595.71.05', '13.2', 'driver-version'],
      ['NVIDIA GeForce RTX 4080 ...', 'Off', 0, 43, 'P8', 25, 320],
      [596, 16376, 0],
      5,
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'load',
      ['595.71.05', '13.2', 'driver-version'],
      ['NVIDIA GeForce RTX 4080 ...', 'Off', 0, 45, 'P2', 83, 320],
      [1474, 16376, 7],
      7,
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'idle',
      ['590.48.01', '13.1', 'driver-version'],
      ['NVIDIA H100 80GB HBM3', 'On', null, 41, 'P0', 69, 700],
      [0, 81559, 0],
      0,
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'load',
      ['590.48.01', '13.1', 'driver-version'],
      ['NVIDIA H100 80GB HBM3', 'On', null, 59, 'P0', 629, 700],
      [19818, 81559, 100],
      3,
    ],
    // MIG: GPU-Util reads N/A, and the MIG devices table is not taken for GPUs or processes.
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'idle',
      ['590.48.01', '13.1', 'driver-version'],
      ['NVIDIA H100 80GB HBM3', 'On', null, 42, 'P0', 98, 700],
      [59, 81559, null],
      0,
    ],
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'load',
      ['590.48.01', '13.1', 'driver-version'],
      ['NVIDIA H100 80GB HBM3', 'On', null, 52, 'P0', 432, 700],
      [11125, 81559, null],
      3,
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'idle',
      ['590.48.01', '13.1', 'driver-version'],
      ['NVIDIA H200', 'On', null, 28, 'P0', 77, 700],
      [0, 143771, 0],
      0,
    ],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'load',
      ['590.48.01', '13.1', 'driver-version'],
      ['NVIDIA H200', 'On', null, 52, 'P0', 628, 700],
      [32362, 143771, 100],
      3,
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'idle',
      ['595.80', '13.2', 'driver-version'],
      ['NVIDIA L40S', 'Off', null, 64, 'P0', 242, 350],
      [0, 46068, 100],
      0,
    ],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'load',
      ['595.80', '13.2', 'driver-version'],
      ['NVIDIA L40S', 'Off', null, 54, 'P0', 110, 350],
      [1235, 46068, 9],
      2,
    ],
    // Windows: the column is Driver-Model and reads WDDM.
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      'idle',
      ['591.86', '13.1', 'driver-version'],
      ['NVIDIA GeForce RTX 2080 ...', 'WDDM', 37, 40, 'P8', 38, 250],
      [702, 8192, 0],
      10,
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86',
      'load',
      ['591.86', '13.1', 'driver-version'],
      ['NVIDIA GeForce RTX 2080 ...', 'WDDM', 38, 45, 'P2', 97, 250],
      [1296, 8192, 7],
      12,
    ],
  ];

  it.each(cases)('%s banner-%s.txt', (machine, state, [driver, cuda, labels], gpu, memory, processCount) => {
    const banner = bannerOf(fixture(`exporter-captures/${machine}/banner-${state}.txt`));
    const [name, mode, fan, temp, perf, power, cap] = gpu;
    const [used, total, util] = memory;
    const windows = machine.startsWith('windows');
    expect(banner).toMatchObject({
      smiVersion: driver,
      driverVersion: driver,
      cudaVersion: cuda,
      cudaVersionError: false,
      labels,
      complete: true,
    });
    expect(banner.timestamp).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d 2026$/);
    expect(banner.gpus).toEqual([
      {
        index: 0,
        name,
        nameTruncated: name.endsWith('...'),
        driverModel: windows ? mode : null,
        persistenceMode: windows ? null : mode,
        busId: expect.stringMatching(/^00000000:[0-9A-F]{2}:[0-9A-F]{2}\.0$/) as unknown,
        fanPercent: fan,
        temperatureC: temp,
        performanceState: perf,
        powerDrawW: power,
        powerCapW: cap,
        memoryUsedMiB: used,
        memoryTotalMiB: total,
        utilizationGpuPercent: util,
        utilizationGpuError: false,
        computeMode: 'Default',
      },
    ]);
    expect(banner.processes).toHaveLength(processCount);
  });

  it('reads the process rows: Linux with memory, Windows WDDM with N/A memory and paths cut at the front', () => {
    const linux = bannerOf(
      fixture('exporter-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04/banner-load.txt'),
    );
    expect(linux.processes).toEqual([
      { gpuIndex: 0, pid: 1720, type: 'G', name: '/usr/bin/gnome-shell', usedMemoryMiB: 173 },
      { gpuIndex: 0, pid: 4556, type: 'G', name: '/usr/bin/Xwayland', usedMemoryMiB: 3 },
      { gpuIndex: 0, pid: 28511, type: 'C', name: 'ffmpeg', usedMemoryMiB: 230 },
      { gpuIndex: 0, pid: 28512, type: 'C', name: 'ffmpeg', usedMemoryMiB: 370 },
    ]);
    const windows = bannerOf(
      fixture('exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/banner-load.txt'),
    );
    expect(windows.processes?.[0]).toEqual({
      gpuIndex: 0,
      pid: 2056,
      type: 'C+G',
      name: 'C:\\Windows\\System32\\dwm.exe',
      usedMemoryMiB: null,
    });
    expect(windows.processes?.[8]).toEqual({
      gpuIndex: 0,
      pid: 20372,
      type: 'C+G',
      name: '...m Files\\NZXT CAM\\NZXT CAM.exe',
      usedMemoryMiB: null,
    });
    expect(windows.processes?.[11]).toMatchObject({ pid: 26660, type: 'C', usedMemoryMiB: null });
    const mig = bannerOf(
      fixture('exporter-captures/linux-x86_64__nvidia-h100-mig__590.48.01/banner-load.txt'),
    );
    expect(mig.processes?.map((process) => [process.pid, process.name, process.usedMemoryMiB])).toEqual([
      [21180, '/root/tools/memhog', 2296],
      [21181, '/root/tools/memhog', 1272],
      [21198, './gpu_burn', 7484],
    ]);
  });
});

describe('parseNvidiaSmiBanner on tables pasted in issues (excerpts end early: complete is false)', () => {
  it('reads the Windows host of microsoft/WSL#10289: driver 536.40, CUDA 12.2, a GTX 1060 3GB in WDDM', () => {
    const banner = bannerOf(fixture('banners/windows__ms-WSL-10289__smi536.40-gtx1060-wddm__truncated.txt'));
    expect(banner).toMatchObject({
      smiVersion: '536.40',
      driverVersion: '536.40',
      cudaVersion: '12.2',
      processes: null,
      complete: false,
    });
    expect(banner.gpus).toHaveLength(1);
    expect(banner.gpus[0]).toMatchObject({
      index: 0,
      name: 'NVIDIA GeForce GTX 1060 3GB',
      nameTruncated: false,
      driverModel: 'WDDM',
      busId: '00000000:01:00.0',
      // The excerpt ends before the GPU's second row.
      memoryUsedMiB: null,
      memoryTotalMiB: null,
      utilizationGpuPercent: null,
    });
  });

  it('reads the L40S of microsoft/WSL#11865 in TCC (which is why WSL sees no GPU)', () => {
    const banner = bannerOf(fixture('banners/windows__ms-WSL-11865__smi555.85-L40S-TCC__truncated.txt'));
    expect(banner).toMatchObject({
      timestamp: 'Wed Jul 31 11:24:43 2024',
      driverVersion: '555.85',
      cudaVersion: '12.5',
      complete: false,
    });
    expect(banner.gpus).toEqual([
      {
        index: 0,
        name: 'NVIDIA L40S',
        nameTruncated: false,
        driverModel: 'TCC',
        persistenceMode: null,
        busId: '00000000:61:00.0',
        fanPercent: null,
        temperatureC: 17,
        performanceState: 'P8',
        powerDrawW: 21,
        powerCapW: 350,
        memoryUsedMiB: 9,
        memoryTotalMiB: 46068,
        utilizationGpuPercent: 0,
        utilizationGpuError: false,
        computeMode: 'Default',
      },
    ]);
  });

  it('reads both GPUs of the old 79-column layout (microsoft/WSL#9134), the second cut after its memory', () => {
    const banner = bannerOf(
      fixture('banners/windows__ms-WSL-9134__smi517.48-2gpu-wddm-oldlayout__truncated.txt'),
    );
    expect(banner).toMatchObject({
      timestamp: 'Wed Nov  9 21:31:58 2022',
      driverVersion: '517.48',
      cudaVersion: '11.7',
      complete: false,
    });
    expect(
      banner.gpus.map((gpu) => [gpu.index, gpu.name, gpu.nameTruncated, gpu.driverModel, gpu.busId]),
    ).toEqual([
      [0, 'NVIDIA GeForce ...', true, 'WDDM', '00000000:0A:00.0'],
      [1, 'NVIDIA GeForce ...', true, 'WDDM', '00000000:43:00.0'],
    ]);
    expect(banner.gpus[0]).toMatchObject({
      fanPercent: 0,
      temperatureC: 31,
      powerDrawW: 16,
      powerCapW: 250,
      memoryUsedMiB: 576,
      memoryTotalMiB: 11264,
      utilizationGpuPercent: 0,
    });
    expect(banner.gpus[1]).toMatchObject({
      temperatureC: 29,
      powerDrawW: 17,
      memoryUsedMiB: 2152,
      memoryTotalMiB: 11264,
      utilizationGpuPercent: null,
      computeMode: null,
    });
  });

  it('reads WSL: nvidia-smi 555.52.01 against Windows driver 555.99 (microsoft/WSL#11277)', () => {
    const banner = bannerOf(fixture('wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'));
    expect(banner).toMatchObject({
      timestamp: 'Fri Jul 19 13:41:16 2024',
      smiVersion: '555.52.01',
      driverVersion: '555.99',
      cudaVersion: '12.5',
      // The excerpt ends at the Processes heading, before the table: unknown, not "none".
      processes: null,
      complete: false,
    });
    expect(banner.gpus).toEqual([
      expect.objectContaining({
        name: 'NVIDIA GeForce RTX 4070 ...',
        nameTruncated: true,
        persistenceMode: 'On',
        driverModel: null,
        memoryUsedMiB: 576,
        memoryTotalMiB: 12282,
        utilizationGpuPercent: 0,
        powerDrawW: 3,
        powerCapW: 220,
      }),
    ]);
  });

  it('reads WSL: nvidia-smi 550.54.10 against Windows driver 551.61, header only (llama.cpp#6261)', () => {
    const banner = bannerOf(fixture('wsl/llama.cpp-6261__banner-smi550.54.10-drv551.61__header-only.txt'));
    expect(banner).toEqual({
      timestamp: null,
      smiVersion: '550.54.10',
      driverVersion: '551.61',
      cudaVersion: '12.4',
      cudaVersionError: false,
      labels: 'driver-version',
      gpus: [],
      processes: null,
      complete: false,
    });
  });
});

describe('parseNvidiaSmiBanner on shapes the fixtures do not show', () => {
  const wslBroken = [
    'Thu Nov 19 21:02:11 2026       ',
    '+-----------------------------------------------------------------------------------------+',
    '| NVIDIA-SMI 545.29.02              Driver Version: 546.80         CUDA Version: ERR!     |',
    '|-----------------------------------------+------------------------+----------------------+',
    '| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |',
    '| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |',
    '|=========================================+========================+======================|',
    '|   0  NVIDIA GeForce RTX 3090        On  |   00000000:01:00.0  On |                  N/A |',
    '| 30%   35C    P8             20W /  350W |    1024MiB /  24576MiB |     ERR!     Default |',
    '+-----------------------------------------+------------------------+----------------------+',
    '|   1  NVIDIA GeForce RTX 3090        On  |   00000000:02:00.0 Off |                  N/A |',
    '| 30%   33C    P8             18W /  350W |       0MiB /  24576MiB |      0%      Default |',
    '+-----------------------------------------+------------------------+----------------------+',
    '',
    '+-----------------------------------------------------------------------------------------+',
    '| Processes:                                                                              |',
    '|  GPU   GI   CI              PID   Type   Process name                        GPU Memory |',
    '|        ID   ID                                                               Usage      |',
    '|=========================================================================================|',
    '|    1   N/A  N/A             321      C   /usr/bin/python3                       N/A      |',
    '+-----------------------------------------------------------------------------------------+',
    '',
  ].join('\r\n');

  it('reports CUDA Version: ERR! and GPU-Util ERR! explicitly, with two GPUs and CRLF', () => {
    const banner = bannerOf(wslBroken);
    expect(banner).toMatchObject({
      driverVersion: '546.80',
      cudaVersion: null,
      cudaVersionError: true,
      complete: true,
    });
    expect(
      banner.gpus.map((gpu) => [
        gpu.index,
        gpu.utilizationGpuPercent,
        gpu.utilizationGpuError,
        gpu.memoryTotalMiB,
      ]),
    ).toEqual([
      [0, null, true, 24576],
      [1, 0, false, 24576],
    ]);
    expect(banner.processes).toEqual([
      { gpuIndex: 1, pid: 321, type: 'C', name: '/usr/bin/python3', usedMemoryMiB: null },
    ]);
  });

  it('returns unreadable naming the probe for errors, garbage, a cut version line or output that stops mid-line', () => {
    const cases = [
      '',
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n",
      '<!doctype html><html><body><h1>nvidia</h1></body></html>\n',
      '+------+\n| NVIDIA-SMI 555.52.01              Driver Vers\n',
      wslBroken.slice(0, wslBroken.indexOf('1024MiB') + 4),
    ];
    for (const text of cases) {
      expect(parseNvidiaSmiBanner(text, PROBE), JSON.stringify(text.slice(0, 60))).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
