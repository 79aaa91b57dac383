import { basename, dirname } from 'node:path';
import { cleanStaleTempFiles, writeFileAtomic } from './atomic-write';
import { WslConfigConflictError, WslConfigFileError } from './errors';
import { withFileLock, type FileLockOptions } from './file-lock';
import { errorCode, withFsOps, type FsOps } from './fs-ops';
import { openWslConfigHistory, sha256Hex, type HistoryEntry } from './history';

/**
 * The largest .wslconfig Headroom reads or writes: 1 MiB. A real one is under 10 KB; anything near this is not a
 * settings file (a log or a disk image saved under the name), and reading, checking and diffing it would take
 * seconds and gigabytes for nothing.
 */
export const MAX_WSLCONFIG_BYTES = 1024 * 1024;

/** The hash a snapshot carries when there is no .wslconfig; pass it as `expectedHash` to create the file. */
export const ABSENT_HASH = 'absent';

/** .wslconfig as Headroom read it: the exact bytes, never decoded. */
export interface WslConfigSnapshot {
  readonly path: string;
  readonly exists: boolean;
  /** Empty when the file does not exist. */
  readonly bytes: Uint8Array;
  /** sha256 of `bytes` in hex, or {@link ABSENT_HASH} when there is no file. */
  readonly hash: string;
  /** When it was read (ISO 8601). */
  readonly readAt: string;
}

/** What a write must say: the hash it was based on, and why (shown in the history). */
export interface WslConfigWriteOptions {
  /** The `hash` of the snapshot the new bytes were made from; the write is refused when the file changed since. */
  readonly expectedHash: string;
  readonly reason: string;
}

/**
 * Reads and writes .wslconfig byte for byte, refusing to overwrite edits it has not seen, and keeps every version
 * it replaces so any write can be undone.
 */
export interface WslConfigStore {
  readonly path: string;
  readonly historyDir: string;
  /** The file as it is now. */
  read(): Promise<WslConfigSnapshot>;
  /**
   * Replace the file with `bytes` when it still has `expectedHash` ({@link WslConfigConflictError} otherwise, with
   * nothing written). Before writing, the current content is saved to the history unless it is already the newest
   * version there (this also keeps edits made outside Headroom); afterwards the new content is saved with `reason`.
   */
  write(bytes: Uint8Array, options: WslConfigWriteOptions): Promise<WslConfigSnapshot>;
  /** Saved versions, newest first. */
  history(): Promise<HistoryEntry[]>;
  /** The exact bytes of a saved version ({@link WslConfigHistoryError} for an unknown or damaged id). */
  readVersion(id: string): Promise<Uint8Array>;
  /** Write a saved version back, like {@link WslConfigStore.write} with the reason `restore <id>`. */
  restore(id: string, options: { readonly expectedHash: string }): Promise<WslConfigSnapshot>;
  /**
   * Keep the file as it is now in the history when it differs from the newest saved version: an edit made outside
   * Headroom (Notepad, VS Code). Answers the new entry, or undefined when there was nothing to keep.
   */
  keepOutsideEdit(reason: string): Promise<HistoryEntry | undefined>;
}

/** Where the file and its history live. */
export interface WslConfigStoreOptions {
  /** The .wslconfig to manage (from `locateWslConfig`). */
  readonly path: string;
  /** Where versions are kept (e.g. `<headroomDataDir>/wslconfig-history`); created on the first write. */
  readonly historyDir: string;
  readonly clock?: () => Date;
  /** How many versions to keep, newest first; older ones are deleted. Default 50, at least 2. */
  readonly maxVersions?: number;
  readonly fsOps?: Partial<FsOps>;
  /** How writes wait for other Headroom processes (the lock file beside .wslconfig); for tests. */
  readonly lock?: Omit<FileLockOptions, 'fsOps'>;
}

const DEFAULT_MAX_VERSIONS = 50;

/**
 * Open the .wslconfig store. Temp files a crashed earlier write left beside the file or in the history are removed
 * before the first operation. Operations on one store run one at a time, and every write (with its backup and
 * history entry) runs under a lock file beside .wslconfig (`.wslconfig.headroom-lock`), so the app, the CLI and a
 * second app instance never lose each other's edits: under the lock the file is read again and the write refused
 * ({@link WslConfigConflictError}) when it is not what the caller read.
 *
 * The lock lives beside the file, not in the data folder: every writer finds it there whatever its data folder
 * (`HEADROOM_DATA_DIR`, another account elevated, a portable copy), a symbolic link and its target share it, and
 * the folder is already one Headroom must write to (the temp file of the atomic replace). WSL never reads it, and
 * it exists only for the milliseconds of a write.
 */
