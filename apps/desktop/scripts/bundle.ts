import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type BuildResult, type Plugin } from 'esbuild';

const desktopDir = join(import.meta.dirname, '..');

/**
 * Keep each module's `import.meta.url` / `import.meta.dirname` pointing at its source file inside the CommonJS
 * bundle (esbuild would otherwise leave them empty). The simulator finds its fake executables that way when the
 * development app runs against the simulated Windows.
 */
const keepImportMeta: Plugin = {
  name: 'keep-import-meta',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
      return { contents, loader: 'ts' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: desktopDir,
};

/** Bundle the Electron main process into dist/main/index.cjs. */
export function bundleMain(options: { write?: boolean } = {}): Promise<BuildResult> {
  return build({
    ...common,
    entryPoints: { 'main/index': 'src/main/index.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    plugins: [keepImportMeta],
    write: options.write ?? true,
  });
}

/**
 * Bundle the preload into one file, dist/preload/preload.cjs. A sandboxed preload can require only `electron`
 * (and a few Node shims), so everything else it uses is inlined.
 */
export function bundlePreload(options: { write?: boolean } = {}): Promise<BuildResult> {
  return build({
    ...common,
    entryPoints: { 'preload/preload': 'src/main/preload-entry.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    write: options.write ?? true,
  });
}
