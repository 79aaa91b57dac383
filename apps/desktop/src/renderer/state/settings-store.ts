import type {
  ErrorPayload,
  HeadroomBridge,
  LoginItem,
  NotificationKindName,
  Settings,
  SettingsUpdate,
} from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** The Settings page: its values, start at sign-in, and what the last change did. */
export interface SettingsStoreState {
  readonly settings: Settings | undefined;
  readonly loginItem: LoginItem | undefined;
  readonly loading: boolean;
  /** What the last change or folder action did, for the live region. */
  readonly notice: string | undefined;
  readonly error: ErrorPayload | undefined;
  readonly load: () => Promise<void>;
  readonly muteNotification: (kind: NotificationKindName, muted: boolean) => Promise<void>;
  /** Change the interval, the distro or the CSV log; each applies at once and is kept. */
  readonly update: (change: SettingsUpdate) => Promise<void>;
  readonly setLoginItem: (enabled: boolean) => Promise<void>;
  readonly openFolder: (which: 'data' | 'log') => Promise<void>;
}

/** What a change did, in words, for the live region. */
export function updateNotice(change: SettingsUpdate, settings: Settings): string {
  if (change.healthIntervalMinutes !== undefined)
    return `The health check runs every ${settings.healthIntervalMinutes} minute${settings.healthIntervalMinutes === 1 ? '' : 's'}.`;
  if (change.distro !== undefined)
    return `Checks and the dashboard use ${settings.distro ?? 'WSL’s default distribution'}.`;
  return settings.metricsCsv.enabled
    ? `Every metrics sample is kept in ${settings.metricsCsv.path}.`
    : 'The metrics CSV log is off.';
}

/** The settings store over a bridge. */
export function createSettingsStore(bridge: HeadroomBridge): StoreApi<SettingsStoreState> {
  return createRequestStore<SettingsStoreState>((_set, _get, request) => ({
    settings: undefined,
    loginItem: undefined,
    loading: false,
    notice: undefined,
    error: undefined,
    load: () =>
      request(
        async () => {
          const [settings, loginItem] = await Promise.all([
            bridge.invoke('settings.get'),
            bridge.invoke('app.loginItem').catch(() => ({ supported: false, enabled: false })),
          ]);
          return { settings, loginItem };
        },
        { busy: 'loading' },
      ),
    muteNotification: (kind, muted) =>
      request(async () => {
        const settings = await bridge.invoke('settings.muteNotification', { kind, muted });
        const label = settings.notifications.find((entry) => entry.kind === kind)?.label ?? kind;
        return { settings, notice: `${muted ? 'Muted' : 'Unmuted'}: ${label}.` };
      }),
    update: (change) =>
      request(async () => {
        const settings = await bridge.invoke('settings.update', change);
        return { settings, notice: updateNotice(change, settings) };
      }),
    setLoginItem: (enabled) =>
      request(async () => {
        const loginItem = await bridge.invoke('app.setLoginItem', { enabled });
        return {
          loginItem,
          notice: loginItem.enabled
            ? 'Headroom starts when you sign in.'
            : 'Headroom no longer starts at sign-in.',
        };
      }),
    openFolder: (which) =>
      request(async () => {
        const answer = await bridge.invoke(which === 'data' ? 'app.openDataFolder' : 'app.openLogFolder');
        return {
          notice: answer.opened ? `Opened ${answer.path}.` : `${answer.message ?? ''} ${answer.path}`.trim(),
        };
      }),
  }));
}