export function createWslConfigStore(options: WslConfigStoreOptions): WslConfigStore {
  const { path, historyDir } = options;
  const clock = options.clock ?? (() => new Date());
  const maxVersions = options.maxVersions ?? DEFAULT_MAX_VERSIONS;
  if (!Number.isInteger(maxVersions) || maxVersions < 2) {
    throw new RangeError(`maxVersions must be an integer of at least 2 (got ${maxVersions}).`);
  }
  const fs = withFsOps(options.fsOps);
  const versions = openWslConfigHistory({ dir: historyDir, clock, maxVersions, fsOps: fs });

  let cleaned: Promise<unknown> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** Run after every earlier operation on this store, once stale temp files are gone. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    cleaned ??= Promise.all([
      cleanStaleTempFiles(dirname(path), basename(path), { fsOps: fs }),
      cleanStaleTempFiles(historyDir, undefined, { fsOps: fs }),
    ]);
    const run = Promise.all([queue, cleaned]).then(task);
    // The next task waits for this one whether it worked or not; its caller already hears how it ended.
    const settle = (): void => undefined;
    queue = run.then(settle, settle);
    return run;
  }

  const snapshot = (bytes: Uint8Array | undefined): WslConfigSnapshot => ({
    path,
    exists: bytes !== undefined,
    bytes: bytes ?? new Uint8Array(),
    hash: bytes === undefined ? ABSENT_HASH : sha256Hex(bytes),
    readAt: clock().toISOString(),
  });

  async function readNow(): Promise<WslConfigSnapshot> {
    try {
      return snapshot(await fs.readFile(path, { maxBytes: MAX_WSLCONFIG_BYTES }));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return snapshot(undefined);
      if (code === 'EFBIG') throw tooLarge(error);
      if (code === 'ENOTREG') {
        throw new WslConfigFileError(
          'not-a-file',
          path,
          `${path} is not a regular file (a pipe, socket or device), so Headroom will not read it: reading it could wait forever. Delete it and create .wslconfig as a normal text file.`,
          { cause: error },
        );
      }
      if (code === 'EISDIR') {
        throw new WslConfigFileError(
          'is-directory',
          path,
          `${path} is a folder, so neither WSL nor Headroom can read settings from it. Move anything you need out of it, delete the folder, then create .wslconfig as a file.`,
          { cause: error },
        );
      }
      if (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') {
        throw new WslConfigFileError(
          'access-denied',
          path,
          `Headroom could not read ${path}: access was denied. Check that your account may read it and that no program locks it, then try again.`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  function tooLarge(cause: unknown, size?: number): WslConfigFileError {
    const bytes =
      size ?? (typeof cause === 'object' && cause !== null && 'size' in cause ? Number(cause.size) : NaN);
    const mb = Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : 'over 1 MiB';
    return new WslConfigFileError(
      'too-large',
      path,
      `${path} is ${mb}, and Headroom reads and writes a .wslconfig of at most 1 MiB (a real one is under 10 KB), so it left it alone. Check that this is the right file.`,
      ...(cause === undefined ? [] : [{ cause }]),
    );
  }

  /** Where the lock goes: beside the file a symbolic link points to, so both names share one lock. */
  async function lockTarget(): Promise<string> {
    try {
      return await fs.realpath(path);
    } catch {
      return path;
    }
  }

  async function locked<T>(task: () => Promise<T>): Promise<T> {
    return withFileLock(await lockTarget(), task, { ...options.lock, fsOps: fs });
  }

  /** Refuses a path in a folder that does not exist: Headroom creates the file, never the folders above it. */
  async function requireFolder(): Promise<void> {
    const folder = dirname(path);
    try {
      await fs.stat(folder);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
      throw new WslConfigFileError(
        'no-folder',
        path,
        `The folder ${folder} does not exist, so Headroom cannot write ${basename(path)} there. Check the path, or create the folder first.`,
        { cause: error },
      );
    }
  }

  async function writeNow(bytes: Uint8Array, { expectedHash, reason }: WslConfigWriteOptions) {
    if (bytes.length > MAX_WSLCONFIG_BYTES) throw tooLarge(undefined, bytes.length);
    await requireFolder();
    return locked(() => writeLocked(bytes, { expectedHash, reason }));
  }

  async function writeLocked(bytes: Uint8Array, { expectedHash, reason }: WslConfigWriteOptions) {
    const current = await readNow();
    if (current.hash !== expectedHash) throw new WslConfigConflictError(path, expectedHash, current.hash);
    const content = new Uint8Array(bytes);
    if (current.exists) {
      const [newest] = await versions.list();
      if (newest?.hash !== current.hash) {
        try {
          await versions.add(current.bytes, `before: ${reason}`);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new WslConfigFileError(
            'backup-failed',
            historyDir,
            `Headroom could not save a backup of .wslconfig in ${historyDir} (${why}), so it left the file unchanged. Check that the folder is writable and the disk is not full, then try again.`,
            { cause: error },
          );
        }
      }
    }
    try {
      await writeFileAtomic(path, content, fs);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') {
        throw new WslConfigFileError(
          'access-denied',
          path,
          `Headroom could not replace ${path}: access was denied (the file may be read-only or held open by another program). Nothing was changed: clear Read-only in the file's Properties or close that program, then try again.`,
          { cause: error },
        );
      }
      throw error;
    }
    await versions.add(content, reason);
    return snapshot(new Uint8Array(content));
  }

  return {
    path,
    historyDir,
    read: () => serial(readNow),
    write: (bytes, writeOptions) => serial(() => writeNow(bytes, writeOptions)),
    history: () => serial(() => versions.list()),
    readVersion: (id) => serial(() => versions.readVersion(id)),
    restore: (id, { expectedHash }) =>
      serial(async () => writeNow(await versions.readVersion(id), { expectedHash, reason: `restore ${id}` })),
    keepOutsideEdit: (reason) =>
      serial(() =>
        locked(async () => {
          const current = await readNow();
          if (current.hash === ABSENT_HASH) return undefined;
          const [newest] = await versions.list();
          if (newest?.hash === current.hash) return undefined;
          return versions.add(current.bytes, reason);
        }),
      ),
  };
}
