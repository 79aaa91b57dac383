import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @headroom/desktop, as other workspaces see it: where the built renderer lives and how to build it. The CLI's
 * demo serves it; the e2e tests build it once. The Electron app itself starts from dist/main/index.cjs.
 */
export const desktopDir = import.meta.dirname;

/** The built renderer (index.html and assets). */
export const rendererDistDir = join(desktopDir, 'dist', 'renderer');

/** Whether the renderer has been built. */
export function isRendererBuilt(): boolean {
  return existsSync(join(rendererDistDir, 'index.html'));
}

/**
 * Build the renderer with Vite into {@link rendererDistDir} (or `outDir`, which tests use to look at a build without
 * replacing the one being served). The build runs with NODE_ENV=production even inside Vitest (which sets it to
 * `test`), so React and its JSX runtime both come in their production builds.
 */
export async function buildRenderer(options: { quiet?: boolean; outDir?: string } = {}): Promise<void> {
  const [{ build }, { default: react }, { rendererViteConfig }] = await Promise.all([
    import('vite'),
    import('@vitejs/plugin-react'),
    import('./build/renderer-config'),
  ]);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...rendererViteConfig(desktopDir, react, options.outDir),
      logLevel: options.quiet ? 'warn' : 'info',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
