import { z } from 'zod';

/** The health light: what the tray and the window's rail show, with one line and when it was judged. */
export const healthSnapshotSchema = z.object({
  health: z.enum(['green', 'amber', 'red', 'grey']),
  summary: z.string(),
  /** ISO 8601 time of the check the light comes from. */
  checkedAt: z.iso.datetime(),
  /** How many findings the check gave, by severity. */
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** What changed since the last verified setup (`driver 552.12 → 560.94`); empty when nothing or no baseline. */
  changes: z.array(z.string()),
  /** Probes collected but not readable: checks that could not be made (the light is then not green). */
  notRead: z.array(z.object({ probe: z.string(), reason: z.string() })).optional(),
});

/** A {@link healthSnapshotSchema} value. */
export type HealthSnapshot = z.infer<typeof healthSnapshotSchema>;
