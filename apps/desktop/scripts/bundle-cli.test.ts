import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopDir } from '../index';
import { bundleCli } from './bundle';
import { scanBundle } from './bundle-scan';

const repoDir = join(desktopDir, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'headroom-cli-bundle-'));
const cli = join(dir, 'headroom.cjs');
const { version } = JSON.parse(readFileSync(join(repoDir, 'apps', 'cli', 'package.json'), 'utf8')) as {
  version: string;
};

/** Run the compiled CLI with Node, as `npm i -g` or the installer's shim does. */
function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

beforeAll(async () => {
  await bundleCli({ outfile: cli });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the compiled CLI, apps/cli/dist/headroom.cjs', () => {
  it('holds only production code: no simulator, no file:// URL, no build-machine path, no build-only package', async () => {
    const result = await bundleCli({ write: false, outfile: cli });
    const files = (result.outputFiles ?? []).map(({ path, text }) => ({ path, text }));
    expect(files.map((file) => file.path)).toEqual([cli]);
    expect(scanBundle({ files, metafile: result.metafile, repoDir })).toEqual([]);
  });

  it('prints the version inlined at build time, with no package.json beside it', () => {
    expect(run('--version')).toMatchObject({ status: 0, stdout: `headroom ${version}\n`, stderr: '' });
  });

  it('says that --simulate and demo belong to the development build, exit 2', () => {
    for (const args of [['doctor', '--simulate', 'healthy'], ['demo']]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/no simulated Windows; .*npx headroom/);
    }
  });

  it('ends quietly with exit 0 when the reader closes the pipe (headroom … | head)', async () => {
    const child = spawn(process.execPath, [cli, 'fit', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
