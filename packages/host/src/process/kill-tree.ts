import { spawn, type ChildProcess } from 'node:child_process';
import { describeError, nullLog, type Log } from '../log/log';
import { resolveWindowsProgram } from './windows-programs';

/** Seams of {@link killProcessTree}: where its failures are logged, and how it starts `taskkill` (tests). */
export interface KillTreeOptions {
  readonly log?: Log;
  readonly spawnKiller?: (file: string, args: readonly string[]) => ChildProcess;
}

const spawnTaskkill = (file: string, args: readonly string[]): ChildProcess =>
  spawn(resolveWindowsProgram(file, process.env), [...args], { windowsHide: true, stdio: 'ignore' });

/**
 * Kill a process and everything it started. On Windows `taskkill /T` walks the tree; elsewhere the child was
 * spawned as the leader of its own process group, so signalling the negative pid reaches the whole group. When
 * taskkill cannot start or fails (exit code not 0, e.g. a `taskkill` without `/T`), the process itself is still
 * killed, so a timeout always ends it.
 */
export function killProcessTree(
  child: ChildProcess,
  platform: NodeJS.Platform = process.platform,
  options: KillTreeOptions = {},
): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const log = options.log ?? nullLog;
  if (platform === 'win32') {
    const killer = (options.spawnKiller ?? spawnTaskkill)('taskkill.exe', ['/PID', String(pid), '/T', '/F']);
    killer.once('error', (error) => {
      log.warn(`taskkill could not start to stop process ${pid}; killing it alone`, error);
      child.kill('SIGKILL');
    });
    killer.once('exit', (code) => {
      if (code === 0 || child.exitCode !== null || child.signalCode !== null) return;
      log.warn(`taskkill /T could not stop process ${pid} (exit code ${String(code)}); killing it alone`);
      child.kill('SIGKILL');
    });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    log.debug(`process group ${pid} could not be signalled; killing the process alone`, describeError(error));
    child.kill('SIGKILL');
  }
}
