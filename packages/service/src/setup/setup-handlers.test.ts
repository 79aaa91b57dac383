import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGguf } from '@headroom/core';
import { createWslConfigStore } from '@headroom/host';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../verify/verifier';
import { createSetupHandlers, type LoginItemPort, type SetupHandlers } from './setup-handlers';
import { removeTempFolder } from '../testing/temp-folder';

const GIB = 2 ** 30;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => removeTempFolder(dir)));

interface Fixture {
  readonly windows: SimulatedWindows;
  readonly setup: SetupHandlers;
  readonly stateDir: string;
  readonly reopen: (loginItem?: LoginItemPort) => SetupHandlers;
}

function fixture(scenario: string, loginItem?: LoginItemPort): Fixture {
  const stateDir = mkdtempSync(join(tmpdir(), `headroom-setup-${scenario}-`));
  dirs.push(stateDir);
  const windows = createSimulatedWindows({ scenario, stateDir });
  const open = (port?: LoginItemPort): SetupHandlers =>
    createSetupHandlers({
      verifier: createVerifier({
        env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.01' },
        host: windows.host,
        wslconfigPath: windows.wslconfigPath,
        historyDir: join(stateDir, 'history'),
        baselineFile: join(stateDir, 'baselines.json'),
      }),
      stateFile: join(stateDir, 'setup.json'),
      wslconfigPath: windows.wslconfigPath,
      ...(port ? { loginItem: port } : {}),
    });
  return { windows, setup: open(loginItem), stateDir, reopen: open };
}

const gate = (result: Awaited<ReturnType<SetupHandlers['check']>>, id: string) =>
  result.checks.find((check) => check.id === id);

describe('setup.check', () => {
  it('passes every gate on a healthy machine, with what each one saw', async () => {
    const { setup } = fixture('healthy');
    const result = await setup.check();
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ['wsl', 'pass'],
      ['distro', 'pass'],
      ['host-gpu', 'pass'],
      ['wsl-gpu', 'pass'],
    ]);
    expect(result.ready).toBe(true);
    expect(gate(result, 'wsl')?.summary).toBe('WSL 2.3.26.0, kernel 5.15.167.4-1.');
    expect(gate(result, 'distro')?.summary).toBe('Ubuntu-24.04 (default) on WSL 2.');
    expect(gate(result, 'host-gpu')?.summary).toBe('NVIDIA GeForce RTX 4090, 24 GiB of VRAM.');
    expect(gate(result, 'wsl-gpu')?.summary).toMatch(
      /^nvidia-smi inside WSL answered in \d+\.\d s and sees NVIDIA GeForce RTX 4090\.$/,
    );
    expect(result.current).toEqual({ memory: '48GB', processors: '12', swap: '8GB' });
    expect(result.distro).toBe('Ubuntu-24.04');
    expect(result.machine).toMatchObject({ memoryBytes: 64 * GIB, logicalProcessors: 16 });
    expect(result.machine.gpus[0]).toMatchObject({ vramTotalMiB: 24564, vramFreeMiB: 24564 - 1186 });
  });

  it('reads the memory the running VM has before a change: the old one when .wslconfig was not applied', async () => {
    const { setup } = fixture('config-not-applied');
    const result = await setup.check();
    expect(result.wslMemTotalBytes).toBeGreaterThan(7 * GIB);
    expect(result.wslMemTotalBytes).toBeLessThan(8 * GIB);
    expect(result.current.memory).toBe('48GB');
    expect(result.otherFindings.map((finding) => finding.id)).toContain('wslconfig-not-applied');
  });

  it.each([
    ['no-wsl', 'wsl', false],
    ['wsl1-distro', 'distro', false],
    ['no-gpu', 'host-gpu', true],
    ['passthrough-hang', 'wsl-gpu', true],
  ])('on %s fails the %s gate (GPU only: %s)', async (scenario, failing, gpuOnly) => {
    const { setup } = fixture(scenario);
    const result = await setup.check();
    expect(gate(result, failing)?.status).toBe('fail');
    expect(gate(result, failing)?.findings.length).toBeGreaterThan(0);
    expect(result.ready).toBe(false);
    expect(result.gpuOnly).toBe(gpuOnly);
  });
});

