import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NvidiaSmiReport } from './gpu-details';
import { parseNvidiaSmiXml } from './xml';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const PROBE = 'host-nvidia-smi-xml';

function reportOf(text: string): NvidiaSmiReport {
  const result = parseNvidiaSmiXml(text, PROBE);
  if (!result.ok) expect.fail(`unreadable: ${result.unreadable.reason}`);
  return result.value;
}

describe('parseNvidiaSmiXml on the captured -q -x files (xml/, DTD v10 to v13)', () => {
  type Row = readonly [
    file: string,
    driver: readonly [driverVersion: string | null, cudaVersion: string | null, attachedGpus: number | null],
    gpu: readonly [name: string, uuid: string, busId: string, driverModel: string | null],
    memory: readonly [total: number, used: number, reserved: number | null, free: number],
    readings: readonly [utilization: number | null, temperature: number, power: number | null],
    processes: number | null,
  ];
  const cases: readonly Row[] = [
    // MIG: gpu_util N/A, and the MIG devices' own fb_memory_usage (19968 MiB) is not the GPU's.
    [
      'netdata__a100-sxm4-mig.xml',
      ['510.47.03', '11.6', 1],
      ['NVIDIA A100-SXM4-40GB', 'GPU-27b94a00-ed54-5c24-b1fd-1054085de32a', '00000000:00:04.0', null],
      [40960, 38, 605, 40315],
      [null, 36, 66.92],
      0,
    ],
    // A real Windows capture: WDDM, and 26 processes whose used_memory is N/A.
    [
      'netdata__rtx-2080-win.xml',
      ['516.59', '11.7', 1],
      ['NVIDIA GeForce RTX 2080', 'GPU-fbd55ed4-1eec-4423-0a47-ad594b4333e3', '00000000:0A:00.0', 'WDDM'],
      [8192, 862, 182, 7147],
      [2, 29, 14.5],
      26,
    ],
    [
      'netdata__rtx-3060.xml',
      ['515.65.01', '11.7', 1],
      [
        'NVIDIA GeForce RTX 3060 Laptop GPU',
        'GPU-473d8d0f-d462-185c-6b36-6fc23e23e571',
        '00000000:01:00.0',
        null,
      ],
      [6144, 5, 197, 5940],
      [0, 45, 8.7],
      1,
    ],
    // v12: gpu_power_readings/power_draw; module_power_readings/power_draw is N/A and not the board's.
    [
      'netdata__rtx-4090-driver-535.xml',
      ['535.86.05', '12.2', 1],
      ['NVIDIA GeForce RTX 4090', 'GPU-71d1acc2-662d-2166-bf9f-65272d2fc437', '00000000:84:00.0', null],
      [24564, 2, 346, 24214],
      [0, 40, 26.84],
      0,
    ],
    [
      'netdata__tesla-p100.xml',
      ['510.47.03', '11.6', 1],
      ['Tesla P100-PCIE-16GB', 'GPU-d3da8716-eaab-75db-efc1-60e88e1cd55e', '00000000:00:04.0', null],
      [16384, 0, 103, 16280],
      [0, 38, 26.16],
      0,
    ],
    // Says 4 attached GPUs but the test file keeps only the first.
    [
      'telegraf__a100-sxm4-v12.xml',
      ['535.54.03', '12.2', 4],
      ['NVIDIA A100-SXM4-80GB', 'GPU-513536b6-7d19-9063-b049-1e69664bb298', '00000000:01:00.0', null],
      [81920, 50, 869, 80999],
      [null, 27, 67.03],
      0,
    ],
    [
      'telegraf__a10g.xml',
      ['515.105.01', '11.7', 1],
      ['NVIDIA A10G', 'GPU-9a9a6c50-2a47-2f51-a902-b82c3b127e94', '00000000:00:1E.0', null],
      [23028, 22, 435, 22569],
      [0, 17, 25.58],
      1,
    ],
    // Trimmed v10 file: no driver or CUDA version, no reserved memory, no processes element, power N/A.
    [
      'telegraf__gtx-1070-ti.xml',
      [null, null, null],
      ['GeForce GTX 1070 Ti', 'GPU-f9ba66fc-a7f5-94c5-da19-019ef2f9c665', '00000000:01:00.0', null],
      [4096, 42, null, 4054],
      [0, 39, null],
      null,
    ],
    [
      'telegraf__gtx-1660-ti.xml',
      ['418.43', '10.1', 1],
      ['Graphics Device', 'GPU-304a277d-3545-63b8-3a36-dfde3c992989', '00000000:43:00.0', null],
      [5912, 0, null, 5912],
      [0, 40, 8.93],
      0,
    ],
    [
      'telegraf__quadro-p2000-v12.xml',
      ['525.125.06', '12.0', 1],
      ['Quadro P2000', 'GPU-396caaed-39ca-3199-2e68-717cdb786ec6', '00000000:17:00.0', null],
      [5120, 1, 66, 5051],
      [0, 34, 4.61],
      0,
    ],
    [
      'telegraf__quadro-p400.xml',
      ['418.43', '10.1', 1],
      ['Quadro P400', 'GPU-8f750be4-dfbc-23b9-b33f-da729a536494', '00000000:43:00.0', null],
      [1998, 0, null, 1998],
      [0, 33, null],
      0,
    ],
    // v13 style readings: average_power_draw (11.60 W) is preferred over instant_power_draw (11.63 W).
    [
      'telegraf__rtx-3060-v12.xml',
      ['570.124.04', '12.8', 1],
      ['NVIDIA GeForce RTX 3060', 'GPU-d6889ff6-2523-9142-ca3c-1ca3f396a625', '00000000:2D:00.0', null],
      [12288, 116, 368, 11806],
      [0, 42, 11.6],
      0,
    ],
    [
      'telegraf__rtx-3080-v12.xml',
      ['536.40', '12.2', 1],
      ['NVIDIA GeForce RTX 3080', 'GPU-19d6d965-2acc-f646-00f8-4c76979aabb4', '00000000:04:00.0', 'WDDM'],
      [10240, 1128, 173, 8938],
      [0, 31, 22.78],
      5,
    ],
    [
      'telegraf__rtx-3080-v13.xml',
      ['595.58.03', '13.2', 1],
      ['NVIDIA GeForce RTX 3080', 'GPU-19d6d965-2acc-f646-00f8-4c76979aabb4', '00000000:0C:00.0', null],
      [10240, 9184, 397, 660],
      [65, 27, 139.62],
      0,
    ],
    [
      'telegraf__tesla-t4.xml',
      ['515.105.01', '11.7', 1],
      ['Tesla T4', 'GPU-d37e67a5-91dd-3774-a5cb-99096249601a', '00000000:00:1E.0', null],
      [15360, 1032, 388, 13939],
      [0, 40, 26.78],
      2,
    ],
  ];

  it.each(cases)(
    '%s',
    (file, [driverVersion, cudaVersion, attachedGpus], gpu, memory, readings, processCount) => {
      const report = reportOf(fixture(`xml/${file}`));
      const [name, uuid, busId, driverModel] = gpu;
      const [memoryTotalMiB, memoryUsedMiB, memoryReservedMiB, memoryFreeMiB] = memory;
      const [utilizationGpuPercent, temperatureC, powerDrawW] = readings;
      expect(report).toMatchObject({ driverVersion, cudaVersion, attachedGpus });
      expect(report.gpus).toHaveLength(1);
      expect(report.gpus[0]).toMatchObject({
        busId,
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
      expect(report.gpus[0]?.processes?.length ?? null).toBe(processCount);
    },
  );

  it('reads processes: WDDM N/A memory and an empty name as null, Linux memory in MiB', () => {
    const windows = reportOf(fixture('xml/netdata__rtx-2080-win.xml')).gpus[0]?.processes;
    expect(windows?.[0]).toEqual({
      pid: 7724,
      type: 'C+G',
      name: 'C:\\Program Files\\WindowsApps\\Microsoft.YourPhone_1.22062.543.0_x64__8wekyb3d8bbwe\\PhoneExperienceHost.exe',
      usedMemoryMiB: null,
    });
    expect(windows?.[1]).toEqual({ pid: 10808, type: 'C+G', name: null, usedMemoryMiB: null });
    expect(reportOf(fixture('xml/telegraf__tesla-t4.xml')).gpus[0]?.processes).toEqual([
      { pid: 675, type: 'G', name: '/usr/lib/xorg/Xorg', usedMemoryMiB: 22 },
      { pid: 5762, type: 'C', name: 'python', usedMemoryMiB: 1005 },
    ]);
  });
});

describe('parseNvidiaSmiXml on shapes the fixtures do not show', () => {
  it('reads several GPUs, entities and 610-style kmd_version / cuda_umd_version if they appear', () => {
    const xml = [
      '<?xml version="1.0" ?>',
      '<!DOCTYPE nvidia_smi_log SYSTEM "nvsmi_device_v13.dtd">',
      '<nvidia_smi_log>',
      '<!-- a comment -->',
      '<driver_version>610.62 [Deprecated; will be removed in CUDA 14.0. Use KMD Version instead]</driver_version>',
      '<kmd_version>610.62</kmd_version><cuda_version>13.3</cuda_version><cuda_umd_version>13.3</cuda_umd_version>',
      '<attached_gpus>2</attached_gpus>',
      '<gpu id="00000000:01:00.0"><product_name>NVIDIA RTX A6000 &amp; friends</product_name><uuid>GPU-1</uuid>',
      '<fb_memory_usage><total>49140 MiB</total><used>4 MiB</used></fb_memory_usage></gpu>',
      '<gpu id="00000000:02:00.0"><product_name><![CDATA[NVIDIA RTX <A4000>]]></product_name><uuid>GPU-2</uuid><processes/></gpu>',
      '</nvidia_smi_log>',
    ].join('\r\n');
    const report = reportOf(xml);
    expect(report).toMatchObject({ driverVersion: '610.62', cudaVersion: '13.3', attachedGpus: 2 });
    expect(report.gpus.map((gpu) => [gpu.busId, gpu.name, gpu.memoryTotalMiB, gpu.processes])).toEqual([
      ['00000000:01:00.0', 'NVIDIA RTX A6000 & friends', 49140, null],
      ['00000000:02:00.0', 'NVIDIA RTX <A4000>', null, []],
    ]);
  });

  it('returns unreadable naming the probe for a cut document, another root, no GPU, an error or garbage', () => {
    const full = fixture('xml/telegraf__tesla-t4.xml');
    const cases = [
      '',
      full.slice(0, full.lastIndexOf('</nvidia_smi_log>')),
      '<?xml version="1.0"?><html><body>oops</body></html>',
      '<nvidia_smi_log><driver_version>595.58.03</driver_version></nvidia_smi_log>',
      '<nvidia_smi_log><gpu></nvidia_smi_log>',
      '<nvidia_smi_log></nvidia_smi_log><nvidia_smi_log></nvidia_smi_log>',
      'Failed to initialize NVML: GPU access blocked by the operating system\n',
      'text before <nvidia_smi_log><gpu/></nvidia_smi_log>',
    ];
    for (const text of cases) {
      expect(parseNvidiaSmiXml(text, PROBE), text.slice(-60)).toMatchObject({
        ok: false,
        unreadable: { probe: PROBE },
      });
    }
  });
});
