import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJsonDocument } from '@headroom/host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAppSettings, openAppSettings, settingsOverrides } from './app-settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (path: string, env: NodeJS.ProcessEnv = {}) =>
  openAppSettings(openJsonDocument(path, acceptAppSettings), settingsOverrides(env), () => 300_000);

describe('openAppSettings', () => {
  it('keeps a change in settings.json and reads it back after a restart', async () => {
    const path = join(dir, 'settings.json');
    const settings = await open(path);
    expect([settings.healthIntervalMs(), settings.distro(), settings.metricsCsv()]).toEqual([
      300_000,
      undefined,
      false,
    ]);
    let told = 0;
    settings.onChange(() => (told += 1));
    await settings.update({ healthIntervalMinutes: 15, distro: 'Debian', metricsCsv: true });
    expect(told).toBe(1);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      healthIntervalMinutes: 15,
      distro: 'Debian',
      metricsCsv: true,
    });
    const restarted = await open(path);
    expect([restarted.healthIntervalMs(), restarted.distro(), restarted.metricsCsv()]).toEqual([
      900_000,
      'Debian',
      true,
    ]);
    await restarted.update({ distro: null });
    expect(restarted.distro()).toBeUndefined();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ healthIntervalMinutes: 15, metricsCsv: true });
  });

  it('lets the environment decide over the file, and ignores what it cannot read', async () => {
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ healthIntervalMinutes: 30, metricsCsv: true }));
    const settings = await open(path, { HEADROOM_HEALTH_INTERVAL_S: '20', HEADROOM_METRICS_CSV: '0' });
    expect(settings.healthIntervalMs()).toBe(20_000);
    expect(settings.metricsCsv()).toBe(false);
    expect(settingsOverrides({ HEADROOM_HEALTH_INTERVAL_S: 'soon', HEADROOM_METRICS_CSV: 'yes' })).toEqual(
      {},
    );
  });

  it('drops a hand-edited field out of bounds, keeping the others', () => {
    expect(acceptAppSettings({ healthIntervalMinutes: 0, distro: 'Ubuntu', metricsCsv: 'on' })).toEqual({
      distro: 'Ubuntu',
    });
    expect(acceptAppSettings({ healthIntervalMinutes: 2000 })).toEqual({});
    expect(acceptAppSettings([1, 2])).toBeUndefined();
  });
});
