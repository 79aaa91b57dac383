import { basename, dirname } from 'node:path';
import { cleanStaleTempFiles, writeFileAtomic } from './atomic-write';
import { WslConfigConflictError, WslConfigFileError } from './errors';
import { errorCode, withFsOps, type FsOps } from './fs-ops';
import { openWslConfigHistory, sha256Hex, type HistoryEntry } from './history';

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
}

const DEFAULT_MAX_VERSIONS = 50;

/**
 * Open the .wslconfig store. Temp files a crashed earlier write left beside the file or in the history are removed
 * before the first operation. Operations on one store run one at a time.
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
    queue = run.catch(() => undefined);
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
      return snapshot(await fs.readFile(path));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return snapshot(undefined);
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

  async function writeNow(bytes: Uint8Array, { expectedHash, reason }: WslConfigWriteOptions) {
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
      serial(async () => {
        const current = await readNow();
        if (current.hash === ABSENT_HASH) return undefined;
        const [newest] = await versions.list();
        if (newest?.hash === current.hash) return undefined;
        return versions.add(current.bytes, reason);
      }),
  };
}
