import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowSimulatedBackend, createBackend } from './backend';
import { simulatedBackend } from './simulated-backend';

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

  it('off Windows refuses to start unless the development entry allowed the simulator', async () => {
    vi.resetModules();
    const fresh = await import('./backend');
    expect(() => fresh.createBackend({ platform: 'linux', userDataDir, env: {} })).toThrow(
      /runs on Windows only \(this is linux\)/,
    );
    expect(existsSync(join(userDataDir, 'simulator'))).toBe(false);
  });

  it('elsewhere, in the development build, runs the simulated wsl.exe from userData, healthy by default', async () => {
    allowSimulatedBackend(simulatedBackend);
    const backend = createBackend({ platform: 'linux', userDataDir, env: {} });
    expect(backend).toMatchObject({ simulated: true, scenario: 'healthy' });
    expect(existsSync(join(userDataDir, 'simulator'))).toBe(true);
    await expect(backend.wsl.listDistros()).resolves.toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Running', version: 2 },
    ]);
  });

  it('takes the scenario from HEADROOM_SCENARIO, and an explicit one first', () => {
    allowSimulatedBackend(simulatedBackend);
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
