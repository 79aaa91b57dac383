import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';
import { useCliSandbox } from '../testing/sandbox';

const sandbox = useCliSandbox('verify');

interface VerifyJson {
  ok: boolean;
  baseline?: { configHash: string; hostDriver: string | null };
  phase: string;
  checks: { id: string; ok: boolean; expected: string; observed: string }[];
  findings: { id: string }[];
}

async function verify(...args: string[]): Promise<{ code: number; json: VerifyJson }> {
  const { code, stdout } = await runCli('verify', ...args, '--json');
  return { code, json: JSON.parse(stdout) as VerifyJson };
}

describe('headroom verify --simulate S', () => {
  it('proves a config that only needed a full shutdown now applies', async () => {
    const { code, json } = await verify('--simulate', 'config-not-applied', '--yes');
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.checks.find((check) => check.id === 'memory')?.ok).toBe(true);
    expect(json.baseline).toMatchObject({ configHash: expect.any(String) as unknown });
    // A throwaway simulated machine keeps its baseline with it, never in the user's data folder.
    expect(existsSync(join(sandbox.dir, 'data', 'baselines.json'))).toBe(false);
  }, 60_000);

  it('fails, naming the ignored line, when WSL drops the memory value', async () => {
    const { code, json } = await verify('--simulate', 'invalid-memory-value', '--yes');
    expect(code).not.toBe(0);
    expect(json.ok).toBe(false);
    expect(json.checks.some((check) => !check.ok)).toBe(true);
    expect(json.findings.map((finding) => finding.id)).toContain('wslconfig-ignored-lines');
  }, 60_000);

  it('will not stop running distros without --yes when nobody can be asked', async () => {
    const { code, stderr } = await runCli('verify', '--simulate', 'config-not-applied');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/running; shutting WSL down stops .* Run again with --yes/);
  }, 60_000);

  it('asks before waiting for WSL’s turn, so a refusal never waits for the app’s work with WSL', async () => {
    // Another Headroom (a live process) holds WSL's turn in the data folder the app and the CLI share.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const dataDir = join(sandbox.dir, 'data');
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(
        join(dataDir, 'wsl-turn.headroom-lock'),
        JSON.stringify({
          pid: holder.pid,
          host: hostname(),
          createdAt: new Date().toISOString(),
          token: 'app',
        }),
      );
      const { code, stderr } = await runCli('verify');
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/running; shutting WSL down stops .* Run again with --yes/);
      expect(stderr).not.toContain('waiting for');
    } finally {
      holder.kill();
    }
  }, 30_000);

  it('rejects a timeout that is not a number of seconds', async () => {
    const { code, stderr } = await runCli('verify', '--simulate', 'healthy', '--timeout', 'soon');
    expect(code).toBe(2);
    expect(stderr).toContain('--timeout takes a number of seconds above 0 up to 3600');
  });
});
