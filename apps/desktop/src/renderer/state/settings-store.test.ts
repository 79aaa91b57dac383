import { describe, expect, it } from 'vitest';
import { createSettingsStore } from './settings-store';
import { fakeBridge } from './testing/fake-bridge';

const SETTINGS = {
  notifications: [{ kind: 'driver-change', label: 'The NVIDIA driver changed', muted: false }],
  healthIntervalMinutes: 5,
  metricsCsv: { enabled: false, path: '/data/metrics/samples.csv' },
  dataDir: '/data',
  logDir: '/data/logs',
  canOpenFolders: false,
  distros: ['Ubuntu-24.04', 'Debian'],
  version: '0.1.0',
};

describe('createSettingsStore', () => {
  it('loads the settings beside sign-in, and mutes a kind with a notice', async () => {
    const fake = fakeBridge();
    fake.answer('settings.get', () => SETTINGS);
    fake.answer('app.loginItem', () => ({ supported: true, enabled: false }));
    fake.answer('settings.muteNotification', () => ({
      ...SETTINGS,
      notifications: [{ ...SETTINGS.notifications[0], muted: true }],
    }));
    const store = createSettingsStore(fake.bridge);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: { version: '0.1.0' }, loginItem: { enabled: false } });
    await store.getState().muteNotification('driver-change', true);
    expect(store.getState()).toMatchObject({
      settings: { notifications: [{ muted: true }] },
      notice: 'Muted: The NVIDIA driver changed.',
    });
  });

  it('says where a folder is when this window cannot open it', async () => {
    const fake = fakeBridge();
    fake.answer('app.openDataFolder', () => ({ opened: false, path: '/data', message: 'A browser cannot.' }));
    const store = createSettingsStore(fake.bridge);
    await store.getState().openFolder('data');
    expect(store.getState().notice).toBe('A browser cannot. /data');
  });

  it('changes the interval, the distro and the CSV log, each said in words', async () => {
    const fake = fakeBridge();
    fake.answer('settings.update', (change) => ({
      ...SETTINGS,
      ...(change as object),
      metricsCsv: SETTINGS.metricsCsv,
    }));
    const store = createSettingsStore(fake.bridge);
    await store.getState().update({ healthIntervalMinutes: 15 });
    expect(store.getState()).toMatchObject({
      settings: { healthIntervalMinutes: 15 },
      notice: 'The health check runs every 15 minutes.',
    });
    await store.getState().update({ distro: 'Debian' });
    expect(store.getState().notice).toBe('Checks and the dashboard use Debian.');
    await store.getState().update({ metricsCsv: false });
    expect(store.getState().notice).toBe('The metrics CSV log is off.');
    expect(fake.calls.map((call) => call.request)).toEqual([
      { healthIntervalMinutes: 15 },
      { distro: 'Debian' },
      { metricsCsv: false },
    ]);
  });
});
