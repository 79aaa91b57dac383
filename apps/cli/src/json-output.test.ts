import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems, type JsonSchema } from './json-schema';
import { runCli } from './testing/run-cli';
import { useCliSandbox } from './testing/sandbox';

const docs = join(import.meta.dirname, '..', '..', '..', 'docs', 'cli-json');
const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(join(docs, `${name}.schema.json`), 'utf8')) as JsonSchema;

const sandbox = useCliSandbox('json');

describe('--json output has the shape docs/cli-json documents', () => {
  it('fit', async () => {
    const run = await runCli(
      'fit',
      '--model',
      'llama-3.1-8b',
      '--ctx',
      '8192',
      '--vram-free',
      '7.5',
      '--json',
    );
    expect(schemaProblems(JSON.parse(run.stdout), schema('fit'))).toEqual([]);
  });

  it('doctor, on a simulated machine with findings', async () => {
    const run = await runCli('doctor', '--simulate', 'memory-ceiling', '--json');
    const report = JSON.parse(run.stdout) as { exitCode: number };
    expect(schemaProblems(report, schema('doctor'))).toEqual([]);
    expect(run.code).toBe(report.exitCode);
  });

  it('scenarios', async () => {
    const run = await runCli('scenarios', '--json');
    expect(schemaProblems(JSON.parse(run.stdout), schema('scenarios'))).toEqual([]);
  });

  it('verify, on a simulated machine whose .wslconfig waits for a shutdown', async () => {
    const run = await runCli('verify', '--simulate', 'config-not-applied', '--yes', '--json');
    const result = JSON.parse(run.stdout) as { ok: boolean };
    expect(schemaProblems(result, schema('verify'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, phase: 'done' });
    expect(run.code).toBe(0);
  });

  it('verify, when a check fails (driver-mismatch)', async () => {
    const run = await runCli('verify', '--simulate', 'driver-mismatch', '--yes', '--json');
    const result = JSON.parse(run.stdout) as { ok: boolean; findings: unknown[] };
    expect(schemaProblems(result, schema('verify'))).toEqual([]);
    expect(result.ok).toBe(false);
    expect(result.findings).not.toEqual([]);
  });

  it('collect --show', async () => {
    const out = join(sandbox.dir, 'capture');
    expect((await runCli('collect', '--simulate', 'windows-update-broke-gpu', '--out', out)).code).toBe(0);
    const run = await runCli('collect', '--show', out, '--json');
    const facts = JSON.parse(run.stdout) as { events: unknown[] };
    expect(schemaProblems(facts, schema('collect-show'))).toEqual([]);
    expect(facts.events).not.toEqual([]);
  });

  it('wslconfig check, set, history, diff and restore', async () => {
    const file = join(sandbox.dir, '.wslconfig');
    writeFileSync(file, '[wsl2]\r\nmemory=8gb\r\n');
    const check = await runCli('wslconfig', 'check', '--file', file, '--json');
    expect(schemaProblems(JSON.parse(check.stdout), schema('wslconfig-check'))).toEqual([]);

    const set = await runCli('wslconfig', 'set', '--file', file, 'wsl2.memory=16GB', '--json');
    expect(schemaProblems(JSON.parse(set.stdout), schema('wslconfig-edit'))).toEqual([]);
    expect(JSON.parse(set.stdout)).toMatchObject({ changed: true, written: true });

    const history = await runCli('wslconfig', 'history', '--file', file, '--json');
    const entries = JSON.parse(history.stdout) as { id: string }[];
    expect(schemaProblems(entries, schema('wslconfig-history'))).toEqual([]);
    const before = entries[1]?.id ?? '';

    const diff = await runCli('wslconfig', 'diff', before, '--file', file, '--json');
    expect(schemaProblems(JSON.parse(diff.stdout), schema('wslconfig-diff'))).toEqual([]);
    expect(JSON.parse(diff.stdout)).toMatchObject({ from: before, to: 'current', same: false });

    const dryRun = await runCli('wslconfig', 'restore', before, '--file', file, '--dry-run', '--json');
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ changed: true, written: false });
    const restore = await runCli('wslconfig', 'restore', before, '--file', file, '--json');
    expect(schemaProblems(JSON.parse(restore.stdout), schema('wslconfig-edit'))).toEqual([]);
    expect(JSON.parse(restore.stdout)).toMatchObject({ changed: true, written: true });
    expect(readFileSync(file, 'utf8')).toBe('[wsl2]\r\nmemory=8gb\r\n');
    const again = await runCli('wslconfig', 'restore', before, '--file', file, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, written: false, diff: '' });
  });

  it('the check itself finds a wrong shape', () => {
    expect(schemaProblems({ health: 'blue', findings: {} }, schema('doctor'))).toEqual([
      '$.exitCode: missing',
      '$.notChecked: missing',
      '$.health: "blue" is not one of ["green","amber","red","grey"]',
      '$.findings: object, not array',
    ]);
  });
});

describe('--quiet', () => {
  it('prints nothing but the --json a script asked for, and keeps the exit code', async () => {
    const plain = await runCli('fit', '--model', 'llama-3.1-8b', '--ctx', '8192', '--quiet');
    expect(plain).toMatchObject({ code: 0, stdout: '' });
    const json = await runCli('--quiet', 'fit', '--model', 'llama-3.1-8b', '--ctx', '8192', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ctx: 8192 });
  });
});
