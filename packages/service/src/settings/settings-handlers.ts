import {
  HEADROOM_VERSION,
  NOTIFICATION_KINDS,
  type NotificationKindName,
  type Settings,
  type SettingsUpdate,
} from '@headroom/contract';
import { muteNotifications, NO_NOTIFICATIONS_YET, type NotificationPolicyState } from '@headroom/core';
import type { JsonDocument } from '@headroom/host';

/** What the Settings page's channels read and change. */
export interface SettingsDeps {
  /** The notification policy's state (`notifications.json` in the data folder): muted kinds are kept there. */
  readonly notificationState: JsonDocument<NotificationPolicyState>;
  /** How often the light health check runs now. */
  readonly healthIntervalMs: () => number;
  /** The environment variable that decides the interval, as set (`HEADROOM_HEALTH_INTERVAL_S=30`). */
  readonly healthIntervalOverride?: string;
  readonly metricsCsv: () => { readonly enabled: boolean; readonly path: string; readonly override?: string };
  readonly dataDir: string;
  readonly logDir: string;
  readonly canOpenFolders: boolean;
  /** The distro in use; undefined: WSL's default. */
  readonly distro: () => string | undefined;
  /** The distros WSL lists now. */
  readonly listDistros: () => Promise<string[]>;
  /** Keep a change and apply it. */
  readonly update: (change: SettingsUpdate) => Promise<void>;
}

/** The Settings page's handlers. */
export interface SettingsHandlers {
  get(): Promise<Settings>;
  muteNotification(kind: NotificationKindName, muted: boolean): Promise<Settings>;
  update(change: SettingsUpdate): Promise<Settings>;
}

/** Each kind of notification in the words of the Settings page. */
export const NOTIFICATION_LABELS: Readonly<Record<NotificationKindName, string>> = {
  'windows-update': 'A Windows Update was installed',
  'driver-change': 'The NVIDIA driver changed',
  'wslconfig-warnings': 'WSL ignores lines of .wslconfig',
  'health-worse': 'The health light got worse',
  'inference-crash': 'An inference program crashed',
  'display-reset': 'The display driver was reset',
};

/** Build the Settings handlers. */
export function createSettingsHandlers(deps: SettingsDeps): SettingsHandlers {
  const get = async (): Promise<Settings> => {
    const state = (await deps.notificationState.read()) ?? NO_NOTIFICATIONS_YET;
    const distro = deps.distro();
    return {
      notifications: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        label: NOTIFICATION_LABELS[kind],
        muted: state.muted.includes(kind),
      })),
      healthIntervalMinutes: deps.healthIntervalMs() / 60_000,
      ...(deps.healthIntervalOverride === undefined
        ? {}
        : { healthIntervalOverride: deps.healthIntervalOverride }),
      metricsCsv: { ...deps.metricsCsv() },
      dataDir: deps.dataDir,
      logDir: deps.logDir,
      canOpenFolders: deps.canOpenFolders,
      ...(distro === undefined ? {} : { distro }),
      distros: await deps.listDistros(),
      version: HEADROOM_VERSION,
    };
  };
  return {
    get,
    async muteNotification(kind, muted) {
      const state = (await deps.notificationState.read()) ?? NO_NOTIFICATIONS_YET;
      await deps.notificationState.write(muteNotifications(state, kind, muted));
      return get();
    },
    async update(change) {
      await deps.update(change);
      return get();
    },
  };
}
