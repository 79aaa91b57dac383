import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLog } from '@headroom/host';
import { createWslTurns } from './wsl-turns';
import { otherHeadroomHolding } from './testing/other-headroom';
import { removeTempFolder } from './testing/temp-folder';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => removeTempFolder(dir)));

/** The shared lock's path in a data folder of its own, removed after the test. */
function freshLockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-turns-'));
  dirs.push(dir);
  return join(dir, 'wsl-turn');
}

/** Work that only notes that it ran, for turns that must never run theirs. */
function noted(): { run: () => Promise<void>; ran: () => boolean } {
  let ran = false;
  return {
    run: () => {
      ran = true;
      return Promise.resolve();
    },
    ran: () => ran,
  };
}

/** A promise and the functions that settle it, for work the test ends when it chooses. */
function held<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
} {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createWslTurns', () => {
  it('runs a shutdown asked for during the checks only after they end, and says what it waits for', async () => {
    const turns = createWslTurns();
    const order: string[] = [];
    const checks = held();
    const first = turns.take('setup’s checks', async () => {
      order.push('checks start');
      await checks.promise;
      order.push('checks end');
    });
    const waits: string[] = [];
    const second = turns.take(
      'shutdown',
      () => {
        order.push('shutdown');
        return Promise.resolve('stopped');
      },
      { stopsWsl: true, onWait: (holder) => waits.push(holder) },
    );
    await Promise.resolve();
    expect(order).toEqual(['checks start']);
    checks.resolve();
    await expect(second).resolves.toBe('stopped');
    await first;
    expect(order).toEqual(['checks start', 'checks end', 'shutdown']);
    expect(waits).toEqual(['setup’s checks']);
  });

  it('hands a failure to its caller and still lets the next turn run', async () => {
    const turns = createWslTurns();
    const failing = turns.take('a check', () => Promise.reject(new Error('wsl.exe did not answer')));
    const next = turns.take('shutdown', () => Promise.resolve(1));
    await expect(failing).rejects.toThrow('wsl.exe did not answer');
    await expect(next).resolves.toBe(1);
  });

  it('runs a turn asked for from inside a turn at once instead of waiting for itself', async () => {
    const turns = createWslTurns();
    const outcome = await turns.take('verify', () =>
      turns.take('health check', () => Promise.resolve('inner')),
    );
    expect(outcome).toBe('inner');
  });

  it('marks the time a shutdown holds the turn, so a distro list read across it is known to be old', async () => {
    const turns = createWslTurns();
    const before = turns.stopEpoch();
    const gate = held();
    const stopping = turns.take('shutdown', () => gate.promise, { stopsWsl: true });
    await Promise.resolve();
    expect(turns.stopping()).toBe(true);
    gate.resolve();
    await stopping;
    expect(turns.stopping()).toBe(false);
    expect(turns.stopEpoch()).not.toBe(before);
    const after = turns.stopEpoch();
    await turns.take('health check', () => Promise.resolve());
    expect(turns.stopEpoch()).toBe(after);
  });

  it('is idle only once every turn has ended, a failed one and one asked for while waiting included', async () => {
    const turns = createWslTurns();
    const events: string[] = [];
    const checks = held();
    const failing = turns.take('setup’s checks', async () => {
      await checks.promise;
      throw new Error('wsl.exe did not answer');
    });
    failing.catch(() => events.push('checks failed'));
    const idle = turns.idle().then(() => events.push('idle'));
    const later = held();
    // Asked for while `idle()` already waits: it counts too.
    const health = turns.take('the health check', async () => {
      await later.promise;
      events.push('health check done');
    });
    checks.resolve();
    await expect(failing).rejects.toThrow('wsl.exe did not answer');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['checks failed']);
    later.resolve();
    await Promise.all([health, idle]);
    expect(events).toEqual(['checks failed', 'health check done', 'idle']);
  });

  it('waits for the turn another Headroom process holds, says whose, and goes on once it lets go', async () => {
    const lockPath = freshLockPath();
    const other = await otherHeadroomHolding(lockPath);
    const waits: string[] = [];
    let letGo = false;
    let ranAfterLetGo: boolean | undefined;
    const mine = createWslTurns({ lockPath }).take(
      'headroom verify',
      () => {
        ranAfterLetGo = letGo;
        return Promise.resolve();
      },
      { onWait: (holder) => waits.push(holder) },
    );
    await vi.waitFor(() => expect(waits).toEqual([`another Headroom (process ${String(other.child.pid)})`]), {
      timeout: 10_000,
    });
    letGo = true;
    other.child.stdin.end('go\n');
    await mine;
    expect(ranAfterLetGo).toBe(true);
    await other.said('released');
    expect(existsSync(`${lockPath}.headroom-lock`)).toBe(false);
  }, 30_000);

  it('takes the turn of a Headroom process that was killed while it held it', async () => {
    const lockPath = freshLockPath();
    const other = await otherHeadroomHolding(lockPath);
    const ended = new Promise((resolve) => other.child.once('exit', resolve));
    other.child.kill('SIGKILL');
    await ended;
    expect(existsSync(`${lockPath}.headroom-lock`)).toBe(true);
    await expect(
      createWslTurns({ lockPath }).take('the health check', () => Promise.resolve('ran')),
    ).resolves.toBe('ran');
  }, 30_000);

  it('goes ahead, with a log line, when another process never lets go of its turn', async () => {
    const lockPath = freshLockPath();
    const other = await otherHeadroomHolding(lockPath);
    const log = memoryLog();
    try {
      const turns = createWslTurns({ lockPath, log, giveUpAfterMs: 500 });
      await expect(turns.take('the health check', () => Promise.resolve('ran'))).resolves.toBe('ran');
      expect(log.lines.map((line) => `${line.level} ${line.message}`)).toEqual([
        `warn another Headroom process held ${lockPath}.headroom-lock for 1 s; going ahead without it`,
      ]);
    } finally {
      other.child.kill();
    }
  }, 30_000);

  it('gives up a turn cancelled while another process holds the lock: at once, running nothing, stopping nothing', async () => {
    const lockPath = freshLockPath();
    const other = await otherHeadroomHolding(lockPath);
    const log = memoryLog();
    try {
      const turns = createWslTurns({ lockPath, log });
      const controller = new AbortController();
      const work = noted();
      const verification = turns.take('a verification', work.run, {
        stopsWsl: true,
        signal: controller.signal,
        onWait: () => controller.abort(new Error('cancelled')),
      });
      await expect(verification).rejects.toThrow('cancelled');
      expect(work.ran()).toBe(false);
      // Once the other lets go, nothing of this one is left stopping.
      other.child.stdin.end('go\n');
      await other.said('released');
      expect(turns.stopping()).toBe(false);
      await turns.idle();
      expect(log.lines).toEqual([]);
    } finally {
      other.child.kill();
    }
  }, 30_000);

  it('gives up a turn cancelled while it waits in this process: the turn after it runs once the first ends', async () => {
    const turns = createWslTurns();
    const first = held();
    const checks = turns.take('setup’s checks', () => first.promise);
    const controller = new AbortController();
    const work = noted();
    const verification = turns.take('a verification', work.run, {
      stopsWsl: true,
      signal: controller.signal,
    });
    const epoch = turns.stopEpoch();
    controller.abort(new Error('cancelled'));
    const after = turns.take('the health check', () => Promise.resolve('ran'));
    first.resolve();
    await checks;
    await expect(verification).rejects.toThrow('cancelled');
    await expect(after).resolves.toBe('ran');
    expect(work.ran()).toBe(false);
    expect(turns.stopEpoch()).toBe(epoch);
  });

  it('takes over a lock its own process left behind (its removal failed) instead of waiting for itself', async () => {
    const lockPath = freshLockPath();
    writeFileSync(
      `${lockPath}.headroom-lock`,
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        createdAt: new Date().toISOString(),
        token: 'left',
      }),
    );
    const log = memoryLog();
    const turns = createWslTurns({ lockPath, log, giveUpAfterMs: 2_000 });
    await expect(turns.take('the health check', () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(log.lines).toEqual([]);
    expect(existsSync(`${lockPath}.headroom-lock`)).toBe(false);
  });

  it('counts a turn another Headroom process holds as stopping: this one cannot tell what it does to WSL', async () => {
    const lockPath = freshLockPath();
    const turns = createWslTurns({ lockPath });
    expect(turns.stopping()).toBe(false);
    const other = await otherHeadroomHolding(lockPath);
    expect(turns.stopping()).toBe(true);
    other.child.stdin.end('go\n');
    await other.said('released');
    expect(turns.stopping()).toBe(false);
    await turns.take('the health check', () => Promise.resolve());
    expect(turns.stopping()).toBe(false);
  }, 30_000);
});
