import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import type { GpuDetails, GpuProcess, NvidiaSmiReport } from './gpu-details';
import {
  CUT_OFF,
  endsMidLine,
  lenientNumber,
  numberValue,
  terminatedLines,
  textValue,
  UNITS,
  wholeNumber,
  withoutNote,
} from './values';

/** `nvidia-smi -q` read into its facts, and whether the output looks whole. */
export interface NvidiaSmiQueryReport extends NvidiaSmiReport {
  /**
   * Whether the output looks whole: it has as many GPU sections as `Attached GPUs` says and each has its Processes
   * section (the last, or last but one, section in every captured layout). False for an excerpt.
   */
  readonly complete: boolean;
}

/** A `Key : Value` line, or a section heading (value null), with the lines indented under it. */
interface Entry {
  readonly key: string;
  readonly value: string | null;
  readonly indent: number;
  readonly children: Entry[];
}

const GPU_HEADING = /^GPU\s+([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f])$/;

/** Read the indented `Key : Value` layout of `-q` into a tree. Keys never hold ` : `; values may hold colons. */
function readTree(lines: readonly string[]): Entry[] {
  const top: Entry[] = [];
  const stack: Entry[] = [];
  for (const line of lines) {
    const content = line.trim();
    if (content === '' || /^=+\s*NVSMI LOG\s*=+$/.test(content)) continue;
    const indent = line.length - line.trimStart().length;
    const pair = /^(.*?)\s+:(?:\s(.*))?$/.exec(content);
    const entry: Entry = pair
      ? { key: (pair[1] ?? '').trim(), value: (pair[2] ?? '').trim(), indent, children: [] }
      : { key: content, value: null, indent, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    (stack[stack.length - 1]?.children ?? top).push(entry);
    stack.push(entry);
  }
  return top;
}

function find(entries: readonly Entry[] | undefined, key: string): Entry | undefined {
  const wanted = key.toLowerCase();
  return entries?.find((entry) => entry.key.toLowerCase() === wanted);
}

/** The value at a path of keys, without a 610 `[Deprecated; ...]` note; null for missing or `N/A`. */
function valueAt(entries: readonly Entry[] | undefined, ...path: readonly string[]): string | null {
  let current: Entry | undefined;
  let level = entries;
  for (const key of path) {
    current = find(level, key);
    level = current?.children;
  }
  const value = current?.value;
  return value === undefined || value === null ? null : textValue(withoutNote(value));
}

function readingAt(
  entries: readonly Entry[] | undefined,
  units: Readonly<Record<string, number>>,
  ...path: readonly string[]
): number | null {
  return lenientNumber(numberValue(valueAt(entries, ...path) ?? undefined, units, true));
}

/** Every `Process ID` entry below these entries, with Type / Name / Used GPU Memory nested or following it. */
function collectProcesses(entries: readonly Entry[], out: GpuProcess[]): void {
  entries.forEach((entry, position) => {
    if (entry.key.toLowerCase() === 'process id') {
      const pid = wholeNumber(entry.value ?? undefined);
      if (pid === null) return;
      let details: readonly Entry[] = entry.children;
      if (details.length === 0) {
        const next = entries.findIndex(
          (other, at) => at > position && other.key.toLowerCase() === 'process id',
        );
        details = entries.slice(position + 1, next < 0 ? undefined : next);
      }
      out.push({
        pid,
        type: valueAt(details, 'Type'),
        name: valueAt(details, 'Name') ?? valueAt(details, 'Process Name'),
        usedMemoryMiB: readingAt(details, UNITS.mebibytes, 'Used GPU Memory'),
      });
    } else {
      collectProcesses(entry.children, out);
    }
  });
}

function readGpu(heading: Entry): GpuDetails {
  const gpu = heading.children;
  const processes = find(gpu, 'Processes');
  let processList: GpuProcess[] | null = null;
  if (processes) {
    processList = [];
    collectProcesses(processes.children, processList);
  }
  return {
    busId: GPU_HEADING.exec(heading.key)?.[1] ?? null,
    name: valueAt(gpu, 'Product Name'),
    uuid: valueAt(gpu, 'GPU UUID'),
    driverModel: valueAt(gpu, 'Driver Model', 'Current'),
    memoryTotalMiB: readingAt(gpu, UNITS.mebibytes, 'FB Memory Usage', 'Total'),
    memoryUsedMiB: readingAt(gpu, UNITS.mebibytes, 'FB Memory Usage', 'Used'),
    memoryReservedMiB: readingAt(gpu, UNITS.mebibytes, 'FB Memory Usage', 'Reserved'),
    memoryFreeMiB: readingAt(gpu, UNITS.mebibytes, 'FB Memory Usage', 'Free'),
    utilizationGpuPercent: readingAt(gpu, UNITS.percent, 'Utilization', 'GPU'),
    temperatureC: readingAt(gpu, UNITS.celsius, 'Temperature', 'GPU Current Temp'),
    powerDrawW:
      readingAt(gpu, UNITS.watts, 'GPU Power Readings', 'Average Power Draw') ??
      readingAt(gpu, UNITS.watts, 'GPU Power Readings', 'Instantaneous Power Draw') ??
      readingAt(gpu, UNITS.watts, 'GPU Power Readings', 'Power Draw') ??
      readingAt(gpu, UNITS.watts, 'Power Readings', 'Power Draw'),
    processes: processList,
  };
}

/**
 * Parse `nvidia-smi -q` (or `-a`): the driver and CUDA versions (610's `KMD Version` / `CUDA UMD Version` first,
 * with the `[Deprecated; ...]` note removed from the old labels) and, per `GPU <bus id>` section, the same facts as
 * the XML. Inside WSL this shows `Driver Model / Current : WDDM`. An output that stops in the middle of a line (cut
 * off), or has neither a driver version nor a GPU section (an error, garbage), is unreadable; an excerpt that ends
 * at a line end parses with what it shows and `complete: false`.
 */
export function parseNvidiaSmiQuery(text: string, probe: string): Parsed<NvidiaSmiQueryReport> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const tree = readTree(terminatedLines(text).lines);
    const gpus = tree.filter((entry) => entry.value === null && GPU_HEADING.test(entry.key)).map(readGpu);
    const driverVersion = valueAt(tree, 'KMD Version') ?? valueAt(tree, 'Driver Version');
    if (gpus.length === 0 && driverVersion === null) {
      return unreadable(probe, 'there is neither a Driver Version line nor a GPU section', text);
    }
    const attachedGpus = wholeNumber(valueAt(tree, 'Attached GPUs') ?? undefined);
    return parsed({
      driverVersion,
      cudaVersion: valueAt(tree, 'CUDA UMD Version') ?? valueAt(tree, 'CUDA Version'),
      attachedGpus,
      gpus,
      complete: attachedGpus === gpus.length && gpus.every((gpu) => gpu.processes !== null),
    });
  });
}

/**
 * Read the processes of an `nvidia-smi -q` output or of an excerpt of its Processes section (as pasted in issues):
 * PID, type, name and used memory, which WDDM reports as `Not available in WDDM driver model` (null here).
 * `Processes : None` gives []. Text without any process entry, or that stops in the middle of a line, is unreadable.
 */
export function parseNvidiaSmiQueryProcesses(text: string, probe: string): Parsed<GpuProcess[]> {
  return parseSafely(probe, text, () => {
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const tree = readTree(terminatedLines(text).lines);
    const processes: GpuProcess[] = [];
    collectProcesses(tree, processes);
    if (processes.length > 0) return parsed(processes);
    const none = (entries: readonly Entry[]): boolean =>
      entries.some((entry) => (entry.key === 'Processes' && entry.value === 'None') || none(entry.children));
    return none(tree) ? parsed([]) : unreadable(probe, 'there is no Process ID entry', text);
  });
}
