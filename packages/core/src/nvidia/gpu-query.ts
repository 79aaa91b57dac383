import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { parseSmiCsv } from './csv';
import { NOT_A_NUMBER, numberValue, textValue, UNITS, wholeNumber } from './values';

/** One GPU as `nvidia-smi --query-gpu=<GPU_QUERY_FIELDS> --format=csv,nounits` reports it. Null = not reported. */
export interface GpuQueryRow {
  /** nvidia-smi's index ("can change at each boot": key on uuid); the row's position when `index` was not queried. */
  readonly index: number;
  /** The product name; empty when `name` was not queried. */
  readonly name: string;
  readonly uuid: string | null;
  /** `driver_version`, or `kmd_version` (595+) when that is what was queried. The Windows driver inside WSL. */
  readonly driverVersion: string | null;
  /** `WDDM`, `TCC` or `MCDM` on Windows; null on Linux, where nvidia-smi prints `[N/A]`. */
  readonly driverModel: string | null;
  readonly memoryTotalMiB: number | null;
  readonly memoryUsedMiB: number | null;
  /** Memory the driver and firmware keep for themselves; total ≈ reserved + used + free. */
  readonly memoryReservedMiB: number | null;
  /** Null under MIG, where nvidia-smi prints `[N/A]`. */
  readonly utilizationGpuPercent: number | null;
  readonly temperatureC: number | null;
  readonly powerDrawW: number | null;
}

/** The field names (and aliases, in order of preference) each GpuQueryRow property is read from. */
const SOURCES = {
  index: ['index'],
  name: ['name', 'gpu_name'],
  uuid: ['uuid', 'gpu_uuid'],
  driverVersion: ['driver_version', 'kmd_version'],
  driverModel: ['driver_model.current'],
  memoryTotalMiB: ['memory.total'],
  memoryUsedMiB: ['memory.used'],
  memoryReservedMiB: ['memory.reserved'],
  utilizationGpuPercent: ['utilization.gpu'],
  temperatureC: ['temperature.gpu'],
  powerDrawW: [
    'power.draw',
    'power.draw.average',
    'gpu.power.draw.average',
    'power.draw.instant',
    'gpu.power.draw.instant',
  ],
} as const satisfies Record<keyof GpuQueryRow, readonly string[]>;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.values(SOURCES).flat());

/** Whether a field list contains at least one field a GpuQueryRow is read from. */
export function hasGpuQueryField(fields: readonly string[]): boolean {
  return fields.some((field) => KNOWN_FIELDS.has(field.trim().toLowerCase()));
}

/**
 * Read one row's cells, by field name, into a GpuQueryRow; `position` is the row's index among the GPUs, used when
 * `index` was not queried. Returns the reason instead when the row is not a GPU row (a number cell that holds text).
 */
export function readGpuQueryRow(
  fields: readonly string[],
  cells: readonly string[],
  position: number,
): GpuQueryRow | string {
  const byName = new Map<string, string>();
  fields.forEach((field, column) => {
    const key = field.trim().toLowerCase();
    const cell = cells[column];
    if (cell !== undefined && !byName.has(key)) byName.set(key, cell);
  });
  const text = (names: readonly string[]): string | null => {
    for (const name of names) {
      const value = textValue(byName.get(name));
      if (value !== null) return value;
    }
    return null;
  };
  let problem: string | undefined;
  const number = (names: readonly string[], units: Readonly<Record<string, number>>): number | null => {
    for (const name of names) {
      const cell = byName.get(name);
      const value = numberValue(cell, units);
      if (value === NOT_A_NUMBER) {
        problem ??= `${name} is "${cell ?? ''}", not a number`;
        return null;
      }
      if (value !== null) return value;
    }
    return null;
  };
  let index = position;
  const indexCell = byName.get('index');
  if (indexCell !== undefined) {
    const value = wholeNumber(indexCell);
    if (value === null) return `index is "${indexCell}", not a GPU index`;
    index = value;
  }
  const row: GpuQueryRow = {
    index,
    name: text(SOURCES.name) ?? '',
    uuid: text(SOURCES.uuid),
    driverVersion: text(SOURCES.driverVersion),
    driverModel: text(SOURCES.driverModel),
    memoryTotalMiB: number(SOURCES.memoryTotalMiB, UNITS.mebibytes),
    memoryUsedMiB: number(SOURCES.memoryUsedMiB, UNITS.mebibytes),
    memoryReservedMiB: number(SOURCES.memoryReservedMiB, UNITS.mebibytes),
    utilizationGpuPercent: number(SOURCES.utilizationGpuPercent, UNITS.percent),
    temperatureC: number(SOURCES.temperatureC, UNITS.celsius),
    powerDrawW: number(SOURCES.powerDrawW, UNITS.watts),
  };
  return problem ?? row;
}

/**
 * Parse `nvidia-smi --query-gpu=... --format=csv[,nounits][,noheader]`, one row per GPU. With a header row the
 * fields come from it (units in the header, `memory.total [MiB]`, and in the values, `24564 MiB`, are both read);
 * for `noheader` pass the fields that were queried, e.g. GPU_QUERY_FIELDS. Bracketed cells (`[N/A]`,
 * `[Not Supported]`, ...) are null. An empty output, an error message, a cut-off row or text in a number column
 * is unreadable, naming the probe.
 */
export function parseGpuQueryCsv(
  text: string,
  probe: string,
  fields?: readonly string[],
): Parsed<GpuQueryRow[]> {
  return parseSafely(probe, text, () => {
    const table = parseSmiCsv(text, probe, fields);
    if (!table.ok) return table;
    const names = table.value.fields.map((field) => field.name);
    if (!hasGpuQueryField(names))
      return unreadable(probe, 'none of the queried fields is a GPU field Headroom reads', text);
    if (table.value.rows.length === 0)
      return unreadable(probe, 'the output has a header but no GPU rows', text);
    const rows: GpuQueryRow[] = [];
    for (const [position, cells] of table.value.rows.entries()) {
      const row = readGpuQueryRow(names, cells, position);
      if (typeof row === 'string') return unreadable(probe, `GPU row ${position + 1}: ${row}`, text);
      rows.push(row);
    }
    return parsed(rows);
  });
}
