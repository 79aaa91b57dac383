import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

/** A temporary folder a CLI test runs in: Headroom's data goes to `<dir>/data`, the simulator runs fast. */
export interface CliSandbox {
  readonly dir: string;
  /** Remove the folder and restore the environment. */
  dispose(): void;
}

/** Point HEADROOM_DATA_DIR at a fresh folder and speed the simulator up, for one test or one file. */
export function openCliSandbox(name: string): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), `headroom-cli-${name}-`));
  vi.stubEnv('HEADROOM_DATA_DIR', join(dir, 'data'));
  vi.stubEnv('HEADROOM_SIM_TIME_SCALE', '0.01');
  return {
    dir,
    dispose() {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Give every test of a file a sandbox: one for the whole file (`all`), or a fresh one for each test (`each`).
 * Read `dir` inside a test, once the sandbox is open.
 */
export function useCliSandbox(name: string, scope: 'all' | 'each' = 'all'): { readonly dir: string } {
  let sandbox: CliSandbox | undefined;
  const open = (): void => {
    sandbox = openCliSandbox(name);
  };
  const dispose = (): void => sandbox?.dispose();
  if (scope === 'all') {
    beforeAll(open);
    afterAll(dispose);
  } else {
    beforeEach(open);
    afterEach(dispose);
  }
  return {
    get dir(): string {
      if (sandbox === undefined) throw new Error('the CLI sandbox is opened before each test');
      return sandbox.dir;
    },
  };
}
