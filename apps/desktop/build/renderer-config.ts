import { join } from 'node:path';
import { RENDERER_CSP } from '@headroom/contract';
import type { InlineConfig, Plugin, PluginOption } from 'vite';

/** Put the contract's CSP into the built index.html, so Electron and the demo enforce the same policy. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'headroom-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The renderer's Vite configuration, given inline rather than as a vite.config.ts: Vite loads config files with
 * plain Node, which cannot import the workspaces' TypeScript sources.
 */
export function rendererViteConfig(
  desktopDir: string,
  react: () => PluginOption,
  outDir = join(desktopDir, 'dist/renderer'),
): InlineConfig {
  return {
    configFile: false,
    mode: 'production',
    root: join(desktopDir, 'src/renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
      // The window loads from disk (app://) or from localhost, never over a network; the charts put it past 500 kB.
      chunkSizeWarningLimit: 1_200,
    },
  };
}
