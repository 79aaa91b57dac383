import * as fsp from 'node:fs/promises';

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

/**
 * Every file-system call the .wslconfig modules make, as one object so tests can swap one function for a fault
 * (a rename that throws is a crash between writing the temp file and replacing the target). Paths are native.
 */
export interface FsOps {
  open(path: string, flags: 'wx' | 'r'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Creates the folder and its parents; no error when it exists. */
  mkdir(dir: string): Promise<void>;
  stat(path: string): Promise<StatLike>;
  realpath(path: string): Promise<string>;
}

/** The real node:fs/promises behind {@link FsOps}. */
export const nodeFsOps: FsOps = {
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  readdir: (dir) => fsp.readdir(dir),
  readFile: async (path) => new Uint8Array(await fsp.readFile(path)),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  stat: (path) => fsp.stat(path),
  realpath: (path) => fsp.realpath(path),
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
