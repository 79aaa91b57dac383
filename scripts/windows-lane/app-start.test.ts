import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStartReport } from './app-start';

let dir: string;
let loader: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-app-start-'));
  loader = join(dir, 'app-start.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'app-start.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: loader,
    logLevel: 'warning',
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Run the loader (here under this machine's Node) on a main bundle written from `source`. */
function startUp(source: string): { status: number | null; report: AppStartReport } {
  const bundle = join(dir, `main-${String(Math.random()).slice(2)}.cjs`);
  writeFileSync(bundle, source);
  const run = spawnSync(process.execPath, [loader, bundle], { encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, report: JSON.parse(run.stdout.trim()) as AppStartReport };
}

describe('the start-up check (app-start.ts)', () => {
  it('passes a main bundle that reaches app.whenReady(), with electron stood in for', () => {
    const { status, report } = startUp(`
      const { app, protocol } = require('electron');
      protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
      if (app.requestSingleInstanceLock()) app.whenReady().then(() => { throw new Error('never resolves'); });
    `);
    expect(report.reachedWhenReady).toBe(true);
    expect(report.error).toBeUndefined();
    expect(report.electronCalls).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
      'app.whenReady',
    ]);
    expect(status).toBe(0);
  });

  it('fails a bundle that throws at load, with the error code', () => {
    const { status, report } = startUp(`
      const { app } = require('electron');
      throw Object.assign(new TypeError('bad path'), { code: 'ERR_INVALID_ARG_VALUE' });
      app.whenReady();
    `);
    expect(report.reachedWhenReady).toBe(false);
    expect(report.error).toEqual({ code: 'ERR_INVALID_ARG_VALUE', message: 'bad path' });
    expect(status).toBe(1);
  });

  it('fails a bundle whose start-up rejects after whenReady was asked for', () => {
    const { status, report } = startUp(`
      const { app } = require('electron');
      app.whenReady();
      Promise.reject(new Error('late failure'));
    `);
    expect(report.reachedWhenReady).toBe(true);
    expect(report.error?.message).toBe('late failure');
    expect(status).toBe(1);
  });
});
