import { z } from 'zod';

/** A support bundle written by Diagnostics' "Save support bundle": one .zip with the capture and the log. */
export const supportBundleSchema = z.object({
  /** The .zip's full path. */
  path: z.string(),
  /** The folder that holds it, for "Open folder". */
  folder: z.string(),
  bytes: z.number().int().nonnegative(),
  /** The user's name, profile folder and machine name were replaced (`headroom collect --redact`). */
  redacted: z.boolean(),
  /** The names inside the zip: `capture.json`, the probes' outputs, `logs/headroom.log`. */
  entries: z.array(z.string()),
  /** Whether this UI can open the folder (a browser cannot). */
  canOpenFolder: z.boolean(),
});

/** A {@link supportBundleSchema} value. */
export type SupportBundleInfo = z.infer<typeof supportBundleSchema>;
