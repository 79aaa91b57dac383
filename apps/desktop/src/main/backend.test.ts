import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from './backend';

let userDataDir: string;

beforeEach(() => {
  userDataDir = mkdtempSync(join(tmpdir(), 'headroom-backend-'));
});
afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

describe('createBackend', () => {
  it('uses the real wsl.exe on Windows and builds no simulator', () => {
    const backend = createBackend({ platform: 'win32', userDataDir, env: { HEADROOM_SCENARIO: 'healthy' } });
    expect(backend.simulated).toBe(false);
    expect(backend.scenario).toBeUndefined();
    expect(existsSync(join(userDataDir, 'simulator'))).toBe(false);
  });

  it('elsewhere runs the simulated wsl.exe from userData, healthy by default', async () => {
    const backend = createBackend({ platform: 'linux', userDataDir, env: {} });
    expect(backend).toMatchObject({ simulated: true, scenario: 'healthy' });
    expect(existsSync(join(userDataDir, 'simulator'))).toBe(true);
    await expect(backend.wsl.listDistros()).resolves.toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Running', version: 2 },
    ]);
  });

  it('takes the scenario from HEADROOM_SCENARIO, and an explicit one first', () => {
    expect(() =>
      createBackend({ platform: 'darwin', userDataDir, env: { HEADROOM_SCENARIO: 'nope' } }),
    ).toThrow(/no scenario named "nope"/);
    expect(
      createBackend({
        platform: 'darwin',
        userDataDir,
        scenario: 'healthy',
        env: { HEADROOM_SCENARIO: 'nope' },
      }),
    ).toMatchObject({ simulated: true, scenario: 'healthy' });
  });
});
