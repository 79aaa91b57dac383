import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLog } from '../log/log';
import { killProcessTree } from './kill-tree';

const children: ChildProcess[] = [];

/** A real process that would run for a minute unless killed. */
function sleeper(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** Stands in for `taskkill`: the test decides how it ends. */
function fakeTaskkill(): { killer: ChildProcess; calls: string[][] } {
  const killer = new ChildProcess();
  const calls: string[][] = [];
  return { killer, calls };
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('killProcessTree on Windows', () => {
  it('asks taskkill to end the whole tree by pid', async () => {
    const child = sleeper();
    await once(child, 'spawn');
    const { killer, calls } = fakeTaskkill();
    killProcessTree(child, 'win32', {
      spawnKiller: (file, args) => {
        calls.push([file, ...args]);
        return killer;
      },
    });
    expect(calls).toEqual([['taskkill.exe', '/PID', String(child.pid), '/T', '/F']]);
  });

  it('still kills the process, and logs why, when taskkill fails (a taskkill without /T)', async () => {
    const child = sleeper();
    await once(child, 'spawn');
    const { killer } = fakeTaskkill();
    const log = memoryLog();
    killProcessTree(child, 'win32', { log, spawnKiller: () => killer });
    const exited = once(child, 'exit');
    killer.emit('exit', 1, null);
    const [, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    expect(log.lines.map((line) => line.message).join('\n')).toContain('taskkill /T could not stop process');
  });

  it('still kills the process when taskkill cannot start', async () => {
    const child = sleeper();
    await once(child, 'spawn');
    const { killer } = fakeTaskkill();
    const log = memoryLog();
    killProcessTree(child, 'win32', { log, spawnKiller: () => killer });
    const exited = once(child, 'exit');
    killer.emit('error', Object.assign(new Error('spawn taskkill ENOENT'), { code: 'ENOENT' }));
    const [, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    expect(log.lines[0]?.level).toBe('warn');
  });

  it('leaves the process to taskkill when taskkill succeeds', async () => {
    const child = sleeper();
    await once(child, 'spawn');
    const { killer } = fakeTaskkill();
    killProcessTree(child, 'win32', { spawnKiller: () => killer });
    killer.emit('exit', 0, null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
  });
});
