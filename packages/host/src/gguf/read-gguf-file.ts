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

/**
 * Read the first bytes of a GGUF file (never the weights) and its size. File-system errors surface as Node errors
 * with a code (ENOENT, EISDIR, EACCES), so each caller can word them for its user.
 */
export async function readGgufFile(path: string): Promise<GgufRead> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
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
