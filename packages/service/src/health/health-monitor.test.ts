import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventNotification } from '../notify/notification-decisions';
import { quietCollector } from '../verify/verifier';
import { createHealthMonitor } from './health-monitor';
import { removeTempFolder } from '../testing/temp-folder';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => removeTempFolder(dir)));

function monitorOf(scenario: string, latency?: { ms: number; ok: boolean }) {
  const stateDir = mkdtempSync(join(tmpdir(), `headroom-health-${scenario}-`));
  dirs.push(stateDir);
  const windows = createSimulatedWindows({ scenario, stateDir });
  const monitor = createHealthMonitor({
    collect: quietCollector({
      env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.01' },
      host: windows.host,
      wslconfigPath: windows.wslconfigPath,
    }),
    latency: () => latency,
    clock: () => new Date('2026-11-21T12:00:00Z'),
  });
  return { monitor, windows };
}

describe('createHealthMonitor over the simulator', () => {
  it.each([
    ['healthy', 'green', 'OK'],
    ['config-not-applied', 'amber', 'Waiting for a WSL restart: WSL is still running with its old settings'],
    ['wsl-stopped', 'grey', 'WSL stopped (normal)'],
    ['passthrough-hang', 'red', 'nvidia-smi hangs inside WSL'],
  ])('judges %s %s: "%s…"', async (scenario, health, summary) => {
    const { monitor } = monitorOf(scenario);
    const snapshot = await monitor.check();
    expect(snapshot).toMatchObject({ health, checkedAt: '2026-11-21T12:00:00.000Z' });
    expect(snapshot.summary.startsWith(summary), snapshot.summary).toBe(true);
  });

  it('leaves a stopped default distro stopped while docker-desktop runs', async () => {
    const { monitor, windows } = monitorOf('docker-running-default-stopped');
    await monitor.check();
    await monitor.check();
    expect(windows.readState().distros.find((distro) => distro.name === 'Ubuntu-24.04')?.running).toBe(false);
    expect(windows.invocations().filter((call) => call.program === 'wsl' && call.argv[0] === '-d')).toEqual(
      [],
    );
  });

  it('reads the Windows events that matter into a timeline, newest first (windows-update-broke-gpu)', async () => {
    const { monitor } = monitorOf('windows-update-broke-gpu');
    const snapshot = await monitor.check();
    expect(snapshot.health).toBe('red');
    const titles = monitor.timeline().map((entry) => entry.title);
    expect(titles).toContain('Windows Update KB5046617 installed');
    expect(titles.some((title) => title.startsWith('Windows restarted'))).toBe(true);
    expect(titles.join(' ')).not.toMatch(/Defender|Security Intelligence/);
  });

  it('counts only NVIDIA display drivers as a changed GPU setup (nvidia-audio-driver-update)', async () => {
    const { monitor } = monitorOf('nvidia-audio-driver-update');
    await monitor.check();
    const timeline = monitor.timeline();
    expect(timeline.map((entry) => entry.title).join(' ')).not.toMatch(/Display driver|Realtek/);
    expect(timeline.filter((entry) => entry.kind === 'driver-change')).toEqual([]);
    expect(
      timeline
        .flatMap(eventNotification)
        .map((request) => request.body)
        .join(' '),
    ).not.toContain('WSL GPU setup may have changed');
  });

  it('says what changed since the last verified setup', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'headroom-health-baseline-'));
    dirs.push(stateDir);
    const windows = createSimulatedWindows({ scenario: 'healthy', stateDir });
    const monitor = createHealthMonitor({
      collect: quietCollector({ env: windows.env, host: windows.host, wslconfigPath: windows.wslconfigPath }),
      baseline: () =>
        Promise.resolve({
          configHash: 'x',
          hostDriver: '552.12',
          wslVersion: '2.3.26.0',
          kernel: null,
          gpu: 'NVIDIA GeForce RTX 4090',
          verifiedAt: '2026-11-01T12:00:00.000Z',
        }),
    });
    expect((await monitor.check()).changes).toEqual(['driver 552.12 → 566.36']);
  });

  it('never starts a stopped WSL to judge it', async () => {
    const { monitor, windows } = monitorOf('wsl-stopped');
    await monitor.check();
    expect(windows.readState().vm).toBeNull();
    expect(windows.invocations().filter((call) => call.program === 'wsl').length).toBeLessThanOrEqual(4);
  });

  it('settles once the check under way has ended, and starts none of its own', async () => {
    const { monitor, windows } = monitorOf('healthy');
    await monitor.settled();
    expect(windows.invocations()).toEqual([]);
    let checked = false;
    const check = monitor.check().then(() => (checked = true));
    await monitor.settled();
    expect(checked).toBe(true);
    const calls = windows.invocations().length;
    await monitor.settled();
    expect(windows.invocations()).toHaveLength(calls);
    await check;
  });

  it('turns amber on a slow passthrough, and tells listeners only when the light changes', async () => {
    const { monitor } = monitorOf('healthy', { ms: 1_300, ok: true });
    const changes = vi.fn();
    monitor.onChange(changes);
    expect(await monitor.check()).toMatchObject({ health: 'amber', summary: 'GPU passthrough slow, 1.3 s' });
    await monitor.check();
    expect(changes).toHaveBeenCalledOnce();
  });
});
