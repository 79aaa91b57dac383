import type { SimulatedGpu } from '../scenarios/scenario';

/** What an nvidia-smi prints about: the driver, CUDA, the GPUs, and where it runs. */
export interface NvidiaView {
  readonly smiVersion: string;
  readonly driverVersion: string;
  readonly cudaVersion: string;
  /** `CUDA Version: ERR!`, as a broken in-distro stack shows. */
  readonly cudaError?: boolean;
  readonly gpus: readonly SimulatedGpu[];
  /** WDDM on the Windows host; inside WSL the column reads Persistence-M. */
  readonly onHost: boolean;
}

const pad = (text: string, width: number): string => text.padEnd(width).slice(0, width);
const right = (text: string, width: number): string => text.padStart(width).slice(-width);

/** The plain `nvidia-smi` table, shaped like the real 55x–59x banners in the fixtures. */
export function renderBanner(view: NvidiaView, now = 'Fri Nov 20 09:14:03 2026'): string {
  const cuda = view.cudaError ? 'ERR!' : view.cudaVersion;
  const header = `| NVIDIA-SMI ${pad(view.smiVersion, 22)}Driver Version: ${pad(view.driverVersion, 15)}CUDA Version: ${pad(cuda, 9)}|`;
  const lines = [
    `${now}       `,
    '+-----------------------------------------------------------------------------------------+',
    header,
    '|-----------------------------------------+------------------------+----------------------+',
    `| GPU  Name                 ${view.onHost ? 'Driver-Model' : 'Persistence-M'} | Bus-Id          Disp.A | Volatile Uncorr. ECC |`,
    '| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |',
    '|                                         |                        |               MIG M. |',
    '|=========================================+========================+======================|',
  ];
  view.gpus.forEach((gpu, index) => {
    const mode = view.onHost ? 'WDDM' : 'On';
    lines.push(
      `| ${right(String(index), 3)}  ${pad(gpu.name, 28)}${right(mode, 6)}  |   0000000${index}:01:00.0  On |                  Off |`,
      `|  0%   ${right(`${gpu.temperatureC}C`, 3)}    P8  ${right(`${Math.round(gpu.powerDrawW)}W`, 15)} /  450W |  ${right(`${gpu.memoryUsedMiB}MiB`, 9)} /  ${right(`${gpu.memoryTotalMiB}MiB`, 8)} |  ${right(`${gpu.utilizationPercent}%`, 7)}      Default |`,
      '|                                         |                        |                  N/A |',
      '+-----------------------------------------+------------------------+----------------------+',
    );
  });
  lines.push(
    '',
    '+-----------------------------------------------------------------------------------------+',
    '| Processes:                                                                              |',
    '|  GPU   GI   CI              PID   Type   Process name                        GPU Memory |',
    '|        ID   ID                                                               Usage      |',
    '|=========================================================================================|',
    '|  No running processes found                                                             |',
    '+-----------------------------------------------------------------------------------------+',
    '',
  );
  return lines.join('\n');
}

/** The header `--query-gpu=<GPU_QUERY_FIELDS> --format=csv,nounits` prints (units stay in the header). */
export const QUERY_HEADER =
  'index, name, uuid, driver_version, driver_model.current, memory.total [MiB], memory.used [MiB], memory.reserved [MiB], utilization.gpu [%], temperature.gpu, power.draw [W]';

/** One `--query-gpu` CSV row per GPU, in GPU_QUERY_FIELDS order (docs/architecture.md "Capture format"). */
export function renderQueryRows(view: NvidiaView): string[] {
  return view.gpus.map((gpu, index) =>
    [
      index,
      gpu.name,
      gpu.uuid,
      view.driverVersion,
      view.onHost ? 'WDDM' : '[N/A]',
      gpu.memoryTotalMiB,
      gpu.memoryUsedMiB,
      Math.round(gpu.memoryTotalMiB * 0.012),
      gpu.utilizationPercent,
      gpu.temperatureC,
      gpu.powerDrawW.toFixed(2),
    ].join(', '),
  );
}

/** What in-distro nvidia-smi prints when the host blocks GPU access (exit 255). */
export const GPU_BLOCKED_OUTPUT =
  'Failed to initialize NVML: GPU access blocked by the operating system\nFailed to properly shut down NVML: GPU access blocked by the operating system\n';
