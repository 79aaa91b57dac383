import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorCode } from '../wslconfig/fs-ops';

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
  const { path, maxBytes } = options;
  const header = `${options.header.map(cell).join(',')}\n`;
  let queue: Promise<void> = Promise.resolve();

  const sizeOf = async (): Promise<number | undefined> => {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  };

  const write = async (line: string): Promise<void> => {
    let size = await sizeOf();
    if (size !== undefined && size + line.length > maxBytes) {
      await rename(path, `${path}.1`);
      size = undefined;
    }
    if (size === undefined) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, header);
    }
    await appendFile(path, line);
  };

  return {
    append(row) {
      const line = `${row.map(cell).join(',')}\n`;
      // A failed write (a locked file) rejects its own append, never the ones after it.
      const next = queue.catch(() => undefined).then(() => write(line));
      queue = next;
      return next;
    },
  };
}
