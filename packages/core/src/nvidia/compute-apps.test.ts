import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseComputeAppsCsv } from './compute-apps';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-compute-apps';

describe('parseComputeAppsCsv on the captured --query-compute-apps outputs (exporter-captures/*/compute-apps-*.csv)', () => {
  const linux: readonly [
    machine: string,
    state: 'idle' | 'load',
    apps: readonly (readonly [number, string, number])[],
  ][] = [
    ['linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05', 'idle', []],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05',
      'load',
      [
        [5268, 'ffmpeg', 370],
        [5267, 'ffmpeg', 230],
      ],
    ],
    ['linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04', 'idle', []],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04',
      'load',
      [
        [28512, 'ffmpeg', 370],
        [28511, 'ffmpeg', 230],
      ],
    ],
    ['linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05', 'idle', [[2165, '/usr/bin/kwin_wayland', 25]]],
    [
      'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05',
      'load',
      [
        [2165, '/usr/bin/kwin_wayland', 25],
        [5022, 'ffmpeg', 503],
        [5021, 'ffmpeg', 360],
      ],
    ],
    ['linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01', 'idle', []],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
      'load',
      [
        [11327, '/root/tools/memhog', 2566],
        [11328, '/root/tools/memhog', 1542],
        [11345, './gpu_burn', 15690],
      ],
    ],
    ['linux-x86_64__nvidia-h100-mig__590.48.01', 'idle', []],
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01',
      'load',
      [
        [21180, '/root/tools/memhog', 2296],
        [21181, '/root/tools/memhog', 1272],
        [21198, './gpu_burn', 7484],
      ],
    ],
    ['linux-x86_64__nvidia-h200__590.48.01', 'idle', []],
    [
      'linux-x86_64__nvidia-h200__590.48.01',
      'load',
      [
        [10291, '/root/tools/memhog', 2566],
        [10293, '/root/tools/memhog', 1542],
        [10309, './gpu_burn', 28234],
      ],
    ],
    ['linux-x86_64__nvidia-l40s__595.80', 'idle', []],
    [
      'linux-x86_64__nvidia-l40s__595.80',
      'load',
      [
        [20037, 'ffmpeg', 538],
        [20038, 'ffmpeg', 681],
      ],
    ],
  ];

  it.each(linux)('%s compute-apps-%s.csv', (machine, state, apps) => {
    const result = parseComputeAppsCsv(
      fixture(`exporter-captures/${machine}/compute-apps-${state}.csv`),
      PROBE,
    );
    if (!result.ok) expect.fail(result.unreadable.reason);
    expect(result.value.map((app) => [app.pid, app.processName, app.usedMemoryMiB])).toEqual(apps);
    for (const app of result.value) {
      expect(app.gpuUuid).toBe('GPU-00000000-0000-0000-0000-000000000000');
      expect(app.gpuBusId).toMatch(/^00000000:[0-9A-F]{2}:[0-9A-F]{2}\.0$/);
    }
  });

  it.each(['idle', 'load'])(
    'windows 591.86 compute-apps-%s.csv: WDDM lists processes with [N/A] memory',
    (state) => {
      const file = `exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/compute-apps-${state}.csv`;
      const result = parseComputeAppsCsv(fixture(file), PROBE);
      if (!result.ok) expect.fail(result.unreadable.reason);
      const pids = [12444, 15076, 2056, 12332, 20372, 4680, 14160, 14184, 16280, 24804];
      expect(result.value.map((app) => app.pid)).toEqual(state === 'idle' ? pids : [...pids, 25704, 26660]);
      expect(result.value.every((app) => app.usedMemoryMiB === null)).toBe(true);
      expect(result.value[0]).toEqual({
        gpuUuid: 'GPU-00000000-0000-0000-0000-000000000000',
        gpuName: 'NVIDIA GeForce RTX 2080 SUPER',
        gpuBusId: '00000000:0C:00.0',
        pid: 12444,
        processName: 'C:\\Windows\\SystemApps\\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\\TextInputHost.exe',
        usedMemoryMiB: null,
      });
      expect(result.value[4]?.processName).toBe('C:\\Program Files\\NZXT CAM\\NZXT CAM.exe');
    },
  );
});

describe('parseComputeAppsCsv on other shapes', () => {
  it('keeps a comma inside a process path, and reads the noheader form with the fields passed', () => {
    const fields = ['pid', 'process_name', 'used_gpu_memory'];
    const result = parseComputeAppsCsv('4242, C:\\Games\\Foo, Bar\\foo.exe, 512\n', PROBE, fields);
    expect(result).toEqual({
      ok: true,
      value: [
        {
          gpuUuid: null,
          gpuName: null,
          gpuBusId: null,
          pid: 4242,
          processName: 'C:\\Games\\Foo, Bar\\foo.exe',
          usedMemoryMiB: 512,
        },
      ],
    });
  });

  it('returns unreadable naming the probe without pid, for a bad row, an error or garbage', () => {
    const cases = [
      '',
      'gpu_name, process_name\nNVIDIA, ffmpeg\n',
      'pid, process_name, used_gpu_memory [MiB]\nabc, ffmpeg, 12 MiB\n',
      'pid, process_name, used_gpu_memory [MiB]\n12, ffmpeg, lots\n',
      'Failed to initialize NVML: Driver/library version mismatch\n',
      '<html></html>',
    ];
    for (const text of cases) {
      expect(parseComputeAppsCsv(text, PROBE), text).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
