import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems, type JsonSchema } from './json-schema';
import { runCli } from './testing/run-cli';
import { useCliSandbox } from './testing/sandbox';

const docs = join(import.meta.dirname, '..', '..', '..', 'docs', 'cli-json');
const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(join(docs, `${name}.schema.json`), 'utf8')) as JsonSchema;

useCliSandbox('json');

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
