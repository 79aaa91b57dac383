import { describe, expect, it } from 'vitest';
import { createWslTurns } from './wsl-turns';

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
});
