import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type BuildResult, type Plugin } from 'esbuild';

const desktopDir = join(import.meta.dirname, '..');
const cliDir = join(desktopDir, '..', 'cli');

/** Where `npm run build` writes the compiled `headroom`: the npm package's bin runs it, the installer ships it. */
export const CLI_BUNDLE = join(cliDir, 'dist', 'headroom.cjs');

/**
 * Development only: keep each module's `import.meta.url` / `import.meta.dirname` pointing at its source file inside
 * the CommonJS bundle (esbuild would otherwise leave them empty). The simulator finds its fake executables that way
 * when the development app runs against the simulated Windows. A production bundle must never carry these build
 * machine paths: Windows' Node rejects a `file://` URL without a drive letter, and the paths leak the build machine.
 */
export const keepImportMeta: Plugin = {
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

/**
 * Modules systeminformation asks for only on macOS, inside a try (its temperature sensors): never there on Windows,
 * never loaded there, so they stay out of the bundles as requires that do not run.
 */
export const MACOS_ONLY_OPTIONAL: readonly string[] = ['osx-temperature-sensor', 'macos-temperature-sensor'];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', ...MACOS_ONLY_OPTIONAL],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: desktopDir,
};

/**
 * What a bundle is for. `production` (what `npm run build` ships) holds only the code that runs on Windows; any
 * `import.meta` left in it fails the build. `development` (what `npm start` runs in Electron) also holds the
 * simulated Windows, so the app runs on Linux and macOS.
 */
export type BundleMode = 'production' | 'development';

/** How to bundle: write to disk (default) and for which {@link BundleMode} (default production). */
export interface BundleOptions {
  readonly write?: boolean;
  readonly mode?: BundleMode;
}

/** The main process's entry per mode: the Windows app, or the app that runs on the simulator off Windows. */
const MAIN_ENTRY: Readonly<Record<BundleMode, string>> = {
  production: 'src/main/index.ts',
  development: 'src/main/dev-index.ts',
};

/** Bundle the Electron main process into dist/main/index.cjs. */
export function bundleMain(options: BundleOptions = {}): Promise<BuildResult> {
  const mode = options.mode ?? 'production';
  return build({
    ...common,
    entryPoints: { 'main/index': MAIN_ENTRY[mode] },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    ...(mode === 'development'
      ? { plugins: [keepImportMeta] }
      : { logOverride: { 'empty-import-meta': 'error' } }),
    write: options.write ?? true,
  });
}

/**
 * Bundle the preload into one file, dist/preload/preload.cjs. A sandboxed preload can require only `electron`
 * (and a few Node shims), so everything else it uses is inlined.
 */
export function bundlePreload(options: Pick<BundleOptions, 'write'> = {}): Promise<BuildResult> {
  return build({
    ...common,
    logOverride: { 'empty-import-meta': 'error' },
    entryPoints: { 'preload/preload': 'src/main/preload-entry.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    write: options.write ?? true,
  });
}

/** Replace the CLI's src/version.ts, which reads package.json from source, with the version itself. */
function inlineVersion(version: string): Plugin {
  return {
    name: 'inline-version',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]cli[\\/]src[\\/]version\.ts$/ }, () => ({
        contents: `export function headroomVersion(): string { return ${JSON.stringify(version)}; }`,
        loader: 'ts',
      }));
    },
  };
}

/**
 * Bundle the shipped `headroom` into one file, apps/cli/dist/headroom.cjs: no tsx, no TypeScript and no simulated
 * Windows at run time (the simulator bundles its fake programs with esbuild, which a user's PC cannot do; the
 * repository's `npx headroom` keeps it). The version is inlined, so nothing reads package.json at run time.
 */
export async function bundleCli(
  options: Pick<BundleOptions, 'write'> & { readonly outfile?: string } = {},
): Promise<BuildResult> {
  const manifest = JSON.parse(await readFile(join(cliDir, 'package.json'), 'utf8')) as { version: string };
  return build({
    ...common,
    absWorkingDir: cliDir,
    entryPoints: ['src/cli-entry.ts'],
    outfile: options.outfile ?? CLI_BUNDLE,
    external: [...MACOS_ONLY_OPTIONAL],
    sourcemap: false,
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [inlineVersion(manifest.version)],
    logOverride: { 'empty-import-meta': 'error' },
    write: options.write ?? true,
  });
}
