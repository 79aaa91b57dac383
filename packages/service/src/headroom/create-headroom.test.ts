import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileLog } from '@headroom/host';
import { createSimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHeadroom, type Headroom } from './create-headroom';
import { simulatedMachine } from './machine';
import { otherHeadroomHolding } from '../testing/other-headroom';
import { removeTempFolder } from '../testing/temp-folder';

const dirs: string[] = [];
let headroom: Headroom | undefined;
afterEach(async () => {
  headroom?.stop();
  // The health check a shutdown or a verification starts runs its probes in the folder removed next.
  await headroom?.settled();
  headroom = undefined;
  dirs.splice(0).forEach((dir) => removeTempFolder(dir));
});

/**
 * Headroom over a healthy simulated machine whose health check says when it starts and ends in `events`, and holds
 * its probes until `endCollect()` (then fails: no capture is needed).
 */
async function headroomWithHeldCheck(): Promise<{
  held: Headroom;
  events: string[];
  endCollect: () => void;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
  dirs.push(dataDir);
  const windows = createSimulatedWindows({ scenario: 'healthy', stateDir: join(dataDir, 'simulator') });
  let endCollect: () => void = () => undefined;
  const collecting = new Promise<void>((resolve) => (endCollect = resolve));
  const events: string[] = [];
  const held = await createHeadroom({
    machine: simulatedMachine(windows),
    dataDir,
    collect: async () => {
      events.push('health check probes');
      await collecting;
      events.push('health check done');
      return Promise.reject(new Error('no capture in this test'));
    },
  });
  headroom = held;
  return { held, events, endCollect };
}

