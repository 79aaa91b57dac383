import { z } from 'zod';

/** Headroom's version (a test keeps it equal to the root package.json's). */
export const HEADROOM_VERSION = '0.1.0';

/** The kinds of notification, each muted on its own (docs/ux.md "Notifications"). */
export const NOTIFICATION_KINDS = [
  'windows-update',
  'driver-change',
  'wslconfig-warnings',
  'health-worse',
  'inference-crash',
  'display-reset',
] as const;

/**
 * The health check's interval a user may choose, in minutes: at least a minute (each check starts up to four
 * wsl.exe and reads the event log) and at most a day. Headroom's rule of thumb; the default is 5 minutes.
 */
export const HEALTH_INTERVAL_MINUTES = { min: 1, max: 1440, default: 5 } as const;

/** The Settings page: notifications per kind, the check interval, the metrics log, the folders, the distro. */
export const settingsSchema = z.object({
  notifications: z.array(
    z.object({ kind: z.enum(NOTIFICATION_KINDS), label: z.string(), muted: z.boolean() }),
  ),
  /** How often the light health check runs. */
  healthIntervalMinutes: z.number().positive(),
  /** Set when an environment variable decides the interval (`HEADROOM_HEALTH_INTERVAL_S=30`): the setting waits. */
  healthIntervalOverride: z.string().optional(),
  /** Every metrics sample kept in a CSV file, and where; `override` names HEADROOM_METRICS_CSV when it decides. */
  metricsCsv: z.object({ enabled: z.boolean(), path: z.string(), override: z.string().optional() }),
  dataDir: z.string(),
  logDir: z.string(),
  canOpenFolders: z.boolean(),
  /** The distribution checks, verification and the dashboard's reader use; absent: WSL's default. */
  distro: z.string().optional(),
  /** The distributions WSL lists now, to choose from (empty when WSL could not be asked). */
  distros: z.array(z.string()),
  version: z.string(),
});

/** A change on the Settings page: only the fields given change; `distro: null` goes back to WSL's default. */
export const settingsUpdateSchema = z.object({
  healthIntervalMinutes: z
    .number()
    .int()
    .min(HEALTH_INTERVAL_MINUTES.min)
    .max(HEALTH_INTERVAL_MINUTES.max)
    .optional(),
  distro: z.string().min(1).max(200).nullable().optional(),
  metricsCsv: z.boolean().optional(),
});

/** A {@link settingsUpdateSchema} value. */
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** A {@link settingsSchema} value. */
export type Settings = z.infer<typeof settingsSchema>;
/** One of {@link NOTIFICATION_KINDS}. */
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
