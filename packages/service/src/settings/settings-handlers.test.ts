import { readFileSync } from 'node:fs';
import { HEADROOM_VERSION } from '@headroom/contract';
import { CAPTURE_FORMAT, type Capture } from '@headroom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHeadroom } from '../headroom/create-headroom';
import { simulatedMachine } from '../headroom/machine';
import { createSimulatedService, type SimulatedServiceFixture } from '../testing/simulated-service';

let fixture: SimulatedServiceFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

describe('the settings channels', () => {
  it('keeps a muted kind in notifications.json, where the policy and a restarted Headroom read it', async () => {
    fixture = await createSimulatedService('healthy');
    const { handlers } = fixture.service;
    const before = await handlers['settings.get'](undefined);
    expect(before.notifications.every((kind) => !kind.muted)).toBe(true);
    const after = await handlers['settings.muteNotification']({ kind: 'driver-change', muted: true });
    expect(after.notifications.find((kind) => kind.kind === 'driver-change')?.muted).toBe(true);
    expect(await fixture.headroom.notificationState.read()).toMatchObject({ muted: ['driver-change'] });
    expect(JSON.parse(readFileSync(fixture.headroom.layout.notifications, 'utf8'))).toMatchObject({
      muted: ['driver-change'],
    });
    // A restart: Headroom built anew over the same data folder reads the mute back.
    const restarted = await createHeadroom({
      machine: simulatedMachine(fixture.windows),
      dataDir: fixture.headroom.layout.root,
    });
    const read = await restarted.service.handlers['settings.get'](undefined);
    expect(read.notifications.find((kind) => kind.kind === 'driver-change')?.muted).toBe(true);
  });

  it('tells the version of the root package.json', async () => {
    fixture = await createSimulatedService('healthy');
    const manifest = JSON.parse(
      readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(HEADROOM_VERSION).toBe(manifest.version);
    expect((await fixture.service.handlers['settings.get'](undefined)).version).toBe(manifest.version);
  });

  it('keeps the interval, the distro and the CSV log in settings.json, and a restart reads them back', async () => {
    fixture = await createSimulatedService('docker-data-distro');
    const { handlers } = fixture.service;
    const before = await handlers['settings.get'](undefined);
    expect(before).toMatchObject({ healthIntervalMinutes: 5, metricsCsv: { enabled: false } });
    expect(before.distro).toBeUndefined();
    expect(before.distros).toEqual(expect.arrayContaining(['Ubuntu-24.04', 'docker-desktop']));
    const after = await handlers['settings.update']({
      healthIntervalMinutes: 10,
      distro: 'docker-desktop',
      metricsCsv: true,
    });
    expect(after).toMatchObject({
      healthIntervalMinutes: 10,
      distro: 'docker-desktop',
      metricsCsv: { enabled: true },
    });
    expect(JSON.parse(readFileSync(fixture.headroom.layout.settings, 'utf8'))).toEqual({
      healthIntervalMinutes: 10,
      distro: 'docker-desktop',
      metricsCsv: true,
    });
    const restarted = await createHeadroom({
      machine: simulatedMachine(fixture.windows),
      dataDir: fixture.headroom.layout.root,
    });
    expect(await restarted.service.handlers['settings.get'](undefined)).toMatchObject({
      healthIntervalMinutes: 10,
      distro: 'docker-desktop',
      metricsCsv: { enabled: true },
    });
  });

  it('says when HEADROOM_HEALTH_INTERVAL_S and HEADROOM_METRICS_CSV decide instead of the page', async () => {
    fixture = await createSimulatedService('healthy');
    const headroom = await createHeadroom({
      machine: simulatedMachine(fixture.windows),
      dataDir: fixture.headroom.layout.root,
      env: { HEADROOM_HEALTH_INTERVAL_S: '30', HEADROOM_METRICS_CSV: '1' },
    });
    await headroom.service.handlers['settings.update']({ healthIntervalMinutes: 60, metricsCsv: false });
    expect(await headroom.service.handlers['settings.get'](undefined)).toMatchObject({
      healthIntervalMinutes: 0.5,
      healthIntervalOverride: 'HEADROOM_HEALTH_INTERVAL_S=30',
      metricsCsv: { enabled: true, override: 'HEADROOM_METRICS_CSV=1' },
    });
  });

  it('runs the health check at a new interval at once, without a restart', async () => {
    fixture = await createSimulatedService('healthy');
    const capture: Capture = {
      format: CAPTURE_FORMAT,
      createdAt: '2026-12-06T00:00:00.000Z',
      host: {},
      probes: [],
    };
    let checks = 0;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const headroom = await createHeadroom({
        machine: simulatedMachine(fixture.windows),
        dataDir: fixture.headroom.layout.root,
        collect: () => {
          checks += 1;
          return Promise.resolve(capture);
        },
        env: {},
      });
      headroom.start({ wslMs: 3_600_000, wslconfigMs: 3_600_000 });
      await vi.waitFor(() => expect(checks).toBe(1));
      vi.advanceTimersByTime(61_000);
      expect(checks).toBe(1);
      await headroom.service.handlers['settings.update']({ healthIntervalMinutes: 1 });
      vi.advanceTimersByTime(61_000);
      await vi.waitFor(() => expect(checks).toBe(2));
      headroom.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('points the dashboard’s reader at the chosen distro when it runs', async () => {
    fixture = await createSimulatedService('docker-data-distro');
    const { metrics, service } = fixture.headroom;
    const seen = vi.spyOn(metrics, 'runningChanged');
    await service.handlers['settings.update']({ distro: 'docker-desktop' });
    expect(seen).toHaveBeenLastCalledWith(expect.arrayContaining(['docker-desktop']), 'docker-desktop');
    await service.handlers['settings.update']({ distro: null });
    expect(seen).toHaveBeenLastCalledWith(expect.any(Array), 'Ubuntu-24.04');
  });
});
