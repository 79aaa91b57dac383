import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WslConfigFileError } from './errors';
import { lockFileFor, withFileLock } from './file-lock';

let dir: string;
let file: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-lock-'));
  file = join(dir, '.wslconfig');
  lock = lockFileFor(file);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const owner = (pid: number, host = hostname()): string =>
  JSON.stringify({ pid, host, createdAt: new Date().toISOString(), token: 'someone-else' });

describe('withFileLock', () => {
  it('holds a lock file beside the file with its pid while the task runs, and removes it afterwards', async () => {
    const seen = await withFileLock(file, () => Promise.resolve(readFileSync(lock, 'utf8')));
    expect(JSON.parse(seen)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(existsSync(lock)).toBe(false);
  });

  it('removes the lock when the task throws', async () => {
    await expect(withFileLock(file, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('runs tasks of one process one at a time', async () => {
    let inside = 0;
    let most = 0;
    const task = async (): Promise<void> => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 5 }, () => withFileLock(file, task)));
    expect(most).toBe(1);
  });

  it('takes over a lock whose process is gone (a crashed Headroom)', async () => {
    writeFileSync(lock, owner(999_999));
    const result = await withFileLock(file, () => Promise.resolve('ran'), { isAlive: () => false });
    expect(result).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock older than staleAfterMs even when its pid seems alive (reused)', async () => {
    writeFileSync(lock, owner(process.pid));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await expect(withFileLock(file, () => Promise.resolve('ran'), { staleAfterMs: 30_000 })).resolves.toBe(
      'ran',
    );
  });

  it('takes over an empty lock file once it is old (its creator died before writing it)', async () => {
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await expect(withFileLock(file, () => Promise.resolve('ran'))).resolves.toBe('ran');
  });

  it('waits for a live holder and then says another Headroom is editing, naming the lock file', async () => {
    const held = owner(process.pid);
    writeFileSync(lock, held);
    const error = await withFileLock(file, () => Promise.resolve('ran'), { timeoutMs: 100 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WslConfigFileError);
    expect(error).toMatchObject({ code: 'locked' });
    expect((error as Error).message).toContain(`Another Headroom (process ${process.pid})`);
    expect((error as Error).message).toContain(lock);
    expect(readFileSync(lock, 'utf8')).toBe(held);
  });

  it('does not judge a lock from another machine by its pid', async () => {
    writeFileSync(lock, owner(999_999, 'another-pc'));
    await expect(
      withFileLock(file, () => Promise.resolve('ran'), { isAlive: () => false, timeoutMs: 50 }),
    ).rejects.toMatchObject({ code: 'locked' });
  });

  it('stops waiting for a live holder when its signal is aborted, and never runs the task', async () => {
    const held = owner(process.pid);
    writeFileSync(lock, held);
    const controller = new AbortController();
    let ran = false;
    const waiting = withFileLock(
      file,
      () => {
        ran = true;
        return Promise.resolve();
      },
      {
        timeoutMs: 60_000,
        signal: controller.signal,
        onWait: () => controller.abort(new Error('cancelled')),
      },
    );
    await expect(waiting).rejects.toThrow('cancelled');
    expect(ran).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(held);
  });

  it('tries again to remove a lock Windows holds busy for a moment, and tells when it cannot', async () => {
    let busy = 2;
    const flaky = {
      unlink: async (path: string) => {
        if (path === lock && busy > 0) {
          busy -= 1;
          throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
        }
        const { unlink } = await import('node:fs/promises');
        await unlink(path);
      },
    };
    const failures: unknown[] = [];
    await withFileLock(file, () => Promise.resolve(), {
      fsOps: flaky,
      onReleaseFailed: (error) => failures.push(error),
    });
    expect(existsSync(lock)).toBe(false);
    expect(failures).toEqual([]);

    busy = 100;
    await withFileLock(file, () => Promise.resolve(), {
      fsOps: flaky,
      onReleaseFailed: (error) => failures.push(error),
    });
    expect(existsSync(lock)).toBe(true);
    expect(failures).toEqual([expect.objectContaining({ code: 'EBUSY' })]);
  });

  it('takes its empty lock file away again when writing its owner fails', async () => {
    const failing = {
      open: async (path: string, flags: 'wx' | 'r') => {
        const { open } = await import('node:fs/promises');
        const handle = await open(path, flags);
        return {
          writeFile: () =>
            Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' })),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(withFileLock(file, () => Promise.resolve(), { fsOps: failing })).rejects.toThrow('ENOSPC');
    expect(existsSync(lock)).toBe(false);
  });

  it('does not remove a lock that is no longer its own when it finishes', async () => {
    await withFileLock(file, () => {
      writeFileSync(lock, owner(process.pid));
      return Promise.resolve();
    });
    expect(existsSync(lock)).toBe(true);
  });
});
