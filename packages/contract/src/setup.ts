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

/** Where a model on this PC was found: Ollama's API, or a GGUF file in a model folder. */
export const MODEL_SOURCES = ['ollama', 'gguf'] as const;

/** The attention shape of a discovered model, as its GGUF header (or Ollama's `model_info`) gives it. */
export const modelShapeSchema = z.object({
  /** `general.architecture`, e.g. `llama`, `qwen2`, `gemma2`. */
  architecture: z.string(),
  /** `<arch>.block_count`. */
  layers: z.number().int().positive(),
  /** `<arch>.attention.head_count`, when given. */
  heads: z.number().int().positive().optional(),
  /** `<arch>.attention.head_count_kv`. */
  kvHeads: z.number().int().positive(),
  /** `<arch>.embedding_length`, when given. */
  embeddingLength: z.number().int().positive().optional(),
  /** `<arch>.context_length`: the context the model was trained for (llama.cpp's `n_ctx_train`). */
  trainedContext: z.number().int().positive().optional(),
  /** `<arch>.attention.sliding_window` (Gemma 2 and 3). */
  slidingWindow: z.number().int().positive().optional(),
});

/** The context the runtime will give the model unless told otherwise, and the sentence that says why. */
export const defaultContextSchema = z.object({
  tokens: z.number().int().positive(),
  why: z.string(),
});

/**
 * A model found on this PC: in Ollama (its `/api/tags` and `/api/show`) or a GGUF file in a model folder (the
 * Hugging Face cache, llama.cpp's cache, `OLLAMA_MODELS`). A split GGUF (`-00001-of-00002.gguf`) is one model with
 * the size of all its parts. A model whose shape could not be read is still listed, with `unreadable` saying why;
 * it cannot be sized.
 */
export const discoveredModelSchema = z.object({
  /** Stable across discoveries: `ollama:<name>` or `gguf:<distro>:<path of the first part>`. */
  id: z.string().min(1),
  /** What the user calls it: Ollama's model name (`llama3.1:70b`), or the GGUF file's name. */
  name: z.string(),
  source: z.enum(MODEL_SOURCES),
  /** Where it was found, in words: "Ollama", "Hugging Face cache in Ubuntu". */
  where: z.string(),
  /** The bytes of the weights on disk (all parts of a split GGUF). */
  sizeBytes: z.number().nonnegative(),
  /** The quantization (`Q4_K_M`), from the file type or Ollama's `quantization_level`. */
  quant: z.string().optional(),
  /** A GGUF's path as the distro (or Windows) sees it. */
  path: z.string().optional(),
  /** The distro the file is in; absent for Ollama's API and Windows paths. */
  distro: z.string().optional(),
  /** Split GGUF: how many files make the model. */
  parts: z.number().int().positive().optional(),
  shape: modelShapeSchema.optional(),
  /** Why the shape could not be read (the model is listed but cannot be sized). */
  unreadable: z.string().optional(),
  /** The context the runtime uses by default, with its reason (Ollama's `num_ctx`, llama.cpp's default). */
  defaultContext: defaultContextSchema.optional(),
  /** The one most likely in use; at most one model is preselected. */
  preselected: z.boolean(),
  /** Why it is preselected ("loaded in Ollama now", "the most recently modified"), when it is. */
  preselectedWhy: z.string().optional(),
  /** When the model was last modified (Ollama's `modified_at`, the file's mtime). */
  modifiedAt: z.iso.datetime({ offset: true }).optional(),
});

/** A place models could be that was not looked in, and why (a stopped distro is never started to look). */
export const skippedModelPlaceSchema = z.object({ where: z.string(), why: z.string() });

/**
 * The goal step's choices: the models found on this PC (largest first, at most one preselected), the places not
 * looked in, and behind "another model" the presets and KV cache types.
 */
export const setupModelsSchema = z.object({
  discovered: z.array(discoveredModelSchema),
  skipped: z.array(skippedModelPlaceSchema),
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

/**
 * The goal: a model found on this PC (by its {@link discoveredModelSchema} `id`), a preset (with its quantization)
 * or a GGUF file path, a context length and a KV cache type.
 */
export const setupGoalSchema = z.object({
  model: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('discovered'), id: z.string().min(1).max(2048) }),
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
  /** The goal needs it (memory, a line WSL ignores); a swap change that only follows the memory is not needed. */
  needed: z.boolean(),
});

/** A slider's bounds, from what the host has. */
const boundsSchema = z.object({ min: z.number(), max: z.number(), step: z.number().positive() });

/**
 * WSL's memory ceiling against the goal: the RAM the goal needs in WSL, the ceiling WSL runs with now (the file's
 * `memory`, else WSL's default of half the host), the most Headroom would give WSL beside Windows, and the verdicts.
 */
export const setupCeilingSchema = z.object({
  neededBytes: z.number().nonnegative(),
  currentBytes: z.number().nonnegative(),
  maxBytes: z.number().nonnegative(),
  /** The goal fits under the ceiling WSL has now. */
  fitsNow: z.boolean(),
  /** The goal fits at all on this PC (under the most that can be left beside Windows, and in the VRAM). */
  fitsAtMax: z.boolean(),
  /** When it does not: the longest context of the same model that fits (absent when none does). */
  largestContext: z.number().int().positive().optional(),
  /** When it does not: the models found on this PC that fit at their default context, largest first. */
  fittingModels: z
    .array(z.object({ id: z.string(), name: z.string(), ctx: z.number().int().positive() }))
    .optional(),
});

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
  /** The memory ceiling against the goal: what the honest end says ("fits now", "still does not fit"). */
  ceiling: setupCeilingSchema.optional(),
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
/** A {@link discoveredModelSchema} value. */
export type DiscoveredModel = z.infer<typeof discoveredModelSchema>;
/** A {@link modelShapeSchema} value. */
export type DiscoveredModelShape = z.infer<typeof modelShapeSchema>;
/** A {@link skippedModelPlaceSchema} value. */
export type SkippedModelPlace = z.infer<typeof skippedModelPlaceSchema>;
/** A {@link setupGoalSchema} value. */
export type SetupGoal = z.infer<typeof setupGoalSchema>;
/** A {@link setupPlanSchema} value. */
export type SetupPlan = z.infer<typeof setupPlanSchema>;
/** A {@link setupCeilingSchema} value. */
export type SetupCeiling = z.infer<typeof setupCeilingSchema>;
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