describe('createHeadroom', () => {
  it('writes a failed background collect to the log file in the data folder, with what was being done', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'healthy', stateDir: join(dataDir, 'simulator') });
    const log = openFileLog({ path: join(dataDir, 'logs', 'headroom.log') });
    headroom = await createHeadroom({
      machine: simulatedMachine(windows),
      dataDir,
      log,
      collect: () => Promise.reject(new Error('wsl.exe did not answer in 10 s')),
    });
    headroom.start({ healthMs: 20, wslMs: 60_000, wslconfigMs: 60_000 });

    await vi.waitFor(
      async () => {
        await log.flush();
        expect(readFileSync(headroom?.layout.logFile ?? '', 'utf8')).toMatch(
          /WARN {2}running the timed health check: Error: wsl.exe did not answer in 10 s/,
        );
      },
      { timeout: 5_000 },
    );
  });

  it('answers where the data and the log are, and that a browser cannot open folders', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'healthy', stateDir: join(dataDir, 'simulator') });
    headroom = await createHeadroom({ machine: simulatedMachine(windows), dataDir });
    await expect(headroom.router.invoke('app.openLogFolder', undefined)).resolves.toMatchObject({
      ok: true,
      value: {
        opened: false,
        path: join(dataDir, 'logs'),
        message: expect.stringContaining('browser') as unknown,
      },
    });
  });

  it("samples the GPU every 5 s on a laptop off its charger, from the machine's host facts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({
      scenario: 'laptop-on-battery',
      stateDir: join(dataDir, 'simulator'),
    });
    headroom = await createHeadroom({ machine: simulatedMachine(windows), dataDir });
    const service = headroom.service;
    await service.handlers['metrics.watch']({ windowSeconds: 300 });
    await vi.waitFor(
      async () => {
        const snapshot = await service.handlers['metrics.watch']({ windowSeconds: 300 });
        expect(JSON.stringify(snapshot.status)).toMatch(/"intervalMs":5000,"onBattery":true/);
      },
      { timeout: 10_000 },
    );
  }, 30_000);

  it('finds the nearly full drive holding the distro’s disk in the health check, through the host facts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'low-disk', stateDir: join(dataDir, 'simulator') });
    headroom = await createHeadroom({
      machine: simulatedMachine({ ...windows, env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.05' } }),
      dataDir,
    });
    await headroom.health.check();
    const finding = headroom.health.report()?.findings.find((candidate) => candidate.id === 'low-disk-space');
    expect(finding?.explanation).toContain(
      'C: (the disk of Ubuntu-24.04, docker-desktop) has 18 GB free of 476 GB',
    );
  }, 30_000);

  it('leaves WSL stopped when "Shut down WSL" is pressed while setup’s first checks boot it (cold-boot)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    // Starting the VM takes 3 s here: the shutdown's own wsl.exe ends long before the checks' boot does.
    const windows = createSimulatedWindows({ scenario: 'cold-boot', stateDir: join(dataDir, 'simulator') });
    headroom = await createHeadroom({ machine: simulatedMachine(windows), dataDir });
    const { router } = headroom;
    const checks = router.invoke('setup.check', undefined);
    const shutdown = router.invoke('wsl.shutdown', undefined);
    const [checked, stopped] = await Promise.all([checks, shutdown]);
    expect(checked.ok).toBe(true);
    expect(stopped).toMatchObject({ ok: true });
    const listed = await headroom.service.handlers['wsl.list'](undefined);
    const states = listed.distros.map((distro) => `${distro.name} ${distro.state}`);
    expect(states).toEqual(['Ubuntu-24.04 Stopped', 'docker-desktop Stopped']);
  }, 30_000);

  it('shuts WSL down only once a health check under way has ended: its `wsl -d` would start the distro again', async () => {
    const { held, events, endCollect } = await headroomWithHeldCheck();
    const check = held.health.check().catch(() => undefined);
    const shutdown = held.router.invoke('wsl.shutdown', undefined).then(() => events.push('shut down'));
    await vi.waitFor(() => expect(events).toEqual(['health check probes']));
    // Held long enough for a shutdown that did not wait to end first (one fake wsl.exe takes well under a second).
    await Promise.race([shutdown, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    endCollect();
    await Promise.all([check, shutdown]);
    // The check that follows every shutdown may run before the answer arrives; the first check ends before it.
    expect(events.slice(0, 2)).toEqual(['health check probes', 'health check done']);
    expect(events).toContain('shut down');
  }, 20_000);

  it('settles only once the health check that follows a shutdown has ended, so its folder can go', async () => {
    const { held, events, endCollect } = await headroomWithHeldCheck();
    await held.router.invoke('wsl.shutdown', undefined);
    await vi.waitFor(() => expect(events).toEqual(['health check probes']));
    held.stop();
    const settled = held.settled().then(() => events.push('settled'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(['health check probes']);
    endCollect();
    await settled;
    expect(events).toEqual(['health check probes', 'health check done', 'settled']);
  });

  it('settles only once a request under way and the health check it starts have ended (a demo stopped mid-shutdown)', async () => {
    const { held, events, endCollect } = await headroomWithHeldCheck();
    const shutdown = held.router.invoke('wsl.shutdown', undefined);
    held.stop();
    const settled = held.settled().then(() => events.push('settled'));
    try {
      await shutdown;
      await vi.waitFor(() => expect(events).toContain('health check probes'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events).not.toContain('settled');
    } finally {
      endCollect();
    }
    await settled;
    expect(events.slice(-2)).toEqual(['health check done', 'settled']);
  });

  it('tells the windows no distro list read while another Headroom holds WSL’s turn (a headroom verify in a terminal)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'healthy', stateDir: join(dataDir, 'simulator') });
    headroom = await createHeadroom({ machine: simulatedMachine(windows), dataDir });
    const pushed: string[] = [];
    headroom.service.on('wsl.changed', (snapshot) =>
      pushed.push(snapshot.distros.map((distro) => `${distro.name} ${distro.state}`).join(', ')),
    );
    const other = await otherHeadroomHolding(join(dataDir, 'wsl-turn'));
    try {
      const listed = await headroom.router.invoke('wsl.list', undefined);
      expect(listed).toMatchObject({ ok: true });
      expect(pushed).toEqual([]);
    } finally {
      other.child.stdin.end('go\n');
      await other.said('released');
    }
    await headroom.router.invoke('wsl.list', undefined);
    expect(pushed).toEqual(['Ubuntu-24.04 Running, docker-desktop Running']);
  }, 30_000);

  it('starts a verification asked for during setup’s checks after them, and says so in its progress', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'cold-boot', stateDir: join(dataDir, 'simulator') });
    headroom = await createHeadroom({
      machine: simulatedMachine({ ...windows, env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.2' } }),
      dataDir,
    });
    const progress: string[] = [];
    headroom.service.on('verify.progress', ({ message }) => progress.push(message));
    const { router } = headroom;
    const checks = router.invoke('setup.check', undefined);
    const verified = await router.invoke('verify.run', { edits: [], stopRunning: true });
    await checks;
    expect(verified).toMatchObject({ ok: true, value: { ok: true } });
    expect(progress[0]).toBe('Waiting for setup’s checks to end…');
    expect(progress).toContain('Shutting WSL down (wsl --shutdown)…');
  }, 30_000);

  it.each([
    ['german-windows', 'Kumulatives Update für Windows 11'],
    ['japanese-windows', 'x64 ベース システム用 Windows 11 Version 24H2 の累積更新プログラム'],
  ])(
    'reads the live reg.exe and wevtutil.exe output of %s in its OEM code page, in the health check',
    async (scenario, title) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'headroom-root-'));
      dirs.push(dataDir);
      const windows = createSimulatedWindows({ scenario, stateDir: join(dataDir, 'simulator') });
      headroom = await createHeadroom({
        machine: simulatedMachine({ ...windows, env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.05' } }),
        dataDir,
      });
      await headroom.health.check();
      const entries = headroom.health.timeline().map((entry) => `${entry.title} ${entry.detail}`);
      expect(
        entries.some((entry) => entry.includes(title)),
        entries.join('\n'),
      ).toBe(true);
    },
    30_000,
  );
});
