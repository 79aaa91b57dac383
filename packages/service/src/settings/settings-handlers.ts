import {
  HEADROOM_VERSION,
  NOTIFICATION_KINDS,
  type NotificationKindName,
  type Settings,
} from '@headroom/contract';
import { muteNotifications, NO_NOTIFICATIONS_YET, type NotificationPolicyState } from '@headroom/core';
import type { JsonDocument } from '@headroom/host';

/** What the Settings page's channels read and change. */
export interface SettingsDeps {
  /** The notification policy's state (`notifications.json` in the data folder): muted kinds are kept there. */
  readonly notificationState: JsonDocument<NotificationPolicyState>;
  /** How often the light health check runs now. */
  readonly healthIntervalMs: () => number;
  readonly metricsCsv: { readonly enabled: boolean; readonly path: string };
  readonly dataDir: string;
  readonly logDir: string;
  readonly canOpenFolders: boolean;
  readonly distro?: string;
}

/** The Settings page's handlers. */
export interface SettingsHandlers {
  get(): Promise<Settings>;
  muteNotification(kind: NotificationKindName, muted: boolean): Promise<Settings>;
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
    return {
      notifications: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        label: NOTIFICATION_LABELS[kind],
        muted: state.muted.includes(kind),
      })),
      healthIntervalMinutes: deps.healthIntervalMs() / 60_000,
      metricsCsv: { ...deps.metricsCsv },
      dataDir: deps.dataDir,
      logDir: deps.logDir,
      canOpenFolders: deps.canOpenFolders,
      ...(deps.distro === undefined ? {} : { distro: deps.distro }),
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
  };
}
