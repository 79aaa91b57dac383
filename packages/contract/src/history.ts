import { z } from 'zod';

/** A Windows event that matters for the setup (an update, a driver, a crash, a restart), in words. */
export const timelineEntrySchema = z.object({
  id: z.string(),
  time: z.string(),
  kind: z.enum(['windows-update', 'driver-change', 'display-reset', 'inference-crash', 'restart']),
  title: z.string(),
  detail: z.string(),
});

/** The history page: the Windows timeline from the last check and the saved versions of .wslconfig. */
export const historySchema = z.object({
  timeline: z.array(timelineEntrySchema),
  wslconfig: z.array(z.object({ id: z.string(), savedAt: z.string(), reason: z.string() })),
});

/** A {@link timelineEntrySchema} value. */
export type TimelineEntryPayload = z.infer<typeof timelineEntrySchema>;
/** A {@link historySchema} value. */
export type HistoryPayload = z.infer<typeof historySchema>;

/** A saved version against the file as it is now, line by line (added: in the file now; removed: only in the version). */
export const versionDiffSchema = z.object({
  id: z.string(),
  lines: z.array(
    z.object({
      kind: z.enum(['same', 'removed', 'added']),
      text: z.string(),
    }),
  ),
});

/** A {@link versionDiffSchema} value. */
export type VersionDiff = z.infer<typeof versionDiffSchema>;
