import { relative, sep } from 'node:path';
import type { Metafile } from 'esbuild';

/** One file of a built bundle: where it would be written and its text. */
export interface BundleFile {
  readonly path: string;
  readonly text: string;
}

/** What a scan looks at: the files a build wrote, the modules it took in, and the repository it was built from. */
export interface BundleScanInput {
  readonly files: readonly BundleFile[];
  /** esbuild's metafile, for the modules bundled and the ones left to `require` at run time. */
  readonly metafile?: Metafile | undefined;
  /** The repository's absolute path, which a shipped file must not name. */
  readonly repoDir: string;
}

/** Packages that exist only on the build machine: a production bundle that requires one fails on a user's PC. */
const BUILD_ONLY_PACKAGES = ['esbuild', 'tsx', 'vite', 'typescript', 'vitest'];

/** A `require("esbuild")`, `requireHere("tsx/...")` or `import("vite")` left in a bundle's text. */
const BUILD_ONLY_CALL = new RegExp(
  `(?:require\\w*|import)\\(\\s*["'](${BUILD_ONLY_PACKAGES.join('|')})(?:/[^"']*)?["']\\s*\\)`,
);

/**
 * Why a bundle is not fit to ship, one line per problem (none when it is): a `file://` URL (Windows' Node rejects
 * one without a drive letter, which is how the first production build died before `whenReady`), the build
 * machine's path, a module of packages/simulator, or a build-only package required at run time.
 */
export function scanBundle(input: BundleScanInput): string[] {
  const problems: string[] = [];
  const repoForms = [input.repoDir, input.repoDir.split(sep).join('/'), encodeURI(input.repoDir)];
  for (const file of input.files) {
    const name = relative(input.repoDir, file.path) || file.path;
    const url = /file:\/\/[^\s"'`)]*/.exec(file.text);
    if (url) problems.push(`${name} holds a file:// URL: ${url[0]}`);
    const loaded = BUILD_ONLY_CALL.exec(file.text);
    if (loaded) problems.push(`${name} loads the build-only package ${loaded[1] ?? ''} at run time`);
    if (repoForms.some((form) => file.text.includes(form)))
      problems.push(`${name} names the build machine's path ${input.repoDir}`);
  }
  if (input.metafile) {
    for (const path of Object.keys(input.metafile.inputs)) {
      if (/(^|\/)packages\/simulator\//.test(path)) problems.push(`bundles a simulator module: ${path}`);
    }
    for (const output of Object.values(input.metafile.outputs)) {
      for (const imported of output.imports) {
        const name = imported.path.startsWith('@')
          ? imported.path.split('/').slice(0, 2).join('/')
          : imported.path.split('/')[0];
        if (imported.external && name !== undefined && BUILD_ONLY_PACKAGES.includes(name))
          problems.push(`requires the build-only package ${imported.path} at run time`);
      }
    }
  }
  return [...new Set(problems)];
}
