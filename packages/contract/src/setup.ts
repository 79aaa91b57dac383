import { z } from 'zod';
import { setupFindingSchema } from './finding';
import { VERIFY_EDIT_KEYS } from './verify';

export { setupFindingSchema } from './finding';

/** The four gates of the wizard's first step, in the order they are shown. */
export const SETUP_CHECK_IDS = ['wsl', 'distro', 'host-gpu', 'wsl-gpu'] as const;

/** One gate of the first step: pass, warn or fail, a one-line summary from the evidence, and the findings. */
export const setupCheckSchema = z.object({
  id: z.enum(SETUP_CHECK_IDS),
  title: z.string(),
  status: z.enum(['pass', 'warn', 'fail', 'unknown']),
  summary: z.string(),
  findings: z.array(setupFindingSchema),
});

/** What the machine has, for sizing and for the sliders' bounds. */
export const setupMachineSchema = z.object({
  memoryBytes: z.number().nonnegative(),
  logicalProcessors: z.number().int().nonnegative(),
  gpus: z.array(
    z.object({
      name: z.string(),
      vramTotalMiB: z.number().nonnegative(),
      vramFreeMiB: z.number().nonnegative(),
    }),
  ),
});

/** The values of the sizing keys as .wslconfig has them now (absent: WSL's default). */
export const setupCurrentSchema = z.object({
  memory: z.string().optional(),
  processors: z.string().optional(),
  swap: z.string().optional(),
});

/** The first step's result: the gates, findings outside them, the machine, and WSL's memory as it runs now. */
export const setupCheckResultSchema = z.object({
  checks: z.array(setupCheckSchema),
  /** Findings about .wslconfig and the runtime, outside the four gates. */
  otherFindings: z.array(setupFindingSchema),
  machine: setupMachineSchema,
  current: setupCurrentSchema,
  /** The distro the checks ran in (WSL's default). */
  distro: z.string().optional(),
  /** MemTotal inside the VM as it ran during the checks: the "before" of the setup. */
  wslMemTotalBytes: z.number().nonnegative().optional(),
  /** No gate failed: the wizard may go on. */
  ready: z.boolean(),
  /** Only GPU gates failed: the wizard may go on, for models on the CPU. */
  gpuOnly: z.boolean(),
  checkedAt: z.iso.datetime(),
});

/** The model presets and KV cache types the goal step offers. */
export const setupModelsSchema = z.object({
  presets: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      quants: z.array(z.string()),
      maxContext: z.number().int().positive(),
    }),
  ),
  kvTypes: z.array(z.string()),
});

/** The goal: a preset (with its quantization) or a GGUF file on this PC, a context length and a KV cache type. */
export const setupGoalSchema = z.object({
  model: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('preset'), id: z.string().min(1), quant: z.string().min(1) }),
    z.object({ kind: z.literal('gguf'), path: z.string().min(1).max(1024) }),
  ]),
  ctx: z.number().int().positive().max(10_000_000),
  kvType: z.string().min(1),
});

/** One line of the sizing, with its number in words and where it comes from. */
const explainedSchema = z.object({ label: z.string(), value: z.string(), why: z.string() });

/** A proposed change to one `[wsl2]` key, with the line of why. */
export const setupChangeSchema = z.object({
  key: z.enum(VERIFY_EDIT_KEYS),
  value: z.string(),
  /** The value in the file now; absent when WSL uses its default. */
  current: z.string().optional(),
  why: z.string(),
});

/** A slider's bounds, from what the host has. */
const boundsSchema = z.object({ min: z.number(), max: z.number(), step: z.number().positive() });

