import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { attribExeAttributes, noWindowsAttributes, type WindowsAttributes } from './windows-attributes';

/** The part of an open file the .wslconfig store uses; `FileHandle` from node:fs/promises satisfies it. */
export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What `stat` reports that the store and the misplaced-file check look at. */
export interface StatLike {
  isFile(): boolean;
  isDirectory(): boolean;
  readonly mtimeMs: number;
}

/** What `lstat` (and `stat` with details) reports that a safe replace needs: the kind, mode, owner and size. */
export interface FileStatLike extends StatLike {
  isSymbolicLink(): boolean;
  /** The permission bits and type; on Windows the owner's write bit is clear when the Read-only attribute is set. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
}

/** What {@link FsOps.readFile} may be told: the most bytes it reads before it refuses the file. */
export interface ReadFileOptions {
  readonly maxBytes?: number;
}

/**
 * Every file-system call the .wslconfig modules make, as one object so tests can swap one function for a fault
 * (a rename that throws is a crash between writing the temp file and replacing the target). Paths are native.
 */
export interface FsOps {
  open(path: string, flags: 'wx' | 'r'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /**
   * The bytes of a regular file. Anything else (a FIFO, a socket, a device) is refused with the code `ENOTREG`
   * without waiting for a writer, and a file larger than `maxBytes` with `EFBIG` (the error's `size` says how big).
   */
  readFile(path: string, options?: ReadFileOptions): Promise<Uint8Array>;
  /** Creates the folder and its parents; no error when it exists. */
  mkdir(dir: string): Promise<void>;
  stat(path: string): Promise<StatLike>;
  realpath(path: string): Promise<string>;
  /** Like `stat` with the details, but about a symbolic link itself rather than its target. */
  lstat(path: string): Promise<FileStatLike>;
  /** `stat` with the details: follows symbolic links. */
  statDetails(path: string): Promise<FileStatLike>;
  chmod(path: string, mode: number): Promise<void>;
  chown(path: string, uid: number, gid: number): Promise<void>;
  /** Windows' Hidden and System attributes (attrib.exe); undefined elsewhere, where there are none. */
  readAttributes(path: string): Promise<WindowsAttributes | undefined>;
  /** Sets Hidden and System exactly as `attributes` says on Windows; nothing elsewhere. */
  applyAttributes(path: string, attributes: WindowsAttributes): Promise<void>;
}

const windowsAttributes = process.platform === 'win32' ? attribExeAttributes() : noWindowsAttributes;

/** Opening for reading must not wait for a FIFO's writer; Windows has no FIFOs in the file system and no flag. */
const OPEN_READ_NONBLOCKING = constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NONBLOCK ?? 0);

/** An error with an errno-style `code`, like the ones node:fs throws. */
function fsError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

/**
 * Read a regular file, refusing anything else before reading a byte: opening a FIFO without O_NONBLOCK waits
 * forever for a writer, and reading a huge file takes all memory.
 */
export async function readRegularFile(path: string, options: ReadFileOptions = {}): Promise<Uint8Array> {
  const handle = await fsp.open(path, OPEN_READ_NONBLOCKING);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory())
      throw fsError('EISDIR', `EISDIR: illegal operation on a directory, read '${path}'`);
    if (!stat.isFile()) throw fsError('ENOTREG', `${path} is not a regular file`);
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (stat.size > maxBytes) throw fsError('EFBIG', `${path} is ${stat.size} bytes`, { size: stat.size });
    const bytes = new Uint8Array(await handle.readFile());
    if (bytes.length > maxBytes)
      throw fsError('EFBIG', `${path} is ${bytes.length} bytes`, { size: bytes.length });
    return bytes;
  } finally {
    await handle.close();
  }
}

/** The real node:fs/promises behind {@link FsOps}. */
export const nodeFsOps: FsOps = {
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  readdir: (dir) => fsp.readdir(dir),
  readFile: readRegularFile,
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  stat: (path) => fsp.stat(path),
  realpath: (path) => fsp.realpath(path),
  lstat: (path) => fsp.lstat(path),
  statDetails: (path) => fsp.stat(path),
  chmod: (path, mode) => fsp.chmod(path, mode),
  chown: (path, uid, gid) => fsp.chown(path, uid, gid),
  readAttributes: (path) => windowsAttributes.read(path),
  applyAttributes: (path, attributes) => windowsAttributes.apply(path, attributes),
};

/** {@link nodeFsOps} with the given functions swapped in. */
export function withFsOps(overrides: Partial<FsOps> = {}): FsOps {
  return { ...nodeFsOps, ...overrides };
}

/** The errno code of a Node file-system error (`ENOENT`, `EPERM`, ...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Remove a file that may already be gone (another process removed it, or it never was): only "no such file" is
 * expected here; any other failure is the caller's to hear.
 */
export async function unlinkIfPresent(fs: Pick<FsOps, 'unlink'>, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}
