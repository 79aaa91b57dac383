import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_A_REGULAR_FILE, readGgufFile } from './read-gguf-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-gguf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readGgufFile', () => {
  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO given as the GGUF at once instead of waiting forever for a writer',
    async () => {
      const fifo = join(dir, 'model.gguf');
      execFileSync('mkfifo', [fifo]);
      await expect(readGgufFile(fifo)).resolves.toEqual({
        info: undefined,
        size: 0,
        problem: NOT_A_REGULAR_FILE,
      });
    },
  );

  it('still reports a folder as EISDIR, so callers can say it is a folder', async () => {
    const folder = join(dir, 'model.gguf');
    mkdirSync(folder);
    await expect(readGgufFile(folder)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
