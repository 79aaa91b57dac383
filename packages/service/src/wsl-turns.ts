import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { nullLog, processIsAlive, withFileLock, WslConfigFileError, type Log } from '@headroom/host';

/** How a turn is taken. */
export interface TurnOptions {
  /** The turn stops WSL (a shutdown, a verification): distro lists read across it may be out of date. */
  readonly stopsWsl?: boolean;
  /** Told what holds the turn when this one has to wait for it (for a progress line). */
  readonly onWait?: (holder: string) => void;
  /**
   * Gives the turn up while it waits (a verification cancelled before it began): when its time comes it ends at
   * once, rejecting with the signal's reason, without taking the shared lock or running `work`.
   */
  readonly signal?: AbortSignal;
}

/**
 * One thing at a time that may start or stop WSL's VM. Setup's checks boot it, a shutdown stops it, a verification
 * does both and the health check runs commands in the running distros: interleaved, a shutdown pressed while the
 * checks boot is followed by their boot and WSL runs again, and a check's `wsl -d` landing after a shutdown starts
 * the distro it found running. Each waits its turn, in the order asked.
 */
export interface WslTurns {
  /**
   * Run `work` once every earlier turn has ended; its result or error is the caller's. Work that asks for a turn
   * from inside its own turn runs at once, so nested calls cannot wait for themselves.
   */
  take<T>(what: string, work: () => Promise<T>, options?: TurnOptions): Promise<T>;
  /** Changes whenever a turn that stops WSL begins or ends: a list read across a change may be out of date. */
  stopEpoch(): number;
  /**
   * Whether a turn that stops WSL holds the turn now, or another Headroom process holds it (a `headroom verify` in a
   * terminal stops WSL, and this process cannot tell what the other one does).
   */
  stopping(): boolean;
  /** Settles once no turn is held or waited for, including turns asked for while waiting; never rejects. */
  idle(): Promise<void>;
}

/** Where the turns of other Headroom processes are seen, and where a lock that cannot be had is told. */
export interface WslTurnsOptions {
  /**
   * A path in the data folder every Headroom process of this user shares: a turn also holds `<path>.headroom-lock`,
   * so the app's timed check and a `headroom verify` typed in a terminal take turns too. Without it, turns are this
   * process's alone.
   */
  readonly lockPath?: string;
  readonly log?: Log;
  /** How long to wait for another process's turn before going ahead anyway; default 5 min. */
  readonly giveUpAfterMs?: number;
}

/** How long a turn waits for another process's before going ahead anyway: longer than any verification takes. */
const CROSS_PROCESS_WAIT_MS = 5 * 60_000;
/** A lock this old is another process's that hangs or whose pid was reused: verifications end well before. */
const CROSS_PROCESS_STALE_MS = 10 * 60_000;
/** How often a waiting turn looks at another process's lock: a turn lasts seconds to minutes. */
const CROSS_PROCESS_LOOK_MS = 250;

/**
 * Run `work` holding the shared lock when there is one. Another process that holds it is waited for (its end, its
 * death, or the lock going stale); one that never lets go is given up on after `giveUpAfterMs` (5 min), with a log
 * line, rather than leaving Headroom stuck.
 */
