import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../testing/run-cli';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-cli-'));
  file = join(dir, '.wslconfig');
  vi.stubEnv('HEADROOM_DATA_DIR', join(dir, 'data'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('headroom wslconfig check', () => {
  it('prints memory=-1 exactly, flags the wrap and exits 1 (not 18446744073709552000 with exit 0)', async () => {
    writeFileSync(file, '[wsl2]\nmemory=-1\nswap=8GB\n');
    const json = await runCli('wslconfig', 'check', file, '--json');
    expect(json.code).toBe(1);
    expect(json.stdout).toContain('"wsl2.memory": "18446744073709551615"');
    expect(json.stdout).toContain('"wsl2.swap": 8589934592');
    expect(json.stdout).toContain('"code": "size-wraps"');
    const human = await runCli('wslconfig', 'check', file);
    expect(human.stdout).toContain('18446744073709551615');
    expect(human.stdout).not.toContain('18446744073709552000');
  });

  it('prints the check JSON and exits 1 when WSL ignores a line', async () => {
    writeFileSync(file, '[wsl2]\r\nmemory=8gb\r\nprocessors=4 # cores\r\n');
    const { code, stdout } = await runCli('wslconfig', 'check', file, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      settings: { 'wsl2.processors': 4 },
      problems: [
        {
          line: 2,
          ignoredByWsl: true,
          severity: 'error',
          code: 'invalid-size',
          message: expect.stringContaining('`memory=8gb`') as unknown,
          fix: 'memory=8GB',
        },
      ],
    });
  });

  it('exits 0 when WSL reads every line, and 2 for a file that is not there', async () => {
    writeFileSync(file, '[wsl2]\nmemory=12GB\n');
    const ok = await runCli('wslconfig', 'check', '--file', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('WSL applies 1 setting and ignores 0 lines.');
    const missing = await runCli('wslconfig', 'check', join(dir, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file at');
  });
});

describe('headroom wslconfig on files it must not read or write', () => {
  it('refuses a file over 1 MiB with exit 2, saying the limit, for check and set', async () => {
    writeFileSync(file, `[wsl2]\n${'# padding\n'.repeat(200_000)}`);
    for (const args of [
      ['check', file],
      ['set', file, 'wsl2.memory=8GB'],
    ]) {
      const { code, stderr } = await runCli('wslconfig', ...args);
      expect(code).toBe(2);
      expect(stderr).toContain('at most 1 MiB');
    }
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO as the file with exit 2 instead of hanging',
    async () => {
      spawnSync('mkfifo', [file]);
      const { code, stderr } = await runCli('wslconfig', 'check', file);
      expect(code).toBe(2);
      expect(stderr).toContain('not a regular file');
    },
  );

  it.skipIf(process.platform === 'win32')(
    'refuses a read-only file with exit 2 and one line saying how to allow it, before showing any diff',
    async () => {
      writeFileSync(file, '[wsl2]\nmemory=8GB\n');
      chmodSync(file, 0o444);
      for (const args of [
        ['set', file, 'wsl2.memory=4GB'],
        ['unset', file, 'wsl2.memory'],
      ]) {
        const { code, stdout, stderr } = await runCli('wslconfig', ...args);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(stderr).toMatch(/is read-only, so Headroom left it unchanged.*make it writable/);
      }
      expect(readFileSync(file, 'utf8')).toBe('[wsl2]\nmemory=8GB\n');
    },
  );

  it('refuses a path in a folder that does not exist with exit 2 and one line naming the folder', async () => {
    const missing = join(dir, 'no-such-folder', '.wslconfig');
    const { code, stdout, stderr } = await runCli('wslconfig', 'set', missing, 'wsl2.memory=4GB');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`The folder ${join(dir, 'no-such-folder')} does not exist`);
    expect(stderr).not.toMatch(/ENOENT|headroom-lock/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('refuses a control character in a value with exit 2 and writes nothing', async () => {
    writeFileSync(file, '[wsl2]\n');
    const { code, stdout, stderr } = await runCli('wslconfig', 'set', file, 'wsl2.kernelCommandLine=quiet\r');
    expect(code).toBe(2);
    expect(stderr).toContain('carriage return');
    expect(stdout).not.toContain('Saved');
    expect(readFileSync(file, 'utf8')).toBe('[wsl2]\n');
  });
});

describe('headroom wslconfig set, unset, history, diff and restore', () => {
  it('sets a value in place, keeps the history, and restores the original byte for byte', async () => {
    const original = '# mine\r\n[wsl2]\r\nmemory=8GB   # half\r\n';
    writeFileSync(file, original);
    const set = await runCli('wslconfig', 'set', file, 'wsl2.memory=12gb', 'wsl2.swap=0');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('-memory=8GB   # half\n+memory=12GB   # half');
    expect(readFileSync(file, 'utf8')).toBe('# mine\r\n[wsl2]\r\nmemory=12GB   # half\r\nswap=0\r\n');

    const history = await runCli('wslconfig', 'history', '--file', file, '--json');
    const entries = JSON.parse(history.stdout) as { id: string; reason: string }[];
    expect(entries.map((entry) => entry.reason)).toEqual([
      'set wsl2.memory=12gb wsl2.swap=0',
      'before: set wsl2.memory=12gb wsl2.swap=0',
    ]);

    const before = entries[1]?.id ?? '';
    const diff = await runCli('wslconfig', 'diff', before, '--file', file);
    expect(diff.stdout).toContain('+swap=0');

    expect((await runCli('wslconfig', 'restore', before, '--file', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('shows the change and writes nothing with --dry-run', async () => {
    writeFileSync(file, '[wsl2]\nmemory=8GB\n');
    const { code, stdout } = await runCli(
      'wslconfig',
      'set',
      '--file',
      file,
      '--dry-run',
      'wsl2.memory=16GB',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('+memory=16GB');
    expect(stdout).toContain('Dry run: nothing was written.');
    expect(readFileSync(file, 'utf8')).toBe('[wsl2]\nmemory=8GB\n');
  });

  it('removes every occurrence of a key with unset', async () => {
    writeFileSync(file, '[experimental]\nnetworkingMode=nat\n[wsl2]\nnetworkingMode=mirrored\nmemory=8GB\n');
    expect((await runCli('wslconfig', 'unset', file, 'wsl2.networkingMode')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('[experimental]\n[wsl2]\nmemory=8GB\n');
  });

  it('refuses invalid values and unknown keys with exit 2, saying what to write, and leaves the file alone', async () => {
    writeFileSync(file, '[wsl2]\nmemory=8GB\n');
    const bad = await runCli('wslconfig', 'set', file, 'wsl2.memory=lots');
    expect(bad).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give a whole size such as 16GB') as unknown,
    });
    const unknown = await runCli('wslconfig', 'set', file, 'wsl2.memmory=8GB');
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('did you mean "wsl2.memory"') as unknown,
    });
    const notAssignment = await runCli('wslconfig', 'set', file, 'wsl2.memory');
    expect(notAssignment.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('[wsl2]\nmemory=8GB\n');
  });

  it('works on the simulated user’s .wslconfig when no file is given off Windows', async () => {
    const set = await runCli('wslconfig', 'set', 'wsl2.memory=16GB');
    expect(set.code).toBe(0);
    const check = await runCli('wslconfig', 'check', '--json');
    expect(JSON.parse(check.stdout)).toEqual({
      settings: { 'wsl2.memory': 16 * 2 ** 30, 'wsl2.processors': 12, 'wsl2.swap': 8 * 2 ** 30 },
      problems: [],
    });
    expect(readFileSync(join(dir, 'data', 'simulator', 'profile', '.wslconfig'), 'utf8')).toBe(
      '[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\nswap=8GB\r\n',
    );
  });
});

describe('the headroom bin', () => {
  it('runs `headroom wslconfig check FILE --json` from a shell with the documented exit code', () => {
    writeFileSync(file, '[wsl2]\nmemory=1.5GB\n');
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'headroom.js');
    const result = spawnSync(process.execPath, [bin, 'wslconfig', 'check', file, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, HEADROOM_DATA_DIR: join(dir, 'data') },
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      settings: {},
      problems: [{ line: 2, code: 'invalid-size', fix: 'memory=1536MB' }],
    });
  });
});
