import { z } from 'zod';
import { setupFindingSchema } from './finding';

/** The .wslconfig keys the window may change before a verification: the VM's size, bounded by the engine. */
export const VERIFY_EDIT_KEYS = ['memory', 'processors', 'swap'] as const;

/** Run the shutdown-and-verify loop, optionally writing edits to `[wsl2]` first. */
export const verifyRequestSchema = z.object({
  edits: z
    .array(z.object({ key: z.enum(VERIFY_EDIT_KEYS), value: z.string().min(1).max(32) }))
    .max(VERIFY_EDIT_KEYS.length),
  /** The user agreed to stop the distros that run (the window asks first, naming them). */
  stopRunning: z.boolean(),
});

/** One comparison of what .wslconfig says with what the booted VM has. */
export const verifyCheckSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  expected: z.string(),
  observed: z.string(),
  message: z.string(),
});

/** How a verification ended: pass or fail per check, or why it stopped early. */
export const verifyResultSchema = z.object({
  ok: z.boolean(),
  phase: z.string(),
  reason: z.string().optional(),
  checks: z.array(verifyCheckSchema),
  /** Each line of .wslconfig WSL ignores: its number, its text, and why (the message names the line). */
  ignoredLines: z.array(z.object({ line: z.number().int().positive(), text: z.string(), why: z.string() })),
  baselineSaved: z.boolean(),
  /** The edits failed to verify and `verify.rollBack` can write the file back as it was. */
  canRollBack: z.boolean(),
  /** On a failure, the doctor's findings about what failed, each with its fix. */
  findings: z.array(setupFindingSchema).optional(),
  /** MemTotal inside the booted VM: the "after" of a setup. */
  wslMemTotalBytes: z.number().nonnegative().optional(),
});

/** Where a running verification is, pushed as it moves. */
export const verifyProgressSchema = z.object({ phase: z.string(), message: z.string() });

/** A {@link verifyRequestSchema} value. */
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
/** A {@link verifyResultSchema} value. */
export type VerifyResult = z.infer<typeof verifyResultSchema>;
/** A {@link verifyProgressSchema} value. */
export type VerifyProgress = z.infer<typeof verifyProgressSchema>;
