import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../wslconfig/atomic-write';
import { errorCode } from '../wslconfig/fs-ops';

/** One JSON document on disk that the app reads and replaces whole (the wizard's place, settings). */
export interface JsonDocument<T> {
  /** The document, or undefined when the file is missing, damaged, or fails `accept` (never throws for that). */
  read(): Promise<T | undefined>;
  /** Replace the document atomically: a crash leaves the old one or the new one, never half of either. */
  write(value: T): Promise<void>;
}

/**
 * Open the JSON document at `path`; `accept` checks what was read (a hand edit, an older format) and returns the
 * value or undefined. Only a failure to read an existing file for another reason than its absence throws.
 */
export function openJsonDocument<T>(
  path: string,
  accept: (value: unknown) => T | undefined,
): JsonDocument<T> {
  /** Writes run one after another, so the last one asked for is the one that stays. */
  let writes: Promise<void> = Promise.resolve();
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return accept(JSON.parse(text));
      } catch {
        return undefined;
      }
    },
    write(value) {
      const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
      const run = async (): Promise<void> => {
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, bytes);
      };
      // After the previous write, whether it worked or not (its caller was told): writes stay in order.
      const next = writes.then(run, run);
      writes = next;
      return next;
    },
  };
}
