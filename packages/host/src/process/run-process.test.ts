import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessError } from './process-error';
import { toSignedExitCode } from './process-result';
import { runProcess } from './run-process';

const node = process.execPath;

/** Pids of live processes whose command line contains `needle` (Linux /proc), to prove a tree was killed. */
function pidsRunning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('runProcess', () => {
  it('returns raw stdout and stderr bytes, the exit code and a measured duration', async () => {
    const script =
      "process.stdout.write(Buffer.from([0x41,0x00,0x0d,0x00,0x0a,0x00])); process.stderr.write('warn'); process.exitCode = 3";
    const result = await runProcess([node, '-e', script], { timeoutMs: 10_000 });
    expect(Array.from(result.stdout)).toEqual([0x41, 0x00, 0x0d, 0x00, 0x0a, 0x00]);
    expect(Buffer.from(result.stderr).toString()).toBe('warn');
    expect(result.exitCode).toBe(3);
    expect(result.signal).toBeNull();
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.argv).toEqual([node, '-e', script]);
  });

  it('passes arguments as they are, with no shell to expand them', async () => {
    const tricky = '$HOME; echo pwned && `id` "quoted" *';
    const result = await runProcess([node, '-e', 'process.stdout.write(process.argv[1])', tricky], {
      timeoutMs: 10_000,
    });
    expect(Buffer.from(result.stdout).toString()).toBe(tricky);
  });

  it('gives the child exactly the environment it is handed', async () => {
    const result = await runProcess(
      [node, '-e', 'process.stdout.write(String(process.env.HEADROOM_PROBE))'],
      {
        timeoutMs: 10_000,
        env: { PATH: process.env.PATH, HEADROOM_PROBE: 'simulated' },
      },
    );
    expect(Buffer.from(result.stdout).toString()).toBe('simulated');
  });

  it('rejects with not-found when the program does not exist', async () => {
    const running = runProcess(['headroom-no-such-program.exe'], { timeoutMs: 5_000 });
    await expect(running).rejects.toBeInstanceOf(ProcessError);
    await expect(running).rejects.toMatchObject({
      failure: 'not-found',
      message: 'headroom-no-such-program.exe was not found.',
      result: undefined,
    });
  });

  it('kills the whole process tree at the timeout and rejects with a typed timeout error', async () => {
    const marker = `headroom-hang-${process.pid}-${Date.now()}`;
    const parent = `require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${marker}'], { stdio: 'ignore' }); process.stdout.write('started'); setInterval(() => {}, 1000)`;
    await expect(runProcess([node, '-e', parent, marker], { timeoutMs: 1_500 })).rejects.toMatchObject({
      failure: 'timeout',
      message: `${node} did not finish within 1500 ms and was stopped.`,
      result: { stdout: new Uint8Array(Buffer.from('started')), signal: 'SIGKILL' },
    });
    await expect.poll(() => pidsRunning(marker), { timeout: 5_000 }).toEqual([]);
  });

  it('stops a program that floods its output past the cap', async () => {
    const flood = 'const b = Buffer.alloc(65536, 97); const w = () => process.stdout.write(b, w); w()';
    const cap = 256 * 1024;
    await expect(
      runProcess([node, '-e', flood], { timeoutMs: 10_000, maxOutputBytes: cap }),
    ).rejects.toSatisfy(
      (error: ProcessError) =>
        error.failure === 'output-limit' && (error.result?.stdout.length ?? Infinity) <= cap,
    );
  });

  it('stops the program when the caller aborts', async () => {
    const controller = new AbortController();
    const running = runProcess([node, '-e', 'setInterval(() => {}, 1000)'], {
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toMatchObject({ failure: 'aborted' });
  });
});

describe('toSignedExitCode', () => {
  it('turns the DWORD 4294967295 Windows reports for -1 back into -1', () => {
    expect(toSignedExitCode(4294967295)).toBe(-1);
    expect(toSignedExitCode(0xfffffe44)).toBe(-444);
    expect(toSignedExitCode(1)).toBe(1);
    expect(toSignedExitCode(null)).toBeNull();
  });
});
