import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanStaleTempFiles, tempFileName, writeFileAtomic } from './atomic-write';
import { nodeFsOps, type FsOps } from './fs-ops';

let dir: string;
let target: string;
const original = Buffer.from('[wsl2]\r\nmemory=16GB\r\n', 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-atomic-'));
  target = join(dir, '.wslconfig');
  writeFileSync(target, original);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A UTF-16LE file with a BOM and CRLF line ends, as Windows PowerShell 5's Out-File writes it. */
const utf16WithBom = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from('[wsl2]\r\nmemory=24GB\r\n# déjà vu\r\n', 'utf16le'),
]);

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

describe('writeFileAtomic', () => {
  it('replaces the file with exactly the given bytes (UTF-16LE BOM, CRLF) and leaves no temp file', async () => {
    await writeFileAtomic(target, utf16WithBom);
    expect(readFileSync(target).equals(utf16WithBom)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.wslconfig']);
  });

  it('creates the file when it does not exist yet', async () => {
    rmSync(target);
    await writeFileAtomic(target, original);
    expect(readFileSync(target).equals(original)).toBe(true);
  });

  it('leaves the original byte-identical and no temp file when it crashes between writing and renaming', async () => {
    let tempContent: Buffer | undefined;
    const crash: Partial<FsOps> = {
      rename: (from) => {
        tempContent = readFileSync(from);
        return Promise.reject(fsError('EIO'));
      },
    };
    await expect(writeFileAtomic(target, utf16WithBom, crash)).rejects.toMatchObject({ code: 'EIO' });
    expect(tempContent?.equals(utf16WithBom)).toBe(true);
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.wslconfig']);
  });

  it('leaves the original byte-identical and no temp file when writing the temp file fails half-way', async () => {
    const diskFull: Partial<FsOps> = {
      open: async (path, flags) => {
        const handle = await nodeFsOps.open(path, flags);
        return {
          writeFile: async (data) => {
            await handle.writeFile(data.subarray(0, 5));
            throw fsError('ENOSPC');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, utf16WithBom, diskFull)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.wslconfig']);
  });

  it('retries the rename while antivirus briefly holds the file, then succeeds', async () => {
    let attempts = 0;
    const busyTwice: Partial<FsOps> = {
      rename: (from, to) => {
        attempts++;
        return attempts <= 2 ? Promise.reject(fsError('EBUSY')) : nodeFsOps.rename(from, to);
      },
    };
    await writeFileAtomic(target, utf16WithBom, busyTwice);
    expect(attempts).toBe(3);
    expect(readFileSync(target).equals(utf16WithBom)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.wslconfig']);
  });

  it('gives up after a few retries when the file stays locked, leaving the original and no temp file', async () => {
    let attempts = 0;
    const locked: Partial<FsOps> = {
      rename: () => {
        attempts++;
        return Promise.reject(fsError('EPERM'));
      },
    };
    await expect(writeFileAtomic(target, utf16WithBom, locked)).rejects.toMatchObject({ code: 'EPERM' });
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThan(10);
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.wslconfig']);
  });

  it('does not retry errors that waiting cannot fix', async () => {
    let attempts = 0;
    const gone: Partial<FsOps> = {
      rename: () => {
        attempts++;
        return Promise.reject(fsError('ENOENT'));
      },
    };
    await expect(writeFileAtomic(target, original, gone)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(attempts).toBe(1);
  });

  it('writes through a symbolic link, so a dotfiles link stays a link', async () => {
    const real = join(dir, 'dotfiles-wslconfig');
    rmSync(target);
    writeFileSync(real, original);
    symlinkSync(real, target);
    await writeFileAtomic(target, utf16WithBom);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(utf16WithBom)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('keeps a 0600 file 0600, not world-readable', async () => {
    chmodSync(target, 0o600);
    await writeFileAtomic(target, utf16WithBom);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target).equals(utf16WithBom)).toBe(true);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)(
    'keeps the owner of a file it replaces for another account',
    async () => {
      chownSync(target, 1234, 5678);
      await writeFileAtomic(target, utf16WithBom);
      expect(statSync(target)).toMatchObject({ uid: 1234, gid: 5678 });
    },
  );

  it('refuses to overwrite a read-only file, says how to allow it, and leaves it as it was', async () => {
    chmodSync(target, 0o444);
    const error = await writeFileAtomic(target, utf16WithBom).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'read-only', path: target });
    expect((error as Error).message).toMatch(/read-only.*(attrib -R|chmod u\+w)/s);
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual([basename(target)]);
  });

  it('refuses a dangling symbolic link rather than replace the link with a regular file', async () => {
    rmSync(target);
    symlinkSync(join(dir, 'missing-dotfile'), target);
    await expect(writeFileAtomic(target, utf16WithBom)).rejects.toMatchObject({ code: 'dangling-link' });
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual([basename(target)]);
  });

  it('keeps the Hidden and System attributes of a Windows file: set on the new file before it replaces the old', async () => {
    const attributes = new Map<string, { hidden: boolean; system: boolean }>([
      [target, { hidden: true, system: true }],
    ]);
    const windowsLike: Partial<FsOps> = {
      readAttributes: (path) => Promise.resolve(attributes.get(path) ?? { hidden: false, system: false }),
      applyAttributes: (path, set) => {
        attributes.set(path, set);
        return Promise.resolve();
      },
      rename: async (from, to) => {
        await nodeFsOps.rename(from, to);
        attributes.set(to, attributes.get(from) ?? { hidden: false, system: false });
        attributes.delete(from);
      },
    };
    await writeFileAtomic(target, utf16WithBom, windowsLike);
    expect(readFileSync(target).equals(utf16WithBom)).toBe(true);
    expect(attributes.get(target)).toEqual({ hidden: true, system: true });
  });

  it('does not fail when the folder cannot be fsynced (Windows)', async () => {
    const windowsLike: Partial<FsOps> = {
      open: (path, flags) =>
        flags === 'r' ? Promise.reject(fsError('EISDIR')) : nodeFsOps.open(path, flags),
    };
    await writeFileAtomic(target, utf16WithBom, windowsLike);
    expect(readFileSync(target).equals(utf16WithBom)).toBe(true);
  });
});

describe('cleanStaleTempFiles', () => {
  it("removes a crashed run's temp files for the name and keeps fresh ones and everything else", async () => {
    const stale = join(dir, tempFileName('.wslconfig'));
    const fresh = join(dir, tempFileName('.wslconfig'));
    const otherName = join(dir, tempFileName('index.json'));
    const backup = join(dir, '.wslconfig.bak');
    for (const path of [stale, fresh, otherName, backup]) writeFileSync(path, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    utimesSync(otherName, twoHoursAgo, twoHoursAgo);

    await expect(cleanStaleTempFiles(dir, '.wslconfig')).resolves.toEqual([stale]);
    expect(readdirSync(dir).sort()).toEqual(
      ['.wslconfig', '.wslconfig.bak', fresh, otherName].map((p) => basename(p)).sort(),
    );
    expect(readFileSync(target).equals(original)).toBe(true);
  });

  it("removes every file's stale temp files when no name is given", async () => {
    const stale = [join(dir, tempFileName('.wslconfig')), join(dir, tempFileName('index.json'))];
    for (const path of stale) writeFileSync(path, 'x');
    const later = () => new Date(Date.now() + 2 * 60 * 60 * 1000);
    await expect(cleanStaleTempFiles(dir, undefined, { now: later }).then((r) => r.sort())).resolves.toEqual(
      stale.sort(),
    );
    expect(readdirSync(dir)).toEqual(['.wslconfig']);
  });

  it('resolves with nothing when the folder does not exist', async () => {
    await expect(cleanStaleTempFiles(join(dir, 'missing'), '.wslconfig')).resolves.toEqual([]);
  });
});