async function acrossProcesses<T>(
  options: WslTurnsOptions,
  work: () => Promise<T>,
  turnOptions: TurnOptions,
): Promise<T> {
  const { lockPath } = options;
  const log = options.log ?? nullLog;
  if (lockPath === undefined) return work();
  const turn = { started: false };
  try {
    // The data folder may not be there yet on a first start (or was removed meanwhile).
    await mkdir(dirname(lockPath), { recursive: true });
    return await withFileLock(
      lockPath,
      () => {
        turn.started = true;
        return work();
      },
      {
        timeoutMs: options.giveUpAfterMs ?? CROSS_PROCESS_WAIT_MS,
        staleAfterMs: CROSS_PROCESS_STALE_MS,
        longestWaitMs: CROSS_PROCESS_LOOK_MS,
        // This process's turns already take their turns in its queue: a lock naming this process is one whose
        // removal failed, not a holder to wait for.
        isAlive: (pid) => pid !== process.pid && processIsAlive(pid),
        onWait: (pid) =>
          turnOptions.onWait?.(`another Headroom${pid === undefined ? '' : ` (process ${String(pid)})`}`),
        onReleaseFailed: (error) =>
          log.warn(`removing ${lockPath}.headroom-lock after a turn (the next turn takes it over)`, error),
        ...(turnOptions.signal ? { signal: turnOptions.signal } : {}),
      },
    );
  } catch (error) {
    if (turn.started || turnOptions.signal?.aborted) throw error;
    // Never stuck behind the lock, nor failed by it: the work goes ahead without it, and the log says why.
    const waited = Math.round((options.giveUpAfterMs ?? CROSS_PROCESS_WAIT_MS) / 1000);
    log.warn(
      error instanceof WslConfigFileError && error.code === 'locked'
        ? `another Headroom process held ${lockPath}.headroom-lock for ${String(waited)} s; going ahead without it`
        : `taking ${lockPath}.headroom-lock; going ahead without it`,
      error,
    );
    return work();
  }
}

/**
 * Whether another live Headroom process of this machine holds the shared lock now: read from the lock file, without
 * waiting. A lock naming this process, a dead one or a stale one is not another's turn.
 */
function heldElsewhere(lockPath: string | undefined, log: Log, told: { unreadable: boolean }): boolean {
  if (lockPath === undefined) return false;
  const path = `${lockPath}.headroom-lock`;
  try {
    const { mtimeMs } = statSync(path);
    const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown } | null;
    return (
      Date.now() - mtimeMs < CROSS_PROCESS_STALE_MS &&
      typeof owner?.pid === 'number' &&
      owner.pid !== process.pid &&
      owner.host === hostname() &&
      processIsAlive(owner.pid)
    );
  } catch (error) {
    // No lock (the usual case), or one half-written: nobody else's turn to respect.
    if (
      (error as NodeJS.ErrnoException).code !== 'ENOENT' &&
      !(error instanceof SyntaxError) &&
      !told.unreadable
    ) {
      told.unreadable = true;
      log.warn(`reading ${path} to see whether another Headroom holds WSL's turn (taken as not)`, error);
    }
    return false;
  }
}

/** A fresh queue of turns; the composition root makes one and hands it to everything that starts or stops WSL. */
export function createWslTurns(options: WslTurnsOptions = {}): WslTurns {
  const inside = new AsyncLocalStorage<string>();
  /** Settles when the last turn asked for has ended; never rejects. */
  let tail: Promise<void> = Promise.resolve();
  /** What holds the turn and what waits for it, in order. */
  const waiting: string[] = [];
  let epoch = 0;
  let stopping = false;
  const told = { unreadable: false };

  return {
    take(what, work, turnOptions = {}) {
      if (inside.getStore() !== undefined) return work();
      const holder = waiting[0];
      waiting.push(what);
      // The next turn waits for this one to end, however it ends; a failure is the caller's, through `mine`.
      let ended: () => void = () => undefined;
      const before = tail;
      tail = new Promise<void>((resolve) => (ended = resolve));
      const stopsWsl = turnOptions.stopsWsl === true;
      const mine = before.then(async () => {
        // Given up while it waited: it ends at once, stopping nothing.
        const stops = stopsWsl && turnOptions.signal?.aborted !== true;
        if (stops) {
          epoch += 1;
          stopping = true;
        }
        try {
          turnOptions.signal?.throwIfAborted();
          return await inside.run(what, () => acrossProcesses(options, work, turnOptions));
        } finally {
          waiting.shift();
          if (stops) {
            epoch += 1;
            stopping = false;
          }
          ended();
        }
      });
      if (holder !== undefined) turnOptions.onWait?.(holder);
      return mine;
    },
    stopEpoch: () => epoch,
    stopping: () => stopping || heldElsewhere(options.lockPath, options.log ?? nullLog, told),
    async idle() {
      let seen: Promise<void>;
      do {
        seen = tail;
        await seen;
      } while (seen !== tail);
    },
  };
}
