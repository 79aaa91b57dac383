import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { readGguf, type GgufInfo } from '@headroom/core';

/** How much of a GGUF file is read: enough for the metadata and tensor infos of any common model. */
export const GGUF_HEADER_READ_LIMIT = 64 * 2 ** 20;

/** A GGUF header as read: the model's info, or why it could not be read, and the file's size. */
export interface GgufRead {
  readonly info: GgufInfo | undefined;
  readonly size: number;
  readonly problem: string | undefined;
}

/** Opening for reading must not wait for a FIFO's writer; Windows has no FIFOs in the file system and no flag. */
const OPEN_READ_NONBLOCKING = constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NONBLOCK ?? 0);

/** The problem a {@link GgufRead} carries for a path that is not a regular file. */
export const NOT_A_REGULAR_FILE =
  'it is not a regular file (a pipe, socket or device), so Headroom does not read it';

/**
 * Read the first bytes of a GGUF file (never the weights) and its size. File-system errors surface as Node errors
 * with a code (ENOENT, EISDIR, EACCES), so each caller can word them for its user. A FIFO, socket or device is
 * refused at once (`problem` {@link NOT_A_REGULAR_FILE}) rather than read: a FIFO would wait forever for a writer.
 */
export async function readGgufFile(path: string): Promise<GgufRead> {
  const handle = await open(path, OPEN_READ_NONBLOCKING);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
        code: 'EISDIR',
      });
    }
    if (!stat.isFile()) return { info: undefined, size: 0, problem: NOT_A_REGULAR_FILE };
    const { size } = stat;
    const buffer = new Uint8Array(Math.min(size, GGUF_HEADER_READ_LIMIT));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const result = readGguf(buffer.subarray(0, filled), size);
    return result.ok
      ? { info: result.value, size, problem: undefined }
      : { info: undefined, size, problem: result.unreadable.reason };
  } finally {
    await handle.close();
  }
}
