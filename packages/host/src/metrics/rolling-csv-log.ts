import { openRollingFile } from '../log/rolling-file';

/** A CSV file of samples that never grows past its cap: when full it becomes `<name>.1` and a new file starts. */
export interface RollingCsvLog {
  /** Append one row (the header is written first in each new file). Rows are queued, so order is kept. */
  append(row: readonly (string | number | null)[]): Promise<void>;
}

/** What to log, and how much at most: the file and its one previous generation together stay under 2 × maxBytes. */
export interface RollingCsvLogOptions {
  readonly path: string;
  readonly header: readonly string[];
  readonly maxBytes: number;
}

const cell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Open a rolling CSV log (created on the first row). */
export function openRollingCsvLog(options: RollingCsvLogOptions): RollingCsvLog {
  const file = openRollingFile({
    path: options.path,
    maxBytes: options.maxBytes,
    header: `${options.header.map(cell).join(',')}\n`,
  });
  return { append: (row) => file.append(`${row.map(cell).join(',')}\n`) };
}
