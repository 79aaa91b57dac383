import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import { CUT_OFF, endsMidLine, lenientNumber, numberValue, textValue, UNITS, wholeNumber } from './values';

/** One GPU of the plain `nvidia-smi` table. Null = the table shows `N/A`, or the output ends before it. */
export interface BannerGpu {
  readonly index: number;
  /** The name as the table shows it: long names are cut and end in `...` (see `nameTruncated`). */
  readonly name: string;
  readonly nameTruncated: boolean;
  /** `WDDM`, `TCC` or `MCDM` where the column is `TCC/WDDM` or `Driver-Model` (Windows); null otherwise. */
  readonly driverModel: string | null;
  /** `On` or `Off` where the column is `Persistence-M` (Linux and WSL); null otherwise. */
  readonly persistenceMode: string | null;
  readonly busId: string | null;
  readonly fanPercent: number | null;
  readonly temperatureC: number | null;
  /** The performance state, `P0` to `P12`. */
  readonly performanceState: string | null;
  readonly powerDrawW: number | null;
  readonly powerCapW: number | null;
  readonly memoryUsedMiB: number | null;
  readonly memoryTotalMiB: number | null;
  /** Null for `N/A` (MIG, some WSL drivers) and `ERR!`. */
  readonly utilizationGpuPercent: number | null;
  /** The GPU-Util column reads `ERR!`, as old WSL drivers printed. */
  readonly utilizationGpuError: boolean;
  readonly computeMode: string | null;
}

/** One row of the table's Processes section. */
export interface BannerProcess {
  readonly gpuIndex: number | null;
  readonly pid: number;
  /** `C` (compute), `G` (graphics), `C+G`, or `M` variants (MPS). */
  readonly type: string;
  /** The process as the table shows it: long paths are cut at the front with `...`. */
  readonly name: string;
  /** Null where the table says `N/A`: under WDDM, Windows lists processes without their memory. */
  readonly usedMemoryMiB: number | null;
}

/** What the plain `nvidia-smi` table shows. */
export interface NvidiaSmiBanner {
  /** The first line's local time (`Mon Jun 22 23:04:18 2026`), as printed; null when absent. */
  readonly timestamp: string | null;
  /**
   * `NVIDIA-SMI x`: inside WSL the Linux user-mode build, never equal to the Windows driver (docs/gpu-tools.md
   * "NVIDIA-SMI and Driver Version inside WSL").
   */
  readonly smiVersion: string | null;
  /** `Driver Version:` or, from driver 610, `KMD Version:`. Inside WSL this is the Windows driver. */
  readonly driverVersion: string | null;
  /** `CUDA Version:` or, from 610, `CUDA UMD Version:`: the newest CUDA the driver supports. Null for `ERR!`. */
  readonly cudaVersion: string | null;
  /** The table printed `CUDA Version: ERR!` (a broken CUDA stack inside WSL, docs/gpu-tools.md "CUDA Version ERR"). */
  readonly cudaVersionError: boolean;
  /** Which labels the version line used: before 610 `Driver Version` / `CUDA Version`, from 610 `KMD` / `CUDA UMD`. */
  readonly labels: 'driver-version' | 'kmd-version';
  readonly gpus: BannerGpu[];
  /** The Processes section; [] for `No running processes found`; null when the output ends before it. */
  readonly processes: BannerProcess[] | null;
  /** Whether the output runs to the end of the Processes section; false for an output that was cut off. */
  readonly complete: boolean;
}

