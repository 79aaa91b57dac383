import { z } from 'zod';

/** The groups of the .wslconfig form. */
export const WSLCONFIG_GROUPS = ['Resources', 'GPU & display', 'Networking', 'Advanced'] as const;

/** One key WSL reads, as the form shows it: type, default on this machine, value and the line it lives on. */
export const wslconfigFieldSchema = z.object({
  key: z.string(),
  group: z.enum(WSLCONFIG_GROUPS),
  type: z.string(),
  values: z.array(z.string()).optional(),
  meaning: z.string(),
  /** WSL's default here (memory: half of this machine's RAM, in numbers). */
  default: z.string(),
  /** The value as written on the line WSL uses; absent when the file does not set it. */
  value: z.string().optional(),
  line: z.number().int().positive().optional(),
  /** Bounds from this machine, for sizes and counts. */
  bounds: z.string().optional(),
});

/** The file in both views: the typed fields, keys WSL does not know (kept untouched), and the raw lines' problems. */
export const wslconfigDocumentSchema = z.object({
  path: z.string(),
  text: z.string(),
  fields: z.array(wslconfigFieldSchema),
  unknownKeys: z.array(z.object({ name: z.string(), line: z.number().int().positive() })),
  problems: z.array(
    z.object({ line: z.number().int().nonnegative(), message: z.string(), ignoredByWsl: z.boolean() }),
  ),
});

/** Edits from the form: a value per full key (`wsl2.swap`); an empty value removes the key. */
export const wslconfigEditsSchema = z.object({
  edits: z.array(z.object({ key: z.string().min(1).max(64), value: z.string().max(1024) })).max(64),
});

/** A {@link wslconfigFieldSchema} value. */
export type WslconfigField = z.infer<typeof wslconfigFieldSchema>;
/** A {@link wslconfigDocumentSchema} value. */
export type WslconfigDocument = z.infer<typeof wslconfigDocumentSchema>;
