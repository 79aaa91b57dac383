import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWslCli } from '@headroom/host';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowSimulatedMachine, chooseMachine } from './backend';
import { simulatedMachineFor } from './simulated-backend';

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

  it('off Windows refuses to start unless the development entry allowed the simulator', async () => {
    vi.resetModules();
    const fresh = await import('./backend');
    expect(() => fresh.chooseMachine({ platform: 'linux', dataDir, env: {} })).toThrow(
      /runs on Windows only \(this is linux\)/,
    );
    expect(existsSync(join(dataDir, 'simulator'))).toBe(false);
  });

  it('elsewhere, in the development build, runs the simulated wsl.exe from the data folder, healthy by default', async () => {
    allowSimulatedMachine(simulatedMachineFor);
    const machine = chooseMachine({ platform: 'linux', dataDir, env: {} });
    expect(machine).toMatchObject({ simulated: true, scenario: 'healthy' });
    expect(existsSync(join(dataDir, 'simulator'))).toBe(true);
    await expect(createWslCli({ env: machine.env ?? {} }).listDistros()).resolves.toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Running', version: 2 },
    ]);
  });

  it('takes the scenario from HEADROOM_SCENARIO, and an explicit one first', () => {
    allowSimulatedMachine(simulatedMachineFor);
    expect(() => chooseMachine({ platform: 'darwin', dataDir, env: { HEADROOM_SCENARIO: 'nope' } })).toThrow(
      /no scenario named "nope"/,
    );
    expect(
      chooseMachine({ platform: 'darwin', dataDir, scenario: 'healthy', env: { HEADROOM_SCENARIO: 'nope' } }),
    ).toMatchObject({ simulated: true, scenario: 'healthy' });
  });
});
