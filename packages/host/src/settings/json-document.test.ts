import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJsonDocument } from './json-document';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-json-'));
  dirs.push(dir);
  return join(dir, 'nested', 'state.json');
}

const acceptStep = (value: unknown): { step: number } | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { step?: unknown }).step === 'number'
    ? { step: (value as { step: number }).step }
    : undefined;

describe('openJsonDocument', () => {
  it('reads nothing before the first write, then what was written, creating the folder', async () => {
    const path = tempPath();
    const document = openJsonDocument(path, acceptStep);
    expect(await document.read()).toBeUndefined();
    await document.write({ step: 3 });
    expect(await document.read()).toEqual({ step: 3 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ step: 3 });
  });

  it('keeps the last of several writes started at once', async () => {
    const document = openJsonDocument(tempPath(), acceptStep);
    await Promise.all([1, 2, 3, 4, 5].map((step) => document.write({ step })));
    expect(await document.read()).toEqual({ step: 5 });
  });

  it('reads a damaged or foreign file as nothing instead of failing', async () => {
    const path = tempPath();
    const document = openJsonDocument(path, acceptStep);
    await document.write({ step: 1 });
    writeFileSync(path, '{"step": 2');
    expect(await document.read()).toBeUndefined();
    writeFileSync(path, '{"step": "two"}');
    expect(await document.read()).toBeUndefined();
  });
});
