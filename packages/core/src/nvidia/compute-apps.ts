import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { parseSmiCsv } from './csv';
import { NOT_A_NUMBER, numberValue, textValue, UNITS, wholeNumber } from './values';

/** A process using a GPU, from `nvidia-smi --query-compute-apps=... --format=csv`. Null = not reported. */
export interface ComputeApp {
  readonly gpuUuid: string | null;
  readonly gpuName: string | null;
  readonly gpuBusId: string | null;
  readonly pid: number;
  readonly processName: string | null;
  /**
   * Null under Windows WDDM, where nvidia-smi prints `[N/A]` for every process
   * (docs/gpu-tools.md "Per-process memory").
   */
  readonly usedMemoryMiB: number | null;
}

/**
 * Parse `nvidia-smi --query-compute-apps=<fields> --format=csv[,nounits][,noheader]` (the header, or the fields
 * passed for `noheader`, must include `pid`). A header with no rows means no compute process is running and gives
 * []. Inside WSL this list is unreliable (docs/gpu-tools.md "Per-process memory"); attribute VRAM from Ollama or
 * llama.cpp there instead.
 */
export function parseComputeAppsCsv(
  text: string,
  probe: string,
  fields?: readonly string[],
): Parsed<ComputeApp[]> {
  return parseSafely(probe, text, () => {
    const table = parseSmiCsv(text, probe, fields);
    if (!table.ok) return table;
    const names = table.value.fields.map((field) => field.name);
    if (!names.includes('pid')) return unreadable(probe, 'the fields do not include pid', text);
    const apps: ComputeApp[] = [];
    for (const [row, cells] of table.value.rows.entries()) {
      const cell = (...candidates: readonly string[]): string | undefined => {
        const column = names.findIndex((name) => candidates.includes(name));
        return column < 0 ? undefined : cells[column];
      };
      const pid = wholeNumber(cell('pid'));
      const memory = numberValue(cell('used_gpu_memory', 'used_memory'), UNITS.mebibytes);
      if (pid === null || memory === NOT_A_NUMBER) {
        return unreadable(probe, `process row ${row + 1} does not have a PID and a memory reading`, text);
      }
      apps.push({
        gpuUuid: textValue(cell('gpu_uuid')),
        gpuName: textValue(cell('gpu_name')),
        gpuBusId: textValue(cell('gpu_bus_id')),
        pid,
        processName: textValue(cell('process_name', 'name')),
        usedMemoryMiB: memory,
      });
    }
    return parsed(apps);
  });
}
