import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectCapture, createWslCli, createWslConfigStore, type WslCli } from '@headroom/host';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { runVerify, type VerifyDeps } from './verify-runner';
import { removeTempFolder } from '../testing/temp-folder';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => removeTempFolder(dir)));

function setup(
  scenario: string,
  wsl?: (real: WslCli) => WslCli,
): { windows: SimulatedWindows; deps: VerifyDeps } {
  const stateDir = mkdtempSync(join(tmpdir(), `headroom-verify-${scenario}-`));
  dirs.push(stateDir);
  const windows = createSimulatedWindows({ scenario, stateDir });
  const env = { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.01' };
  const real = createWslCli({ env });
  return {
    windows,
    deps: {
      wsl: wsl ? wsl(real) : real,
      store: createWslConfigStore({ path: windows.wslconfigPath, historyDir: join(stateDir, 'history') }),
      host: windows.host,
      collectBooted: () =>
        collectCapture({ env, host: windows.host, wslconfigPath: windows.wslconfigPath, bootVm: true }),
      confirm: () => Promise.resolve(true),
    },
  };
}

const GiB = 2 ** 30;

describe('runVerify against the simulated Windows', () => {
  it('proves a change applied after a full shutdown (config-not-applied)', async () => {
    const { deps } = setup('config-not-applied');
    const outcome = await runVerify(deps, { assumeYes: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.state.phase).toBe('done');
    expect(outcome.checks.find((check) => check.id === 'memory')).toMatchObject({
      ok: true,
      expected: '48.0 GiB',
      observed: '46.8 GiB',
    });
    expect(outcome.baseline).toMatchObject({
      hostDriver: '566.36',
      wslVersion: '2.3.26.0',
      kernel: '5.15.167.4-microsoft-standard-WSL2',
    });
  });

  it('writes the edits with a backup first, then verifies them', async () => {
    const { deps, windows } = setup('healthy');
    const before = readFileSync(windows.wslconfigPath, 'utf8');
    const outcome = await runVerify(deps, {
      edits: [{ key: 'wsl2.memory', value: '16GB' }],
      assumeYes: true,
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.checks.find((check) => check.id === 'memory')?.expected).toBe('16.0 GiB');
    expect(readFileSync(windows.wslconfigPath, 'utf8')).toBe(before.replace('memory=48GB', 'memory=16GB'));
    expect(new TextDecoder().decode(outcome.previous?.bytes)).toBe(before);
    expect((await deps.store.history()).map((entry) => entry.reason)).toEqual([
      'verify: set wsl2.memory=16GB',
      'before: verify: set wsl2.memory=16GB',
    ]);
  });

  it('fails naming the line WSL ignored (invalid-memory-value)', async () => {
    const { deps } = setup('invalid-memory-value');
    const outcome = await runVerify(deps, { assumeYes: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.checks.find((check) => check.id === 'config-warnings')).toMatchObject({
      ok: false,
      observed: expect.stringContaining('.wslconfig:2') as unknown,
    });
    expect(outcome.baseline).toBeNull();
  });

  it('stops nothing and leaves the file intact when the user says no', async () => {
    const { deps, windows } = setup('healthy');
    const before = readFileSync(windows.wslconfigPath);
    const outcome = await runVerify(
      { ...deps, confirm: () => Promise.resolve(false) },
      { edits: [{ key: 'wsl2.memory', value: '16GB' }] },
    );
    expect(outcome.state.phase).toBe('cancelled');
    expect(windows.readState().vm).not.toBeNull();
    expect(outcome.previous?.bytes).toEqual(new Uint8Array(before));
  });

  it('can be cancelled in the middle, leaving the old file intact when it is cancelled before the write', async () => {
    const { deps, windows } = setup('healthy');
    writeFileSync(windows.wslconfigPath, '[wsl2]\nmemory=48GB\n');
    const controller = new AbortController();
    const outcome = await runVerify(
      {
        ...deps,
        confirm: () => {
          controller.abort();
          return Promise.resolve(true);
        },
      },
      { signal: controller.signal },
    );
    expect(outcome.state.phase).toBe('cancelled');
    expect(readFileSync(windows.wslconfigPath, 'utf8')).toBe('[wsl2]\nmemory=48GB\n');
  });

  it('ends in a clear timeout when something keeps restarting the VM', async () => {
    let clock = 0;
    const { deps } = setup('healthy', (real) => ({
      ...real,
      listRunning: () => Promise.resolve(['docker-desktop']),
    }));
    const outcome = await runVerify(
      {
        ...deps,
        now: () => clock,
        sleep: (ms) => {
          clock += ms;
          return Promise.resolve();
        },
      },
      { assumeYes: true, stopTimeoutMs: 30_000 },
    );
    expect(outcome.state.phase).toBe('timed-out');
    expect(outcome.state.reason).toMatch(/docker-desktop still ran 3\d s after wsl --shutdown/);
    expect(outcome.ok).toBe(false);
  });
});

describe('the VM the verify loop booted', () => {
  it('has the memory the edit asked for, a little below it as the kernel keeps some', async () => {
    const { deps } = setup('healthy');
    const outcome = await runVerify(deps, {
      edits: [{ key: 'wsl2.memory', value: '24GB' }],
      assumeYes: true,
    });
    const memory = outcome.checks.find((check) => check.id === 'memory');
    expect(Number.parseFloat(memory?.observed ?? '0')).toBeGreaterThan(24 * 0.9);
    expect(Number.parseFloat(memory?.observed ?? '0')).toBeLessThan(24);
    expect(GiB).toBeGreaterThan(0);
  });
});