describe('setup.fix', () => {
  it('runs a .wslconfig fix from the last check, keeping a backup, and refuses one that is not current', async () => {
    const { setup, windows, stateDir } = fixture('invalid-memory-value');
    const result = await setup.check();
    const ignored = result.otherFindings.find((finding) => finding.id === 'wslconfig-ignored-lines');
    expect(ignored?.fix.runnable).toBe(true);
    const { message } = await setup.fix('wslconfig-ignored-lines');
    expect(message).toMatch(/backup/);
    expect(readFileSync(windows.wslconfigPath, 'utf8')).toBe('[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\n');
    const store = createWslConfigStore({
      path: windows.wslconfigPath,
      historyDir: join(stateDir, 'history'),
    });
    const backup = (await store.history()).find((entry) => entry.reason.startsWith('before: setup'));
    expect(new TextDecoder().decode(await store.readVersion(backup?.id ?? ''))).toContain('memory=16gb');
    await expect(setup.fix('wslconfig-ignored-lines')).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('says when a fix is steps for the user, not something Headroom runs', async () => {
    const { setup } = fixture('wsl1-distro');
    const result = await setup.check();
    const finding = gate(result, 'distro')?.findings[0];
    expect(finding?.fix.runnable).toBe(false);
    expect(finding?.fix.steps).toContain('wsl --set-default-version 2');
    await expect(setup.fix(finding?.id ?? '')).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('setup.plan and setup.preview', () => {
  const llama8b = {
    model: { kind: 'preset', id: 'llama-3.1-8b', quant: 'Q4_K_M' },
    ctx: 8192,
    kvType: 'f16',
  } as const;

  it('proposes nothing on a healthy machine whose file already fits the goal', async () => {
    const { setup } = fixture('healthy');
    await setup.saveState({ step: 2, completed: false, check: await setup.check() });
    const plan = await setup.plan(llama8b);
    expect(plan.model).toBe('Llama 3.1 8B Instruct Q4_K_M');
    expect(plan.fits).toBe(true);
    expect(plan.changes).toEqual([]);
    expect(plan.sizing.find((line) => line.label === 'Layers on the GPU')?.value).toBe('32 of 32');
    expect(plan.values).toEqual({ memoryGB: 48, processors: 12, swapGB: 8 });
    expect(plan.bounds.memory.max).toBe(64);
  });

  it('writes back the memory line WSL ignores, and the preview shows the diff and no ignored line after', async () => {
    const { setup, windows } = fixture('invalid-memory-value');
    const plan = await setup.plan(llama8b);
    expect(plan.changes.map((change) => [change.key, change.value])).toEqual([['memory', '16GB']]);
    expect(plan.changes[0]?.why).toMatch(/ignores line 2/);
    const preview = await setup.preview([{ key: 'memory', value: '16GB' }]);
    expect(preview.diff.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'memory=16gb', oldLine: 2 },
      { kind: 'added', text: 'memory=16GB', newLine: 2 },
    ]);
    expect(preview.problems.filter((problem) => problem.ignoredByWsl)).toEqual([]);
    expect(preview.vm.memoryBytes).toBe(16 * GIB);
    expect(readFileSync(windows.wslconfigPath, 'utf8')).toContain('memory=16gb');
  });

  it('small-host: never proposes memory beyond WSL’s default on 8 GB, and offers what fits when the goal does not', async () => {
    const { setup } = fixture('small-host');
    await setup.saveState({ step: 2, completed: false, check: await setup.check() });
    const fits = await setup.plan(llama8b);
    expect(fits.changes.filter((change) => change.key === 'memory')).toEqual([]);
    expect(fits.values.memoryGB).toBe(4);
    expect(fits.fits).toBe(true);
    expect(fits.sizing.find((line) => line.label === 'Windows keeps')?.why).toContain(
      "Headroom's rule of thumb",
    );

    const tooBig = await setup.plan({ ...llama8b, ctx: 65536 });
    expect(tooBig.values.memoryGB).toBe(4);
    expect(tooBig.fits).toBe(false);
    expect(tooBig.warnings[0]).toMatch(/more than fits beside Windows: WSL gets 4 GiB of the 8 GiB/);
    expect(tooBig.warnings.find((warning) => warning.startsWith('What fits:'))).toMatch(/-ngl \d+/);
  });

  it('refuses a value WSL would not read, in words', async () => {
    const { setup } = fixture('healthy');
    await expect(setup.preview([{ key: 'memory', value: 'lots' }])).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });

  it('sizes a GGUF file on this PC from its header, and words a missing file', async () => {
    const { setup, stateDir } = fixture('healthy');
    const path = join(stateDir, 'tiny.gguf');
    writeFileSync(
      path,
      writeGguf({
        metadata: [
          { key: 'general.architecture', type: 'string', value: 'llama' },
          { key: 'general.name', type: 'string', value: 'Tiny Llama' },
          { key: 'llama.block_count', type: 'uint32', value: 32 },
          { key: 'llama.context_length', type: 'uint32', value: 131_072 },
          { key: 'llama.embedding_length', type: 'uint32', value: 4096 },
          { key: 'llama.attention.head_count', type: 'uint32', value: 32 },
          { key: 'llama.attention.head_count_kv', type: 'uint32', value: 8 },
        ],
        tensors: [{ name: 'token_embd.weight', dims: [4096, 64], type: 12 }],
        withData: true,
      }),
    );
    const plan = await setup.plan({ model: { kind: 'gguf', path }, ctx: 4096, kvType: 'q8_0' });
    expect(plan.sizing.find((line) => line.label === 'Layers on the GPU')?.value).toMatch(/ of 32$/);
    await expect(
      setup.plan({ model: { kind: 'gguf', path: join(stateDir, 'missing.gguf') }, ctx: 4096, kvType: 'f16' }),
    ).rejects.toThrow(/missing\.gguf: there is no such file\./);
  });
});

describe('setup.state and sign-in', () => {
  it('starts at step 1 and resumes where it was left after a restart', async () => {
    const { setup, reopen } = fixture('healthy');
    expect(await setup.state()).toEqual({ step: 1, completed: false });
    const goal = {
      model: { kind: 'preset', id: 'qwen2.5-7b', quant: 'Q4_K_M' },
      ctx: 16384,
      kvType: 'q8_0',
    } as const;
    await setup.saveState({ step: 3, completed: false, goal });
    expect(await reopen().state()).toEqual({ step: 3, completed: false, goal });
  });

  it('offers sign-in only where it can be set, and sets it', async () => {
    const { setup, reopen } = fixture('healthy');
    expect(await setup.loginItem()).toEqual({ supported: false, enabled: false });
    await expect(setup.setLoginItem(true)).rejects.toMatchObject({ code: 'unavailable' });
    let enabled = false;
    const port: LoginItemPort = {
      get: () => Promise.resolve(enabled),
      set: (value) => {
        enabled = value;
        return Promise.resolve();
      },
    };
    expect(await reopen(port).setLoginItem(true)).toEqual({ supported: true, enabled: true });
    expect(enabled).toBe(true);
  });
});
