import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The node-llama-cpp the table was measured with; its prebuilt CPU build for Linux x64 comes as its own package. */
export const NODE_LLAMA_CPP_VERSION = '3.22.1';

/**
 * Install node-llama-cpp and only its Linux x64 CPU build into `node_modules/.cache/sizing-measure` the first time
 * the measurement runs, and return the package's folder. It is not a devDependency on purpose: with its optional CUDA
 * and Vulkan builds it would add about 700 MB to every `npm ci`, for a tool that is run by hand. Install scripts are
 * not run (its postinstall would try to download or build llama.cpp; the prebuilt package is all it needs).
 */
export function ensureNodeLlamaCpp(root: string): string {
  const prefix = join(root, 'node_modules', '.cache', 'sizing-measure');
  const packageDir = join(prefix, 'node_modules', 'node-llama-cpp');
  const installed = (): string | undefined => {
    try {
      return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string })
        .version;
    } catch {
      return undefined;
    }
  };
  if (installed() === NODE_LLAMA_CPP_VERSION && existsSync(join(prefix, 'node_modules', '@node-llama-cpp')))
    return packageDir;
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  process.stderr.write(
    `Installing node-llama-cpp ${NODE_LLAMA_CPP_VERSION} (CPU build only) into ${prefix}…\n`,
  );
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--omit=optional',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `node-llama-cpp@${NODE_LLAMA_CPP_VERSION}`,
      `@node-llama-cpp/linux-x64@${NODE_LLAMA_CPP_VERSION}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return packageDir;
}
