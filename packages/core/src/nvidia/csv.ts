import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import { outputLines } from './values';

/** One column of nvidia-smi CSV: the field name as queried (lower case) and the unit its header showed, if any. */
export interface SmiCsvField {
  readonly name: string;
  readonly unit: string | null;
}

/** The cells of an nvidia-smi `--format=csv` output, one string per field per row, trimmed. */
export interface SmiCsvTable {
  readonly fields: readonly SmiCsvField[];
  /** Whether the output began with a header row (`--format=csv`) rather than data (`noheader`). */
  readonly hadHeader: boolean;
  readonly rows: readonly (readonly string[])[];
}

/** Free-text fields, most likely first: when a row has more cells than fields, the extra commas are in one of these. */
const FREE_TEXT_FIELDS = ['process_name', 'name', 'gpu_name'];

const HEADER_CELL = /^([a-z][a-z0-9_.]*)(?:\s*\[([^\]]*)\])?$/i;

/** Read a header cell such as `memory.total [MiB]` into its field name and unit. */
export function readHeaderCell(cell: string): SmiCsvField | undefined {
  const match = HEADER_CELL.exec(cell.trim());
  if (!match) return undefined;
  const [, name = '', unit] = match;
  return { name: name.toLowerCase(), unit: unit === undefined || unit === '' ? null : unit };
}

/** Split one CSV line on nvidia-smi's `, ` separator and trim the cells (nvidia-smi never quotes). */
export function splitCsvLine(line: string): string[] {
  return line.split(',').map((cell) => cell.trim());
}

/**
 * Whether a line is the header of the given fields (the stream ignores a repeated header;
 * docs/gpu-tools.md "nvidia-smi --query-gpu").
 */
export function isHeaderOf(cells: readonly string[], fields: readonly string[]): boolean {
  return (
    cells.length === fields.length &&
    cells.every((cell, index) => readHeaderCell(cell)?.name === fields[index]?.trim().toLowerCase())
  );
}

/**
 * Fit a row's cells to the fields: the same count is taken as is; when there are more cells, the surplus commas are
 * taken to be inside the one free-text field (a process path with a comma); fewer cells means the row is cut off.
 */
export function fitCells(cells: readonly string[], fields: readonly string[]): string[] | undefined {
  if (cells.length === fields.length) return [...cells];
  if (cells.length < fields.length) return undefined;
  const freeText = FREE_TEXT_FIELDS.map((field) => fields.indexOf(field)).find((column) => column >= 0) ?? -1;
  if (freeText < 0) return undefined;
  const surplus = cells.length - fields.length;
  return [
    ...cells.slice(0, freeText),
    cells.slice(freeText, freeText + surplus + 1).join(', '),
    ...cells.slice(freeText + surplus + 1),
  ];
}

/**
 * Read nvidia-smi's CSV into a table of cells. With a header row (`--format=csv` or `csv,nounits`) the fields come
 * from it; for `noheader` the caller passes the fields it queried (a header line equal to them is skipped, so
 * either form works). An error message, an empty output or a row with fewer cells than fields is unreadable.
 */
export function parseSmiCsv(text: string, probe: string, fields?: readonly string[]): Parsed<SmiCsvTable> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    const lines = outputLines(text)
      .map((line, index) => ({ line: line.trim(), number: index + 1 }))
      .filter(({ line }) => line !== '');
    const first = lines[0];
    if (first === undefined) return unreadable(probe, 'the output is empty', text);
    const firstCells = splitCsvLine(first.line);
    const header = firstCells.map(readHeaderCell);
    let columns: SmiCsvField[];
    let hadHeader: boolean;
    if (fields !== undefined && !isHeaderOf(firstCells, fields)) {
      columns = fields.map((name) => ({ name: name.trim().toLowerCase(), unit: null }));
      hadHeader = false;
    } else if (header.every((cell) => cell !== undefined)) {
      columns = header;
      hadHeader = true;
    } else {
      return unreadable(probe, 'the first line is not a CSV header of nvidia-smi fields', text);
    }
    if (columns.length === 0) return unreadable(probe, 'no fields were queried', text);
    const names = columns.map((column) => column.name);
    const rows: string[][] = [];
    for (const { line, number } of lines.slice(hadHeader ? 1 : 0)) {
      const raw = splitCsvLine(line);
      const cells = fitCells(raw, names);
      if (!cells) {
        const hint = raw.length < names.length ? ' (cut off?)' : '';
        return unreadable(
          probe,
          `line ${number} has ${raw.length} values for ${names.length} fields${hint}`,
          text,
        );
      }
      rows.push(cells);
    }
    return parsed({ fields: columns, hadHeader, rows });
  });
}
