import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createDistroSampleParser,
  distroSamplerScript,
  SAMPLER_IDLE_CHECK,
  SAMPLER_MARKER,
} from './distro-sampler';

/** A real /proc/meminfo of a WSL2 VM with memory=16GB (testdata/distro/README.md says where it comes from). */
const MEMINFO = readFileSync(
  join(import.meta.dirname, '..', 'testdata', 'distro', 'meminfo-wsl2-16g.txt'),
  'utf8',
);
const block = `${SAMPLER_MARKER} meminfo@@\n${MEMINFO.trimEnd()}\n${SAMPLER_MARKER} end@@\n`;

describe('createDistroSampleParser', () => {
  it('reads a meminfo block and a timed nvidia-smi, fed a byte at a time', () => {
    const parser = createDistroSampleParser();
    const text = `${block}${SAMPLER_MARKER} smi ms=312 exit=0@@\n`;
    const samples = Array.from({ length: text.length }, (_, index) => text.charAt(index)).flatMap((char) =>
      parser.push(char),
    );
    expect(samples.map((sample) => sample.kind)).toEqual(['meminfo', 'latency']);
    const first = samples[0];
    expect(first?.kind === 'meminfo' && first.meminfo.memTotalKiB).toBeGreaterThan(15 * 2 ** 20);
    expect(samples[1]).toEqual({ kind: 'latency', ms: 312, exitCode: 0 });
  });

  it('reports a hung nvidia-smi by its timeout exit code, and an idle distro', () => {
    const parser = createDistroSampleParser();
    expect(parser.push(`${SAMPLER_MARKER} smi ms=10004 exit=124@@\r\n${SAMPLER_MARKER} idle@@\n`)).toEqual([
      { kind: 'latency', ms: 10004, exitCode: 124 },
      { kind: 'idle' },
    ]);
  });

  it('drops a meminfo block cut off by the end of the stream instead of reporting zeros', () => {
    const parser = createDistroSampleParser();
    expect(parser.push(`${SAMPLER_MARKER} meminfo@@\nMemTotal:   16`)).toEqual([]);
    expect(parser.flush()).toEqual([]);
  });

  it('is a script that reads meminfo every second, times nvidia-smi with a hard timeout and leaves when idle', () => {
    expect(distroSamplerScript()).toContain(SAMPLER_IDLE_CHECK);
    const script = distroSamplerScript();
    expect(script).toContain('cat /proc/meminfo');
    expect(script).toContain('timeout 10 /usr/lib/wsl/lib/nvidia-smi');
    expect(script).toContain('idle@@');
    expect(script).toContain('sleep 1');
  });
});

/** A fake /proc: each process's stat line (pid, comm, state, ppid, pgrp, session) and its comm file. */
function fakeProc(processes: readonly { pid: number; comm: string; ppid: number; sid: number }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'headroom-proc-'));
  for (const { pid, comm, ppid, sid } of processes) {
    mkdirSync(join(root, String(pid)));
    writeFileSync(join(root, String(pid), 'stat'), `${pid} (${comm}) S ${ppid} ${pid} ${sid} 0 0\n`);
    writeFileSync(join(root, String(pid), 'comm'), `${comm}\n`);
  }
  return root;
}

/** Run the idle check in sh against a fake /proc, as the reader in session 50. */
function othersIn(root: string): string {
  const script = `P='${root}'\nme=50\n${SAMPLER_IDLE_CHECK}\nif others; then echo busy; else echo idle; fi`;
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).trim();
}

describe('the sampler script (run in sh)', () => {
  it('ends within seconds when its stdin ends (Headroom gone), and not while stdin stays open', async () => {
    const child = spawn('sh', ['-c', distroSamplerScript()], { stdio: ['pipe', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number>((resolve) => child.on('exit', () => resolve(Date.now())));
    try {
      await vi.waitFor(() => expect(output).toContain(`${SAMPLER_MARKER} end@@`), { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(child.exitCode).toBeNull();
      expect(output).not.toContain('idle@@');
      const closed = Date.now();
      child.stdin.end();
      expect((await exited) - closed).toBeLessThan(1_200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe("the sampler's idle check (run in sh)", () => {
  const wslInit = [
    { pid: 1, comm: 'init', ppid: 0, sid: 1 },
    { pid: 40, comm: 'init', ppid: 1, sid: 40 },
    { pid: 50, comm: 'sh', ppid: 40, sid: 50 },
    { pid: 51, comm: 'sleep', ppid: 50, sid: 50 },
  ];

  it("finds the distro idle when only the reader and WSL's init run", () => {
    const root = fakeProc(wslInit);
    try {
      expect(othersIn(root)).toBe('idle');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("does not count the services systemd keeps (systemd is PID 1, WSL's init its child)", () => {
    const root = fakeProc([
      { pid: 1, comm: 'systemd', ppid: 0, sid: 1 },
      { pid: 2, comm: 'init', ppid: 1, sid: 2 },
      { pid: 40, comm: 'init', ppid: 2, sid: 40 },
      { pid: 50, comm: 'sh', ppid: 40, sid: 50 },
      { pid: 120, comm: 'systemd-journal', ppid: 1, sid: 120 },
      { pid: 130, comm: 'dockerd', ppid: 1, sid: 130 },
    ]);
    try {
      expect(othersIn(root)).toBe('idle');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds it in use while a shell a wsl.exe started runs there', () => {
    const root = fakeProc([
      ...wslInit,
      { pid: 60, comm: 'init', ppid: 1, sid: 60 },
      { pid: 61, comm: 'bash', ppid: 60, sid: 61 },
    ]);
    try {
      expect(othersIn(root)).toBe('busy');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
