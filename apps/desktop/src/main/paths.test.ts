import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths } from './paths';

describe('desktopPaths', () => {
  it('finds the renderer and the preload next to the main bundle in dist', () => {
    const dist = join('/opt', 'Headroom', 'resources', 'app', 'dist');
    expect(desktopPaths(join(dist, 'main'))).toEqual({
      rendererDir: join(dist, 'renderer'),
      preloadPath: join(dist, 'preload', 'preload.cjs'),
    });
  });
});
