import { builtinModules } from 'node:module';
import type { BuildResult } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleMain, bundlePreload, MACOS_ONLY_OPTIONAL } from './bundle';

/** Every module a bundle leaves for the runtime to load, i.e. what it will `require`. */
function externalImports(result: BuildResult): string[] {
  const outputs = Object.values(result.metafile?.outputs ?? {});
  return [
    ...new Set(outputs.flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path))),
  ].sort();
}

describe('the Electron bundles', () => {
  it('puts the whole preload in one file that requires nothing but electron, as a sandboxed preload must', async () => {
    const result = await bundlePreload({ write: false });
    expect(result.errors).toEqual([]);
    expect(externalImports(result)).toEqual(['electron']);
  });

  it('bundles the main process so it needs only electron and Node built-ins at run time', async () => {
    const result = await bundleMain({ write: false });
    expect(result.errors).toEqual([]);
    const allowed = new Set([
      'electron',
      ...MACOS_ONLY_OPTIONAL,
      ...builtinModules,
      ...builtinModules.map((name) => `node:${name}`),
    ]);
    expect(externalImports(result).filter((path) => !allowed.has(path))).toEqual([]);
    expect(externalImports(result)).toContain('electron');
  });
});
