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

/** The Settings page: notifications per kind, the check interval, the metrics log, the folders, the distro. */
export const settingsSchema = z.object({
  notifications: z.array(
    z.object({ kind: z.enum(NOTIFICATION_KINDS), label: z.string(), muted: z.boolean() }),
  ),
  /** How often the light health check runs. */
  healthIntervalMinutes: z.number().positive(),
  /** Every metrics sample kept in a CSV file (HEADROOM_METRICS_CSV=1), and where. */
  metricsCsv: z.object({ enabled: z.boolean(), path: z.string() }),
  dataDir: z.string(),
  logDir: z.string(),
  canOpenFolders: z.boolean(),
  /** The distribution checks and verification run in; absent: WSL's default. */
  distro: z.string().optional(),
  version: z.string(),
});

/** A {@link settingsSchema} value. */
export type Settings = z.infer<typeof settingsSchema>;
/** One of {@link NOTIFICATION_KINDS}. */
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
