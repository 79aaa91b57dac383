import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Electron's executable, or why there is none. */
export type ElectronBinary = { readonly path: string } | { readonly reason: string };

/**
 * Find Electron's executable inside its npm package without importing the package: `require('electron')` starts
 * a download from outside the npm registry when the binary is missing. The package records the executable's
 * path, relative to its dist folder, in path.txt once the binary is in place.
 */
export function findElectronBinary(
  electronPackageDir: string | undefined = locateElectronPackage(),
): ElectronBinary {
  if (electronPackageDir === undefined)
    return { reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = join(electronPackageDir, 'path.txt');
  const missing = {
    reason:
      "Electron's binary is not installed: npm installs only its wrapper and the binary comes from outside the npm registry",
  };
  if (!existsSync(pathFile)) return missing;
  const executable = join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? { path: executable } : missing;
}

function locateElectronPackage(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}
