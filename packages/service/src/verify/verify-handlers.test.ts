import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyProgress } from '@headroom/contract';
import { createSimulatedWindows, readInvocations } from '@headroom/simulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerifier } from './verifier';
import { createVerifyHandlers } from './verify-handlers';
import { createWslTurns } from '../wsl-turns';
import { removeTempFolder } from '../testing/temp-folder';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => removeTempFolder(dir)));

function setup(scenario: string, turns = createWslTurns()) {
  const stateDir = mkdtempSync(join(tmpdir(), `headroom-verify-handlers-${scenario}-`));
  dirs.push(stateDir);
  const windows = createSimulatedWindows({ scenario, stateDir });
  const progress: VerifyProgress[] = [];
  const handlers = createVerifyHandlers(
    createVerifier({
      env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.01' },
      host: windows.host,
      wslconfigPath: windows.wslconfigPath,
      historyDir: join(stateDir, 'history'),
      baselineFile: join(stateDir, 'baselines.json'),
    }),
    (step) => progress.push(step),
    turns,
  );
  return { windows, handlers, progress, stateDir };
}

describe('the verify channels', () => {
  it('write [wsl2] memory, tell each step as it starts, and save the baseline of a pass', async () => {
    const { windows, handlers, progress, stateDir } = setup('invalid-memory-value');
    const result = await handlers.run({ edits: [{ key: 'memory', value: '16GB' }], stopRunning: true });
    expect(result.ok).toBe(true);
    expect(result.ignoredLines).toEqual([]);
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toBe('[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\n');
    expect(progress.map((step) => step.phase)).toEqual(
      expect.arrayContaining(['applying', 'shutting-down', 'waiting-for-stop', 'booting', 'done']),
    );
    expect(progress.find((step) => step.phase === 'shutting-down')?.message).toContain('wsl --shutdown');
    expect(result.baselineSaved).toBe(true);
    expect(JSON.parse(readFileSync(join(stateDir, 'baselines.json'), 'utf8'))).toMatchObject({
      baselines: [{ hostDriver: '566.36' }],
    });
  }, 60_000);

  it('end at once when cancelled while waiting for setup’s checks, having written and stopped nothing', async () => {
    const turns = createWslTurns();
    let endChecks: () => void = () => undefined;
    const checks = turns.take('setup’s checks', () => new Promise<void>((resolve) => (endChecks = resolve)));
    const { windows, handlers, progress } = setup('memory-ceiling', turns);
    const before = readFileSync(windows.wslconfigPath);
    const running = handlers.run({ edits: [{ key: 'memory', value: '24GB' }], stopRunning: true });
    await vi.waitFor(() =>
      expect(progress.map((step) => step.message)).toContain('Waiting for setup’s checks to end…'),
    );
    await expect(handlers.cancel()).resolves.toEqual({ cancelled: true });
    // The checks still run: the cancelled verification does not wait for them to end.
    const result = await running;
    expect(result).toMatchObject({ ok: false, phase: 'cancelled' });
    expect(readFileSync(windows.wslconfigPath)).toEqual(before);
    endChecks();
    await checks;
    // The simulator's log of every program run: no wsl.exe at all, so nothing was stopped.
    expect(readInvocations(windows.stateDir).filter((call) => call.program === 'wsl')).toEqual([]);
  }, 60_000);

  it('name the ignored line, with its text, when WSL drops it', async () => {
    const { handlers } = setup('invalid-memory-value');
    const result = await handlers.run({ edits: [], stopRunning: true });
    expect(result.ok).toBe(false);
    expect(result.ignoredLines).toEqual([
      expect.objectContaining({ line: 2, text: 'memory=16gb' }) as unknown,
    ]);
    expect(result.baselineSaved).toBe(false);
  }, 60_000);

  it('stop nothing when the user did not agree to stop the running distros, keeping the edit for next time', async () => {
    const { windows, handlers } = setup('memory-ceiling');
    const result = await handlers.run({ edits: [{ key: 'memory', value: '24GB' }], stopRunning: false });
    expect(result.ok).toBe(false);
    expect(result.phase).toBe('cancelled');
    expect(result.reason).toContain('Nothing was stopped');
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toContain('memory=24GB');
  }, 60_000);

  it('put the file back as it was when cancelled after the edits were written', async () => {
    const { windows, handlers, progress } = setup('memory-ceiling');
    const before = readFileSync(windows.wslconfigPath, 'latin1');
    const run = handlers.run({ edits: [{ key: 'memory', value: '24GB' }], stopRunning: true });
    await vi.waitFor(() => expect(progress.map((step) => step.phase)).toContain('listing'));
    await handlers.cancel();
    const result = await run;
    expect(result.phase).toBe('cancelled');
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toBe(before);
  }, 60_000);

  it('roll the edits back after a verification that failed, once', async () => {
    const { windows, handlers } = setup('driver-mismatch');
    const before = readFileSync(windows.wslconfigPath, 'latin1');
    const result = await handlers.run({ edits: [{ key: 'memory', value: '24GB' }], stopRunning: true });
    expect(result.ok).toBe(false);
    expect(result.checks.find((check) => check.id === 'driver-match')?.ok).toBe(false);
    expect(result.canRollBack).toBe(true);
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toContain('memory=24GB');
    await expect(handlers.rollBack()).resolves.toEqual({ restored: true });
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toBe(before);
    await expect(handlers.rollBack()).resolves.toEqual({ restored: false });
  }, 60_000);

  it('still roll a failed verification back after a later one was cancelled before its turn came', async () => {
    const turns = createWslTurns();
    const { windows, handlers, progress } = setup('driver-mismatch', turns);
    const before = readFileSync(windows.wslconfigPath, 'latin1');
    const failed = await handlers.run({ edits: [{ key: 'memory', value: '24GB' }], stopRunning: true });
    expect(failed.canRollBack).toBe(true);
    let endChecks: () => void = () => undefined;
    const checks = turns.take('setup’s checks', () => new Promise<void>((resolve) => (endChecks = resolve)));
    const waiting = handlers.run({ edits: [], stopRunning: true });
    await vi.waitFor(() =>
      expect(progress.map((step) => step.message)).toContain('Waiting for setup’s checks to end…'),
    );
    await handlers.cancel();
    expect(await waiting).toMatchObject({ phase: 'cancelled', canRollBack: true });
    endChecks();
    await checks;
    await expect(handlers.rollBack()).resolves.toEqual({ restored: true });
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toBe(before);
  }, 60_000);

  it('run one verification at a time, and say so when they are not available', async () => {
    const { handlers } = setup('healthy');
    const first = handlers.run({ edits: [], stopRunning: true });
    await expect(handlers.run({ edits: [], stopRunning: true })).rejects.toMatchObject({ code: 'busy' });
    await first;
    const none = createVerifyHandlers(undefined, () => undefined);
    await expect(none.run({ edits: [], stopRunning: true })).rejects.toMatchObject({ code: 'unavailable' });
  }, 60_000);
});
