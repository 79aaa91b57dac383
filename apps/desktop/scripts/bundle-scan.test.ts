import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildResult } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRenderer, desktopDir } from '../index';
import { bundleMain, bundlePreload } from './bundle';
import { scanBundle, type BundleFile } from './bundle-scan';

const repoDir = join(desktopDir, '..', '..');

/** What esbuild would have written, as the scan reads it. */
function outputFiles(result: BuildResult): BundleFile[] {
  return (result.outputFiles ?? []).map(({ path, text }) => ({ path, text }));
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): BundleFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path, 'utf8') };
    });
}

// Inside dist/ as the real build is, so the source maps' relative paths are the ones that ship.
mkdirSync(join(desktopDir, 'dist'), { recursive: true });
const rendererOut = mkdtempSync(join(desktopDir, 'dist', 'scan-renderer-'));
afterAll(() => rmSync(rendererOut, { recursive: true, force: true }));

describe('the production bundles hold only production code', () => {
  it('main: no simulator, no file:// URL, no build-machine path, no build-only package', async () => {
    const result = await bundleMain({ write: false });
    expect(scanBundle({ files: outputFiles(result), metafile: result.metafile, repoDir })).toEqual([]);
  });

  it('preload: the same', async () => {
    const result = await bundlePreload({ write: false });
    expect(scanBundle({ files: outputFiles(result), metafile: result.metafile, repoDir })).toEqual([]);
  });

  it('renderer: the same', async () => {
    await buildRenderer({ quiet: true, outDir: rendererOut });
    expect(scanBundle({ files: filesUnder(rendererOut), repoDir })).toEqual([]);
  }, 120_000);
});

describe('the scan', () => {
  it('catches the bug that stopped the first Windows launch: the simulator and its createRequire(file://…) at load', async () => {
    // The development bundle is what the production bundle was: the simulator inside, import.meta.url rewritten.
    const result = await bundleMain({ write: false, mode: 'development' });
    const problems = scanBundle({ files: outputFiles(result), metafile: result.metafile, repoDir });
    expect(problems).toContainEqual(expect.stringMatching(/holds a file:\/\/ URL: file:\/\/\//));
    expect(problems).toContainEqual(expect.stringMatching(/names the build machine's path/));
    expect(problems).toContainEqual(
      expect.stringMatching(/bundles a simulator module: .*simulated-windows\.ts/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/loads the build-only package esbuild at run time/),
    );
  });

  it('catches a build-only package left to require at run time', async () => {
    const result = await build({
      stdin: { contents: 'import { transform } from "tsx/esm/api"; console.log(transform);', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['tsx'],
      write: false,
      metafile: true,
      outfile: join(rendererOut, 'probe.cjs'),
      logLevel: 'silent',
    });
    expect(scanBundle({ files: outputFiles(result), metafile: result.metafile, repoDir })).toContainEqual(
      expect.stringMatching(/build-only package tsx/),
    );
  });
});
