import { buildRenderer } from '../index';
import { bundleMain, bundlePreload } from './bundle';

/** `npm run build`: the renderer with Vite, then the main process and the preload with esbuild. */
await buildRenderer();
await Promise.all([bundleMain(), bundlePreload()]);
console.log('Built apps/desktop/dist: renderer/, main/index.cjs, preload/preload.cjs');
