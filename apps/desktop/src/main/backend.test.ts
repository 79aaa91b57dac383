import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWslCli } from '@headroom/host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseMachine } from './backend';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'headroom-backend-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('chooseMachine', () => {
  it('uses this Windows on Windows and builds no simulator', () => {
    const machine = chooseMachine({ platform: 'win32', dataDir, env: { HEADROOM_SCENARIO: 'healthy' } });
    expect(machine.simulated).toBe(false);
    expect(machine.scenario).toBeUndefined();
    expect(existsSync(join(dataDir, 'simulator'))).toBe(false);
  });

  it('elsewhere runs the simulated wsl.exe from the data folder, healthy by default', async () => {
    const machine = chooseMachine({ platform: 'linux', dataDir, env: {} });
    expect(machine).toMatchObject({ simulated: true, scenario: 'healthy' });
    expect(existsSync(join(dataDir, 'simulator'))).toBe(true);
    await expect(createWslCli({ env: machine.env ?? {} }).listDistros()).resolves.toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Running', version: 2 },
    ]);
  });

  it('takes the scenario from HEADROOM_SCENARIO, and an explicit one first', () => {
    expect(() => chooseMachine({ platform: 'darwin', dataDir, env: { HEADROOM_SCENARIO: 'nope' } })).toThrow(
      /no scenario named "nope"/,
    );
    expect(
      chooseMachine({ platform: 'darwin', dataDir, scenario: 'healthy', env: { HEADROOM_SCENARIO: 'nope' } }),
    ).toMatchObject({ simulated: true, scenario: 'healthy' });
  });
});
