import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { WslConfigFileError } from './errors';
import { errorCode, unlinkIfPresent, withFsOps, type FsOps } from './fs-ops';

/** What a lock file holds: who took it and when, and a token only its holder knows. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly createdAt: string;
  readonly token: string;
}

/** How {@link withFileLock} waits and decides that a lock was left behind. */
export interface FileLockOptions {
  readonly fsOps?: Partial<FsOps>;
  /** How long to wait for another holder before giving up. Default 10 s. */
  readonly timeoutMs?: number;
  /**
   * A lock older than this is taken over even when its process seems alive (the pid was reused, or the holder
   * hangs). A write under the lock takes milliseconds. Default 30 s.
   */
  readonly staleAfterMs?: number;
  /** Whether a process of this machine is still running. Default: `process.kill(pid, 0)`. */
  readonly isAlive?: (pid: number) => boolean;
  readonly now?: () => number;
  /** The longest pause between two looks while another process holds the lock. Default 20 ms (writes are short). */
  readonly longestWaitMs?: number;
  /** Told once, with the holder's process id when it is known, when the lock is found held by another. */
  readonly onWait?: (holderPid: number | undefined) => void;
  /** Ends the wait for another holder: the call rejects with the signal's reason and `task` never runs. */
  readonly signal?: AbortSignal;
  /**
   * Told when the lock could not be removed after `task` (a virus scanner or the indexer holding the file on
   * Windows): the file stays until a later taker finds it stale.
   */
  readonly onReleaseFailed?: (error: unknown) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_AFTER_MS = 30_000;
/** A breaker holds `<lock>.break` for a few file operations; one this old belongs to a breaker that died. */
const BREAK_STALE_AFTER_MS = 5_000;
const FIRST_WAIT_MS = 2;
const LONGEST_WAIT_MS = 20;

/** The lock file that guards `path` against writers in other processes: `<path>.headroom-lock`, beside it. */
export function lockFileFor(path: string): string {
  return `${path}.headroom-lock`;
}

/** True when a process with this id runs on this machine (EPERM: it runs under another account). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function parseOwner(bytes: Uint8Array): LockOwner | undefined {
  try {
    const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<LockOwner> | null;
    if (
      typeof value?.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.createdAt === 'string' &&
      typeof value.token === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // Half-written (its creator is between create and write) or damaged: judged by its age instead.
  }
  return undefined;
}

/**
 * Run `task` while holding an exclusive lock on `path` that every Headroom process respects: the CLI, the app and
 * a second app instance. The lock is a file created with exclusive create (`wx`) holding the pid, the machine,
 * the time and a random token; it is removed afterwards. A lock whose process is gone, or that is older than
 * `staleAfterMs`, is taken over (under a short second lock, so two processes never both take it over). While
 * another process holds it, this waits with growing pauses up to `timeoutMs`, then throws
 * {@link WslConfigFileError} `locked` naming the holder and the lock file.
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const fs = withFsOps(options.fsOps);
  const lockPath = lockFileFor(path);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const isAlive = options.isAlive ?? processIsAlive;
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    createdAt: new Date(now()).toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const deadline = now() + timeoutMs;
  const longestWaitMs = options.longestWaitMs ?? LONGEST_WAIT_MS;
  let wait = FIRST_WAIT_MS;
  let holder: LockOwner | undefined;
  let told = false;

  for (;;) {
    options.signal?.throwIfAborted();
    if (await tryCreate(fs, lockPath, me)) break;
    const seen = await readLock(fs, lockPath);
    if (seen === undefined) continue; // released meanwhile: try again at once
    holder = seen.owner ?? holder;
    const age = now() - seen.mtimeMs;
    const ownerGone = seen.owner?.host === me.host && !isAlive(seen.owner.pid);
    if (ownerGone || age > staleAfterMs) {
      await breakStaleLock(fs, lockPath, seen.raw, now);
      continue;
    }
    if (now() >= deadline) {
      const who = holder
        ? `process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}`
        : 'it';
      throw new WslConfigFileError(
        'locked',
        path,
        `Another Headroom (${who}) is editing ${path}, and it did not finish within ${Math.round(timeoutMs / 1000)} s. Nothing was changed: try again in a moment. If no Headroom is running, delete ${lockPath} and try again.`,
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(holder?.pid);
    }
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, longestWaitMs);
  }

  try {
    return await task();
  } finally {
    await release(fs, lockPath, me.token, options.onReleaseFailed);
  }
}

async function tryCreate(fs: FsOps, lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(lockPath, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(Buffer.from(JSON.stringify(owner), 'utf8'));
  } catch (error) {
    // A lock without its owner would be waited for until it goes stale: take the empty file away again.
    await handle.close();
    try {
      await unlinkIfPresent(fs, lockPath);
    } catch (unlinkError) {
      throw new AggregateError([error, unlinkError], `${lockPath} could not be written, nor removed`, {
        cause: unlinkError,
      });
    }
    throw error;
  }
  await handle.close();
  return true;
}

interface SeenLock {
  readonly raw: string;
  readonly owner: LockOwner | undefined;
  readonly mtimeMs: number;
}

/** The lock as it is now, or undefined when there is none. */
async function readLock(fs: FsOps, lockPath: string): Promise<SeenLock | undefined> {
  try {
    const { mtimeMs } = await fs.stat(lockPath);
    const bytes = await fs.readFile(lockPath, { maxBytes: 4096 });
    return { raw: Buffer.from(bytes).toString('utf8'), owner: parseOwner(bytes), mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Remove a lock left behind, but only if it still is the one judged stale: two processes that both saw it must
 * not remove the fresh lock one of them has taken since. Breakers take turns through `<lock>.break`.
 */
async function breakStaleLock(
  fs: FsOps,
  lockPath: string,
  staleRaw: string,
  now: () => number,
): Promise<void> {
  const breakPath = `${lockPath}.break`;
  let handle;
  try {
    handle = await fs.open(breakPath, 'wx');
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    try {
      const { mtimeMs } = await fs.stat(breakPath);
      if (now() - mtimeMs > BREAK_STALE_AFTER_MS) await fs.unlink(breakPath);
    } catch {
      // Gone meanwhile: the other breaker finished.
    }
    await sleep(FIRST_WAIT_MS);
    return;
  }
  try {
    await handle.close();
    const current = await readLock(fs, lockPath);
    if (current?.raw === staleRaw) await unlinkIfPresent(fs, lockPath);
  } finally {
    await unlinkIfPresent(fs, breakPath);
  }
}

/** How often a lock that cannot be removed is tried again: Windows' scanners hold a new file for moments. */
const RELEASE_TRIES = 5;

/**
 * Remove the lock if it still is ours (a holder judged stale may have lost it to another process), trying again
 * for a moment when the file is busy. One that still cannot be removed is told to `onFailed`: a later taker finds
 * it stale.
 */
async function release(
  fs: FsOps,
  lockPath: string,
  token: string,
  onFailed: ((error: unknown) => void) | undefined,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const current = await readLock(fs, lockPath);
      if (current?.owner?.token === token) await fs.unlink(lockPath);
      return;
    } catch (error) {
      if (attempt >= RELEASE_TRIES) {
        onFailed?.(error);
        return;
      }
      await sleep(FIRST_WAIT_MS * 2 ** attempt);
    }
  }
}
