import { buildRenderer } from '../index';
import { bundleCli, bundleMain, bundlePreload } from './bundle';
import { writeAppIcon } from './icon-file';

/** `npm run build`: the renderer with Vite, the main process and the preload with esbuild, and the app icon. */
await buildRenderer();
await Promise.all([bundleMain(), bundlePreload(), bundleCli(), writeAppIcon()]);
console.log(
  'Built apps/desktop/dist: renderer/, main/index.cjs, preload/preload.cjs; build-resources/icon.ico; apps/cli/dist/headroom.cjs',
);
