import { readFileSync } from 'node:fs';

/**
 * Headroom's version, read from apps/cli/package.json when run from source. The compiled CLI replaces this module
 * at build time with one that returns the version inlined (apps/desktop/scripts/bundle.ts), so nothing reads
 * package.json (or needs `import.meta`) at run time.
 */
export function headroomVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
