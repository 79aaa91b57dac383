import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WslConfigFileError } from './errors';
import { errorCode, withFsOps, type FileHandleLike, type FileStatLike, type FsOps } from './fs-ops';

/** Waits between attempts to rename over a file that Windows Defender or the indexer briefly holds open. */
const RENAME_RETRY_DELAYS_MS = [10, 30, 60, 120, 250];
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** A directory cannot be opened or fsynced on Windows and some file systems; the rename is already done then. */
const DIR_SYNC_IGNORED_CODES = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP']);
/** Temp files younger than this may belong to a write still under way in another Headroom process. */
const DEFAULT_STALE_AFTER_MS = 60_000;

/** The temp file name for `name`: `.<name>.headroom-<random>.tmp` (one dot when `name` already starts with one). */
export function tempFileName(name: string): string {
  const hidden = name.startsWith('.') ? name : `.${name}`;
  return `${hidden}.headroom-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Replace `path` with exactly `bytes`, so that a crash at any moment leaves either the old file or the new one,
 * never a mix: write a temp file in the same folder, fsync and close it, give it the old file's mode and owner,
 * rename it over the target (retrying briefly while antivirus or the indexer holds the file), then fsync the folder
 * where the OS allows it. On any failure the temp file is removed and the error rethrown; the target is untouched
 * unless the rename succeeded. A symbolic link is written through, so a dotfiles link stays a link.
 *
 * Refused with {@link WslConfigFileError}, nothing written: a read-only target (`read-only`: its owner may not
 * write it, or the Windows Read-only attribute is set), a symbolic link to nothing (`dangling-link`: replacing it
 * would turn the link into a file), and a target whose owner this process cannot keep (`owner-change`). On
 * Windows the file's Hidden and System attributes are kept (read and set with attrib.exe), and the new file takes
 * the folder's inherited ACL; an explicit ACL on the old file is not copied (docs/decisions.md, "Replacing
 * .wslconfig on Windows").
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  fsOps: Partial<FsOps> = {},
): Promise<void> {
  const fs = withFsOps(fsOps);
  const target = await resolveLink(fs, path);
  const existing = await statIfExists(fs, target);
  if (existing && (existing.mode & 0o200) === 0) throw readOnlyError(target);
  const dir = dirname(target);
  const temp = join(dir, tempFileName(basename(target)));
  let handle: FileHandleLike | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    const written = handle;
    handle = undefined;
    await written.close();
    if (existing) {
      await keepModeAndOwner(fs, temp, target, existing);
      await keepWindowsAttributes(fs, temp, target);
    }
    await renameWithRetry(fs, temp, target);
  } catch (error) {
    // The caller gets the write's own error; a temp file this cleanup could not remove is found and removed by
    // cleanStaleTempFiles at the next start, so the cleanup's own failures add nothing to say.
    await Promise.allSettled([handle?.close(), fs.unlink(temp)]);
    throw error;
  }
  await syncDirectory(fs, dir);
}

async function statIfExists(fs: FsOps, path: string): Promise<FileStatLike | undefined> {
  try {
    return await fs.statDetails(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function readOnlyError(path: string): WslConfigFileError {
  const allow =
    process.platform === 'win32'
      ? `clear "Read-only" in the file's Properties (or run: attrib -R "${path}")`
      : `make it writable (chmod u+w "${path}")`;
  return new WslConfigFileError(
    'read-only',
    path,
    `${path} is read-only, so Headroom left it unchanged. If you want Headroom to change it, ${allow}, then try again.`,
  );
}

/** Give the temp file the permission bits and owner of the file it replaces (a 0600 file stays 0600). */
async function keepModeAndOwner(fs: FsOps, temp: string, target: string, old: FileStatLike): Promise<void> {
  const mode = old.mode & 0o7777;
  const now = await fs.statDetails(temp);
  if ((now.mode & 0o7777) !== mode) await fs.chmod(temp, mode);
  if (process.platform === 'win32' || (now.uid === old.uid && now.gid === old.gid)) return;
  try {
    await fs.chown(temp, old.uid, old.gid);
  } catch (error) {
    throw new WslConfigFileError(
      'owner-change',
      target,
      `${target} belongs to another account (uid ${old.uid}), and replacing it from this one would make it yours. Nothing was changed: run Headroom as its owner.`,
      { cause: error },
    );
  }
}

/**
 * Give the temp file the Hidden and System attributes of the file it replaces, before the rename, so the file is
 * never seen without them: the renamed temp file keeps its own attributes, not the old file's.
 */
async function keepWindowsAttributes(fs: FsOps, temp: string, target: string): Promise<void> {
  const attributes = await fs.readAttributes(target);
  if (attributes && (attributes.hidden || attributes.system)) await fs.applyAttributes(temp, attributes);
}

async function resolveLink(fs: FsOps, path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  let link: FileStatLike | undefined;
  try {
    link = await fs.lstat(path);
  } catch {
    link = undefined;
  }
  if (link?.isSymbolicLink()) {
    throw new WslConfigFileError(
      'dangling-link',
      path,
      `${path} is a symbolic link to a file that does not exist, so Headroom left it alone rather than replace the link with a file. Create the file it points to, or delete the link, then try again.`,
    );
  }
  return path;
}

async function renameWithRetry(fs: FsOps, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !RENAME_RETRY_CODES.has(errorCode(error) ?? '')) throw error;
      await sleep(delay);
    }
  }
}

async function syncDirectory(fs: FsOps, dir: string): Promise<void> {
  let handle: FileHandleLike;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    if (DIR_SYNC_IGNORED_CODES.has(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_IGNORED_CODES.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Options for {@link cleanStaleTempFiles}. */
export interface CleanStaleTempFilesOptions {
  readonly fsOps?: Partial<FsOps>;
  /** Leave temp files younger than this alone: another Headroom process may be writing them. Default 60 s. */
  readonly staleAfterMs?: number;
  readonly now?: () => Date;
}

/**
 * Remove temp files an earlier, crashed {@link writeFileAtomic} left in `dir`: those for `name`, or for any file
 * when `name` is undefined. Never throws; resolves with the paths it removed.
 */
export async function cleanStaleTempFiles(
  dir: string,
  name: string | undefined,
  options: CleanStaleTempFilesOptions = {},
): Promise<string[]> {
  const fs = withFsOps(options.fsOps);
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const now = (options.now ?? (() => new Date()))().getTime();
  const pattern = tempFilePattern(name);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!pattern.test(entry)) continue;
    const path = join(dir, entry);
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile() || now - stat.mtimeMs < staleAfterMs) continue;
      await fs.unlink(path);
      removed.push(path);
    } catch {
      // Gone already, or locked: the next start tries again.
    }
  }
  return removed;
}

function tempFilePattern(name: string | undefined): RegExp {
  if (name === undefined) return /^\..+\.headroom-[0-9a-f]{12}\.tmp$/;
  const hidden = name.startsWith('.') ? name : `.${name}`;
  return new RegExp(`^${hidden.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.headroom-[0-9a-f]{12}\\.tmp$`);
}
