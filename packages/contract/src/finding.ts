import { z } from 'zod';

/** A doctor finding as the wizard shows it: what is wrong, the fix, and whether Headroom can run the fix. */
export const setupFindingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  explanation: z.string(),
  source: z.string(),
  /** What shows it, one line each (`.wslconfig line 2: memory=16gb`). */
  evidence: z.array(z.string()),
  fix: z.object({
    label: z.string(),
    /** Steps for the user when the fix is not one Headroom runs itself. */
    steps: z.array(z.string()),
    /** `setup.fix` can run it (a .wslconfig edit, with a backup first). */
    runnable: z.boolean(),
    /** A page to open for the fix, when the fix is one. */
    url: z.string().optional(),
  }),
});
