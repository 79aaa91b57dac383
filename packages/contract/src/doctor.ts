import { z } from 'zod';
import { setupFindingSchema } from './finding';

/** The areas of the Overview's health cards; each finding belongs to one. */
export const HEALTH_AREAS = ['wsl', 'wslconfig', 'gpu', 'memory', 'updates'] as const;

/** A doctor finding on the Diagnostics page: the wizard's view of it, its area, and whether the user muted it. */
export const doctorFindingSchema = setupFindingSchema.extend({
  area: z.enum(HEALTH_AREAS),
  muted: z.boolean(),
  /** The problem goes away at WSL's next start (a .wslconfig change not applied yet): amber, not red. */
  pendingRestart: z.boolean(),
});

/** The doctor's last report: findings (severity first), what could not be checked, and when it ran. */
export const doctorReportSchema = z.object({
  health: z.enum(['green', 'amber', 'red', 'grey']),
  checkedAt: z.iso.datetime(),
  findings: z.array(doctorFindingSchema),
  /** Probes that were not collected or could not be read, in words (`nvidia-smi inside WSL`). */
  notChecked: z.array(z.string()),
  /** What changed since the last verified setup (driver, WSL, kernel), one line each. */
  changes: z.array(z.string()),
});

/** The change a finding's .wslconfig fix would make: the diff of the file, and where the file is. */
export const doctorFixPreviewSchema = z.object({
  findingId: z.string(),
  label: z.string(),
  diff: z.array(z.object({ kind: z.enum(['same', 'removed', 'added']), text: z.string() })),
  path: z.string(),
});

/** A {@link doctorFindingSchema} value. */
export type DoctorFinding = z.infer<typeof doctorFindingSchema>;
/** A {@link doctorReportSchema} value. */
export type DoctorReportPayload = z.infer<typeof doctorReportSchema>;
/** A {@link doctorFixPreviewSchema} value. */
export type DoctorFixPreview = z.infer<typeof doctorFixPreviewSchema>;
/** One of {@link HEALTH_AREAS}. */
export type HealthArea = (typeof HEALTH_AREAS)[number];
