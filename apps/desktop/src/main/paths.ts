import { join } from 'node:path';

/** Where the built pieces of the app sit, relative to each other in apps/desktop/dist. */
export interface DesktopPaths {
  /** The Vite build of the renderer (dist/renderer), served over `app://headroom/`. */
  readonly rendererDir: string;
  /** The bundled preload script (dist/preload/preload.cjs). */
  readonly preloadPath: string;
}

/**
 * Find the renderer and the preload from the main bundle's folder (dist/main). Takes the folder as an argument
 * because the bundle's `__dirname` only exists in the CommonJS build, not under the ESM tests.
 */
export function desktopPaths(mainDir: string): DesktopPaths {
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'preload.cjs'),
  };
}
