import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopDir } from '../index';
import { bundleCli } from './bundle';

const cliDir = join(desktopDir, '..', 'cli');
const dir = mkdtempSync(join(tmpdir(), 'headroom-cli-package-'));
const prefix = join(dir, 'empty-folder');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let packed: { filename: string; files: { path: string }[] };

/** `headroom ARGS` from the installed package, as a user with Node would run it. */
function headroom(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const bin = join(
    prefix,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'headroom.cmd' : 'headroom',
  );
  return spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

beforeAll(async () => {
  await bundleCli();
  const [result] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: cliDir, encoding: 'utf8' }),
  ) as (typeof packed)[];
  if (result === undefined) throw new Error('npm pack wrote no tarball');
  packed = result;
  mkdirSync(prefix);
  execFileSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--offline', join(dir, packed.filename)],
    { cwd: prefix, encoding: 'utf8' },
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm package of the CLI (npm i -g @headroom/cli, npx)', () => {
  it('holds the compiled CLI and its launcher only, and needs no other package at run time', () => {
    expect(packed.files.map((file) => file.path).sort()).toEqual([
      'bin/headroom.js',
      'dist/headroom.cjs',
      'package.json',
    ]);
    const manifest = JSON.parse(
      readFileSync(join(prefix, 'node_modules', '@headroom', 'cli', 'package.json'), 'utf8'),
    ) as {
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('runs from an empty folder it was installed into: --version, doctor --help, fit --json', () => {
    const { version } = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string };
    expect(headroom('--version')).toMatchObject({ status: 0, stdout: `headroom ${version}\n` });
    const help = headroom('doctor', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^headroom doctor — /);
    const fit = headroom('fit', '--model', 'llama-3.1-8b', '--ctx', '8192', '--json');
    expect(fit.status).toBe(0);
    expect(JSON.parse(fit.stdout)).toMatchObject({ ctx: 8192, kvType: 'f16' });
  });
});
