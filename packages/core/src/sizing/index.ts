/** Sizing a local LLM: the GGUF reader, model presets, the KV cache formula and the VRAM/RAM/.wslconfig plan. */
export {
  ggufModelFacts,
  readGguf,
  type GgufArray,
  type GgufInfo,
  type GgufModelFacts,
  type GgufValue,
} from './gguf';
export {
  GGML_TYPES,
  GGUF_VALUE_TYPES,
  llamaFileTypeName,
  type GgmlType,
  type GgufValueTypeName,
} from './gguf-types';
export {
  writeGguf,
  type GgufWriteEntry,
  type GgufWriteSpec,
  type GgufWriteTensor,
  type GgufWriteValue,
} from './gguf-writer';
export { formatBytes, formatGB, formatGiB, GB, GIB, MIB, type Explained } from './format';
export {
  DEFAULT_UBATCH,
  isKvCacheType,
  KV_CACHE_TYPES,
  kvCacheBytes,
  windowCells,
  type KvCacheType,
  type KvShape,
  type SlidingWindow,
} from './kv-cache';
export { computeBufferBytes, type ComputeShape } from './compute-buffer';
export {
  CUSTOM_PRESET_ID,
  findPreset,
  MODEL_PRESETS,
  presetIds,
  type ModelPreset,
  type PresetFile,
} from './presets';
export {
  CUSTOM_DEFAULTS,
  shapeFromCustom,
  shapeFromGguf,
  shapeFromPreset,
  type CustomModel,
  type ModelShape,
  type ShapeResult,
} from './model-shape';
export { FIT_RULES, planFit, type FitInput, type FitPlan, type WslConfigAdvice } from './fit';
export { goalCeiling, largestFittingContext, type GoalCeiling } from './goal-ceiling';
