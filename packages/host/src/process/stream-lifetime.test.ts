import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';

const parentScript = join(import.meta.dirname, 'stream-parent.ts');
const dirs: string[] = [];
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('long-lived streams end with Headroom', () => {
  it('leaves no nvidia-smi loop and no in-distro reader behind when Headroom is killed outright', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'headroom-lifetime-'));
    dirs.push(stateDir);
    const windows = createSimulatedWindows({ scenario: 'healthy', stateDir });
    const parent = spawn(process.execPath, ['--import', 'tsx', parentScript, 'Ubuntu-24.04'], {
      env: windows.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    parent.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const pids = await new Promise<{ gpu: number; reader: number }>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n'))
          resolve(JSON.parse(out.split('\n')[0] ?? '{}') as { gpu: number; reader: number });
      });
      parent.on('exit', (code) => reject(new Error(`the parent ended early (${String(code)}): ${stderr}`)));
    });
    leftovers.push(pids.gpu, pids.reader);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect({ gpu: alive(pids.gpu), reader: alive(pids.reader) }).toEqual({ gpu: true, reader: true });

    parent.kill('SIGKILL');

    await expect
      .poll(() => ({ gpu: alive(pids.gpu), reader: alive(pids.reader) }), { timeout: 5_000, interval: 250 })
      .toEqual({ gpu: false, reader: false });
  }, 60_000);
});
