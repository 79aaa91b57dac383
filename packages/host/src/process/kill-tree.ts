import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Kill a process and everything it started. On Windows `taskkill /T` walks the tree; elsewhere the child was
 * spawned as the leader of its own process group, so signalling the negative pid reaches the whole group.
 */
export function killProcessTree(child: ChildProcess, platform: NodeJS.Platform = process.platform): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (platform === 'win32') {
    const killer = spawn('taskkill', ['/PID', String(pid), '/T', '/F'], {
      windowsHide: true,
      stdio: 'ignore',
    });
    killer.on('error', () => child.kill('SIGKILL'));
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
