import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { keepImportMeta } from '../../apps/desktop/scripts/bundle';
import { NODE_WIN_VERSION, winPath, type WindowsNode } from './wine';

const laneDir = import.meta.dirname;
/** The repository's root folder. */
export const repoRoot = join(laneDir, '..', '..');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  logLevel: 'warning',
  absWorkingDir: repoRoot,
};

/**
 * What CommonJS has instead of `import.meta`: the bundle's own file. esbuild leaves `import.meta` empty in a CJS
 * bundle; pointing it at the bundle itself is what a shipped Windows build would have (never the build machine).
 */
const importMetaOfBundle: BuildOptions = {
  define: { 'import.meta.url': '__headroomBundleUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: "var __headroomBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The bug the lane must catch: every `import.meta.url` rewritten to the build machine's `file:///...` path, which
 * Windows' Node rejects. It is the development bundle's own plugin, so the fixture fails exactly as a production
 * bundle built that way would.
 */
const buildMachineImportMeta: Plugin = keepImportMeta;

/** The files the lane runs under Windows' Node, bundled into `runDir`. */
export interface LaneBundles {
  readonly windowsChecks: string;
  readonly appStart: string;
  readonly launcher: string;
  readonly cli: string;
  readonly cliVersion: string;
  readonly brokenMain: string;
}

/** Bundle the Windows-side checks, the start-up loader, the launcher script, the CLI and the broken main bundle. */
export async function buildLaneBundles(runDir: string): Promise<LaneBundles> {
  const out = (name: string): string => join(runDir, name);
  const cliDir = join(runDir, 'cli');
  mkdirSync(join(cliDir, 'bin'), { recursive: true });
  // The CLI reads its version from ../package.json next to its bin folder, as in apps/cli.
  copyFileSync(join(repoRoot, 'apps', 'cli', 'package.json'), join(cliDir, 'package.json'));
  const cliVersion = (JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const bundles: LaneBundles = {
    windowsChecks: out('windows-checks.cjs'),
    appStart: out('app-start.cjs'),
    launcher: out('launcher.cjs'),
    cli: join(cliDir, 'bin', 'headroom.cjs'),
    cliVersion,
    brokenMain: join(runDir, 'broken', 'main', 'index.cjs'),
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(laneDir, 'windows-checks.ts')], outfile: bundles.windowsChecks }),
    build({ ...common, entryPoints: [join(laneDir, 'app-start.ts')], outfile: bundles.appStart }),
    build({ ...common, entryPoints: [join(laneDir, 'launcher.ts')], outfile: bundles.launcher }),
    build({
      ...common,
      ...importMetaOfBundle,
      stdin: {
        contents:
          "import { main } from './apps/cli/src/main';\nvoid main(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
        resolveDir: repoRoot,
        loader: 'ts',
        sourcefile: 'headroom-cli-entry.ts',
      },
      external: ['electron', 'vite', '@vitejs/*', 'esbuild', 'lightningcss', 'fsevents'],
      outfile: bundles.cli,
    }),
    build({
      ...common,
      entryPoints: [join(laneDir, 'fixtures', 'create-require-at-load.ts')],
      external: ['electron'],
      plugins: [buildMachineImportMeta],
      outfile: bundles.brokenMain,
    }),
  ]);
  return bundles;
}

interface Postject {
  inject(file: string, name: string, data: Buffer, options: { sentinelFuse: string }): Promise<void>;
}

/** Node's single-executable-application fuse (docs: "Single executable applications"). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * The launcher executable: Windows' node.exe with launcher.cjs injected as a single-executable application
 * (the blob made by that node.exe itself, injected with the pure-JS `postject`). Injection takes about half a
 * minute, so the result is cached by the launcher's content and the Node version.
 */
export async function buildLauncherExe(
  node: WindowsNode,
  cacheDir: string,
  launcherBundle: string,
  log: (line: string) => void,
): Promise<string> {
  const launcherSource = readFileSync(launcherBundle);
  const hash = createHash('sha256')
    .update(NODE_WIN_VERSION)
    .update(launcherSource)
    .digest('hex')
    .slice(0, 12);
  const exe = join(cacheDir, `launcher-${hash}.exe`);
  if (existsSync(exe)) return exe;
  log('building the launcher executable (Node SEA + postject, once per launcher version)');
  for (const old of readdirSync(cacheDir).filter((name) => /^launcher-.*\.exe$/.test(name))) {
    rmSync(join(cacheDir, old), { force: true });
  }
  const work = join(cacheDir, 'sea');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  copyFileSync(launcherBundle, join(work, 'launcher.cjs'));
  const blob = join(work, 'launcher.blob');
  writeFileSync(
    join(work, 'sea-config.json'),
    JSON.stringify({
      main: winPath(join(work, 'launcher.cjs')),
      output: winPath(blob),
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
    }),
  );
  const code = await node.run(['--experimental-sea-config', winPath(join(work, 'sea-config.json'))], {
    stdout: join(work, 'sea.out'),
    stderr: join(work, 'sea.err'),
    timeoutMs: 120_000,
  });
  if (code !== 0 || !existsSync(blob)) {
    throw new Error(
      `node.exe could not make the SEA blob (exit ${String(code)}): ${readFileSync(join(work, 'sea.err'), 'utf8')}`,
    );
  }
  const partial = join(work, 'launcher.exe');
  copyFileSync(node.nodeExe, partial);
  const postject = createRequire(import.meta.url)('postject') as Postject;
  await postject.inject(partial, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
  renameSync(partial, exe);
  rmSync(work, { recursive: true, force: true });
  return exe;
}
