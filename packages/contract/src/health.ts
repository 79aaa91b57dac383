import { z } from 'zod';

/** The health light: what the tray and the window's rail show, with one line and when it was judged. */
export const healthSnapshotSchema = z.object({
  health: z.enum(['green', 'amber', 'red', 'grey']),
  summary: z.string(),
  /** ISO 8601 time of the check the light comes from. */
  checkedAt: z.iso.datetime(),
  /** How many findings the check gave, by severity. */
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});

/** A {@link healthSnapshotSchema} value. */
export type HealthSnapshot = z.infer<typeof healthSnapshotSchema>;
