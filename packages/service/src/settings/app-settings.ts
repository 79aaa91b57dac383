import { HEALTH_INTERVAL_MINUTES, type SettingsUpdate } from '@headroom/contract';
import type { JsonDocument } from '@headroom/host';

/** What the data folder's settings.json keeps: only what the user changed; absent fields take their defaults. */
export interface AppSettingsFile {
  readonly healthIntervalMinutes?: number;
  readonly distro?: string;
  readonly metricsCsv?: boolean;
}

/** The settings a hand edit left valid; a field out of bounds or of the wrong type is dropped, not the file. */
export function acceptAppSettings(value: unknown): AppSettingsFile | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { healthIntervalMinutes, distro, metricsCsv } = value as Record<string, unknown>;
  const minutesOk =
    typeof healthIntervalMinutes === 'number' &&
    Number.isInteger(healthIntervalMinutes) &&
    healthIntervalMinutes >= HEALTH_INTERVAL_MINUTES.min &&
    healthIntervalMinutes <= HEALTH_INTERVAL_MINUTES.max;
  return {
    ...(minutesOk ? { healthIntervalMinutes } : {}),
    ...(typeof distro === 'string' && distro.length > 0 ? { distro } : {}),
    ...(typeof metricsCsv === 'boolean' ? { metricsCsv } : {}),
  };
}

/** The environment variables that decide a setting over the file, for a developer or a test run. */
export interface SettingsOverrides {
  /** HEADROOM_HEALTH_INTERVAL_S: the interval in seconds (any positive number; tests use a few seconds). */
  readonly healthIntervalMs?: number;
  /** HEADROOM_METRICS_CSV: `1` on, `0` off. */
  readonly metricsCsv?: boolean;
}

/** Read the overrides from the environment; a value that is not a number, `1` or `0` is ignored. */
export function settingsOverrides(env: NodeJS.ProcessEnv): SettingsOverrides {
  const seconds = Number(env.HEADROOM_HEALTH_INTERVAL_S);
  const csv = env.HEADROOM_METRICS_CSV;
  return {
    ...(Number.isFinite(seconds) && seconds > 0 ? { healthIntervalMs: seconds * 1000 } : {}),
    ...(csv === '1' || csv === '0' ? { metricsCsv: csv === '1' } : {}),
  };
}

/** The settings in force: the file's values over the defaults, the environment over both. */
export interface AppSettings {
  /** How often the health check runs, in milliseconds. */
  healthIntervalMs(): number;
  /** The distro the checks, verification and the reader use; undefined: WSL's default. */
  distro(): string | undefined;
  metricsCsv(): boolean;
  readonly overrides: SettingsOverrides;
  /** Keep a change in settings.json and tell the listeners, which apply it at once. */
  update(change: SettingsUpdate): Promise<void>;
  /** Hear each change; returns the function that stops listening. */
  onChange(listener: () => void): () => void;
}

/**
 * Open the settings over their document (read once, kept in memory, written through on each change). `fallbackMs`
 * is the interval when neither the file nor the environment says (the demo checks every minute).
 */
export async function openAppSettings(
  document: JsonDocument<AppSettingsFile>,
  overrides: SettingsOverrides,
  fallbackMs: () => number,
): Promise<AppSettings> {
  let current: AppSettingsFile = (await document.read()) ?? {};
  const listeners = new Set<() => void>();
  return {
    healthIntervalMs: () =>
      overrides.healthIntervalMs ??
      (current.healthIntervalMinutes === undefined ? fallbackMs() : current.healthIntervalMinutes * 60_000),
    distro: () => current.distro,
    metricsCsv: () => overrides.metricsCsv ?? current.metricsCsv ?? false,
    overrides,
    async update(change) {
      const next: AppSettingsFile = {
        ...current,
        ...(change.healthIntervalMinutes === undefined
          ? {}
          : { healthIntervalMinutes: change.healthIntervalMinutes }),
        ...(change.metricsCsv === undefined ? {} : { metricsCsv: change.metricsCsv }),
      };
      const { distro: _dropped, ...withoutDistro } = next;
      const saved =
        change.distro === undefined
          ? next
          : change.distro === null
            ? withoutDistro
            : { ...next, distro: change.distro };
      await document.write(saved);
      current = saved;
      listeners.forEach((listener) => listener());
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