/** The sizing of the goal on this machine and the .wslconfig changes it asks for. */
export const setupPlanSchema = z.object({
  model: z.string(),
  fits: z.boolean(),
  sizing: z.array(explainedSchema),
  warnings: z.array(z.string()),
  /** Only the keys whose value would change; empty when the file already fits the goal. */
  changes: z.array(setupChangeSchema),
  /** Memory and swap in whole GB, processors as a count. */
  bounds: z.object({ memory: boundsSchema, processors: boundsSchema, swap: boundsSchema }),
  /** The values the sliders start at: the proposal, or the file's for keys that need no change. */
  values: z.object({ memoryGB: z.number(), processors: z.number(), swapGB: z.number() }),
});

/** Edits as they would be written (only the ticked ones). */
export const setupPreviewRequestSchema = z.object({
  edits: z
    .array(z.object({ key: z.enum(VERIFY_EDIT_KEYS), value: z.string().min(1).max(32) }))
    .max(VERIFY_EDIT_KEYS.length),
});

/** The file with the edits: a line diff, the engine's problems with the new text, and the VM WSL would make. */
export const setupPreviewSchema = z.object({
  diff: z.array(
    z.object({
      kind: z.enum(['same', 'removed', 'added']),
      text: z.string(),
      oldLine: z.number().int().positive().optional(),
      newLine: z.number().int().positive().optional(),
    }),
  ),
  problems: z.array(
    z.object({
      line: z.number().int().nonnegative(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      ignoredByWsl: z.boolean(),
    }),
  ),
  vm: z.object({ memoryBytes: z.number(), processors: z.number(), swapBytes: z.number() }),
  path: z.string(),
});

/** The wizard's place and choices, kept by the service so a restart resumes where the user was. */
export const setupStateSchema = z.object({
  step: z.number().int().min(1).max(5),
  completed: z.boolean(),
  check: setupCheckResultSchema.optional(),
  goal: setupGoalSchema.optional(),
  /** The change per key the user left ticked, with the slider's value. */
  edits: z
    .array(z.object({ key: z.enum(VERIFY_EDIT_KEYS), value: z.string(), ticked: z.boolean() }))
    .optional(),
});

/** Whether Headroom starts when the user signs in to Windows, and whether this build can change that. */
export const loginItemSchema = z.object({ supported: z.boolean(), enabled: z.boolean() });

/** Headroom's data folder and its log folder (a support request asks for the log), and whether they can be opened. */
export const appPathsSchema = z.object({
  dataDir: z.string(),
  logDir: z.string(),
  canOpenFolders: z.boolean(),
});

/** Pages a push can ask the window to show (the tray's "Set up Headroom…"). */
export const APP_PAGES = [
  'overview',
  'dashboard',
  'diagnostics',
  'wslconfig',
  'history',
  'settings',
  'setup',
] as const;

/** A {@link setupCheckResultSchema} value. */
export type SetupCheckResult = z.infer<typeof setupCheckResultSchema>;
/** A {@link setupCheckSchema} value. */
export type SetupCheck = z.infer<typeof setupCheckSchema>;
/** A {@link setupFindingSchema} value. */
export type SetupFinding = z.infer<typeof setupFindingSchema>;
/** A {@link setupModelsSchema} value. */
export type SetupModels = z.infer<typeof setupModelsSchema>;
/** A {@link setupGoalSchema} value. */
export type SetupGoal = z.infer<typeof setupGoalSchema>;
/** A {@link setupPlanSchema} value. */
export type SetupPlan = z.infer<typeof setupPlanSchema>;
/** A {@link setupChangeSchema} value. */
export type SetupChange = z.infer<typeof setupChangeSchema>;
/** A {@link setupPreviewSchema} value. */
export type SetupPreview = z.infer<typeof setupPreviewSchema>;
/** A {@link setupStateSchema} value. */
export type SetupState = z.infer<typeof setupStateSchema>;
/** A {@link loginItemSchema} value. */
export type LoginItem = z.infer<typeof loginItemSchema>;
/** An {@link appPathsSchema} value. */
export type AppPaths = z.infer<typeof appPathsSchema>;
/** One of {@link APP_PAGES}. */
export type AppPage = (typeof APP_PAGES)[number];
