import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWslCli } from './wsl-cli';
import { WslError } from './wsl-error';

let stateDir: string;
let windows: SimulatedWindows;

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'headroom-wsl-'));
  windows = createSimulatedWindows({ scenario: 'healthy', stateDir });
});
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

describe('createWslCli against the simulated wsl.exe', () => {
  it.each([
    ['UTF-16LE (wsl.exe default)', false],
    ['UTF-8 (WSL_UTF8=1)', true],
  ])('lists distros with name, default, state and version from %s output', async (_label, utf8) => {
    const wsl = createWslCli({ env: windows.env, utf8 });
    await expect(wsl.listDistros()).resolves.toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Running', version: 2 },
    ]);
  });

  it('shuts WSL down: afterwards every distro is Stopped and none is running', async () => {
    const wsl = createWslCli({ env: windows.env });
    await expect(wsl.listRunning()).resolves.toEqual(['Ubuntu-24.04', 'docker-desktop']);
    await wsl.shutdown();
    expect((await wsl.listDistros()).map((d) => d.state)).toEqual(['Stopped', 'Stopped']);
    await expect(wsl.listRunning()).resolves.toEqual([]);
  });

  it('boots the VM when a command runs in a stopped distro, with the processors .wslconfig gives it', async () => {
    const wsl = createWslCli({ env: windows.env });
    await wsl.shutdown();
    const result = await wsl.exec('Ubuntu-24.04', ['nproc']);
    expect(result.exitCode).toBe(0);
    expect(Buffer.from(result.stdout).toString()).toBe('12\n');
    await expect(wsl.listRunning()).resolves.toEqual(['Ubuntu-24.04']);
    expect(windows.readState().boots).toBe(2);
  });

  it('reports WSL’s own message when wsl.exe fails, with its exit code', async () => {
    const wsl = createWslCli({ env: windows.env, utf8: false });
    const result = await wsl.exec('NoSuchDistro', ['true']);
    expect(result.exitCode).not.toBe(0);
    const { decodeConsoleOutput } = await import('@headroom/core');
    expect(decodeConsoleOutput(result.stderr).text).toContain(
      'There is no distribution with the supplied name.',
    );
  });

  it('kills a command that hangs, and its whole process tree, at the timeout with a typed error', async () => {
    const wsl = createWslCli({ env: windows.env });
    const seconds = `${600 + (process.pid % 100)}.${Date.now() % 1000}`;
    const hanging = wsl.exec('Ubuntu-24.04', ['sleep', seconds], { timeoutMs: 2_000 });
    await expect(hanging).rejects.toBeInstanceOf(WslError);
    await expect(hanging).rejects.toMatchObject({
      failure: 'timeout',
      message: `wsl -d Ubuntu-24.04 -e sleep ${seconds} did not answer within 2 s.`,
    });
    const sleepers = (): string[] =>
      readdirSync('/proc').filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === `sleep\0${seconds}\0`;
        } catch {
          return false;
        }
      });
    await expect.poll(sleepers, { timeout: 5_000 }).toEqual([]);
  });

  it('says WSL is not installed when wsl.exe is missing', async () => {
    const wsl = createWslCli({ executable: join(stateDir, 'missing', 'wsl.exe') });
    await expect(wsl.listDistros()).rejects.toMatchObject({
      failure: 'not-installed',
      message: 'wsl.exe was not found: the Windows Subsystem for Linux is not installed.',
    });
  });

  it('says WSL is not installed when only Windows’ wsl.exe stub answers, whatever its language', async () => {
    const stub = createSimulatedWindows({ scenario: 'wsl-stub', stateDir: join(stateDir, 'stub') });
    const wsl = createWslCli({ env: stub.env });
    await expect(wsl.listDistros()).rejects.toMatchObject({ failure: 'not-installed', exitCode: 50 });
    await expect(wsl.listRunning()).rejects.toMatchObject({
      failure: 'not-installed',
      message: expect.stringContaining('not installed') as unknown,
    });
  });

  it('turns a failing list into a WslError that quotes the first line WSL printed', async () => {
    const broken = createWslCli({
      env: windows.env,
      executable: windows.wslExecutable,
      run: async (argv, options) => {
        const { runProcess } = await import('../process/run-process');
        return runProcess([argv[0], '--no-such-flag'], options);
      },
    });
    await expect(broken.listDistros()).rejects.toMatchObject({
      failure: 'failed',
      exitCode: 255,
      message: 'wsl --list --verbose failed (exit code 255): Invalid command line argument: --no-such-flag',
    });
  });
});