const TIMESTAMP = /^[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+\d{4}$/;
const BUS_ID = /\b([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f])\b/;
const MODE_WORDS = new Set(['On', 'Off', 'WDDM', 'TCC', 'MCDM', 'N/A']);
const PROCESS_ROW =
  /^(\d+|N\/A)\s+(?:(\S+)\s+(\S+)\s+)?(\d+)\s+([CGM](?:\+[CGM])*)\s+(.*?)\s*(\d+\s*MiB|N\/A)$/;

/** The complete cells of a table line: the text between `|`s, up to the last `|` (a cut line has fewer). */
function cellsOf(line: string): string[] {
  if (!line.startsWith('|')) return [];
  const end = line.lastIndexOf('|');
  return end <= 0
    ? []
    : line
        .slice(1, end)
        .split('|')
        .map((cell) => cell.trim());
}

function isBorder(line: string): boolean {
  return /^\+[-+=]+\+?$/.test(line) || /^\|[=|]+\|$/.test(line);
}

function versionValue(line: string, pattern: RegExp): { label: string; value: string } | undefined {
  const match = pattern.exec(line);
  return match ? { label: match[1] ?? '', value: match[2] ?? '' } : undefined;
}

type ModeColumn = 'persistence' | 'driver-model' | null;

function readGpu(
  first: readonly string[],
  second: readonly string[],
  modeColumn: ModeColumn,
): BannerGpu | undefined {
  const head = /^(\d+)\s+(.*)$/.exec(first[0] ?? '');
  const busId = BUS_ID.exec(first[1] ?? '')?.[1] ?? null;
  if (!head || busId === null) return undefined;
  const [, index = '', rest = ''] = head;
  const words = rest.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const mode = words.length > 1 && MODE_WORDS.has(last) ? last : null;
  const name = (mode === null ? rest : words.slice(0, -1).join(' ')).trim();
  const isPersistence =
    modeColumn === 'persistence' || (modeColumn === null && (mode === 'On' || mode === 'Off'));
  const stats = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*\/\s*(\S+)$/.exec(second[0] ?? '');
  const memory = /^(\S+)\s*\/\s*(\S+)$/.exec(second[1] ?? '');
  const utilization = /^(\S+)\s*(.*)$/.exec(second[2] ?? '');
  const util = utilization?.[1];
  return {
    index: Number(index),
    name,
    nameTruncated: name.endsWith('...'),
    driverModel: isPersistence ? null : textValue(mode ?? undefined),
    persistenceMode: isPersistence ? textValue(mode ?? undefined) : null,
    busId,
    fanPercent: lenientNumber(numberValue(stats?.[1], UNITS.percent)),
    temperatureC: lenientNumber(numberValue(stats?.[2], UNITS.celsius)),
    performanceState: textValue(stats?.[3]),
    powerDrawW: lenientNumber(numberValue(stats?.[4], UNITS.watts)),
    powerCapW: lenientNumber(numberValue(stats?.[5], UNITS.watts)),
    memoryUsedMiB: lenientNumber(numberValue(memory?.[1], UNITS.mebibytes, true)),
    memoryTotalMiB: lenientNumber(numberValue(memory?.[2], UNITS.mebibytes, true)),
    utilizationGpuPercent: lenientNumber(numberValue(util, UNITS.percent, true)),
    utilizationGpuError: util === 'ERR!',
    computeMode: textValue(utilization?.[2]),
  };
}

function readProcess(cell: string): BannerProcess | undefined {
  const match = PROCESS_ROW.exec(cell);
  if (!match) return undefined;
  const [, gpu, , , pid = '', type = '', name = '', memory] = match;
  return {
    gpuIndex: wholeNumber(gpu),
    pid: Number(pid),
    type,
    name,
    usedMemoryMiB: lenientNumber(numberValue(memory, UNITS.mebibytes)),
  };
}

/**
 * Parse the plain `nvidia-smi` table: the version line (both the classic `Driver Version` / `CUDA Version` labels
 * and the 610+ `KMD Version` / `CUDA UMD Version`), the GPUs with their memory and utilisation, and the processes.
 * Reads the 79-column layout of older drivers and the 89-column one. An output that stops in the middle of a line
 * (cut off), has no NVIDIA-SMI version line, or is an error message is unreadable. One that ends at a line end
 * before the table does (an excerpt, as pasted in issues) parses with what it shows and `complete: false`.
 */
export function parseNvidiaSmiBanner(text: string, probe: string): Parsed<NvidiaSmiBanner> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const lines = text.split(/\r*\n|\r/).map((line) => line.trim());
    const versionAt = lines.findIndex((line) => /^\|\s*NVIDIA-SMI\s+\S/.test(line));
    const versionLine = lines[versionAt];
    if (versionLine === undefined) return unreadable(probe, 'there is no NVIDIA-SMI version line', text);
    if (!versionLine.endsWith('|')) {
      return unreadable(probe, 'the output ends inside the NVIDIA-SMI version line', text);
    }
    const smi = /NVIDIA-SMI\s+(\S+)/.exec(versionLine)?.[1];
    const driver = versionValue(versionLine, /\b(Driver Version|KMD Version):\s*([^\s|]+)/i);
    const cuda = versionValue(versionLine, /\b(CUDA UMD Version|CUDA Version):\s*([^\s|]+)/i);
    const timestamp = lines.slice(0, versionAt).find((line) => TIMESTAMP.test(line)) ?? null;

    let modeColumn: ModeColumn = null;
    const gpus: BannerGpu[] = [];
    let processes: BannerProcess[] | null = null;
    let section: 'gpus' | 'processes-head' | 'processes' | 'other' = 'gpus';
    let complete = false;
    for (let at = versionAt + 1; at < lines.length; at += 1) {
      const line = lines[at] ?? '';
      const cells = cellsOf(line);
      const first = cells[0] ?? '';
      if (first.startsWith('Processes:') || /^\|\s*Processes:/.test(line)) {
        section = 'processes-head';
        continue;
      }
      if (first.startsWith('MIG devices:')) {
        section = 'other';
        continue;
      }
      if (section === 'gpus') {
        if (/\bGPU\s+Name\b/.test(first)) {
          if (first.includes('Persistence-M')) modeColumn = 'persistence';
          else if (/TCC\/WDDM|Driver-Model/.test(first)) modeColumn = 'driver-model';
          continue;
        }
        const gpu = readGpu(cells, cellsOf(lines[at + 1] ?? ''), modeColumn);
        if (gpu) gpus.push(gpu);
      } else if (section === 'processes-head') {
        if (/^\|=+\|$/.test(line)) {
          section = 'processes';
          processes = [];
        }
      } else if (section === 'processes') {
        if (isBorder(line)) {
          complete = true;
          section = 'other';
          continue;
        }
        const process = readProcess(first);
        if (process) processes?.push(process);
      }
    }
    const cudaValue = cuda?.value ?? '';
    return parsed({
      timestamp,
      smiVersion: textValue(smi),
      driverVersion: driver && driver.value !== 'ERR!' ? textValue(driver.value) : null,
      cudaVersion: cuda && cudaValue !== 'ERR!' ? textValue(cudaValue) : null,
      cudaVersionError: cudaValue === 'ERR!',
      labels:
        /KMD/i.test(driver?.label ?? '') || /UMD/i.test(cuda?.label ?? '') ? 'kmd-version' : 'driver-version',
      gpus,
      processes,
      complete,
    });
  });
}
