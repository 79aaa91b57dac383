import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorCode } from '../wslconfig/fs-ops';

/** A text file that never grows past its cap: when full it becomes `<name>.1` (replacing the older one) and a new file starts. */
export interface RollingFile {
  /** Append `text` (the header first in each new file). Appends are queued, so order is kept; a failed one rejects alone. */
  append(text: string): Promise<void>;
}

/** Where, how much at most, and what each new file starts with; the file and its one older generation stay under 2 × maxBytes. */
export interface RollingFileOptions {
  readonly path: string;
  readonly maxBytes: number;
  /** Written first in each new file (a CSV header); default none. */
  readonly header?: string;
}

/** Open a rolling file (created with its folder on the first append). */
export function openRollingFile(options: RollingFileOptions): RollingFile {
  const { path, maxBytes } = options;
  const header = options.header ?? '';
  let queue: Promise<void> = Promise.resolve();

  const sizeOf = async (): Promise<number | undefined> => {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  };

  const write = async (text: string): Promise<void> => {
    let size = await sizeOf();
    if (size !== undefined && size + Buffer.byteLength(text) > maxBytes) {
      await rename(path, `${path}.1`);
      size = undefined;
    }
    if (size === undefined) {
      await mkdir(dirname(path), { recursive: true });
      if (header) await appendFile(path, header);
    }
    await appendFile(path, text);
  };

  return {
    append(text) {
      // A failed write (a locked file) rejects its own append, never the ones after it.
      const next = queue.then(
        () => write(text),
        () => write(text),
      );
      queue = next;
      return next;
    },
  };
}
