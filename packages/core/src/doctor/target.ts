import type { CaptureFacts } from '../capture/capture-facts';
import { findPreset, planFit, shapeFromPreset, type KvCacheType, type ModelShape } from '../sizing';
import type { TargetNeed } from './rule';

/** The model the user means to run: a preset id, its quantisation, the context length and KV cache type. */
export interface TargetModel {
  readonly model: string;
  readonly contextLength: number;
  readonly quant?: string;
  readonly kv?: KvCacheType;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/**
 * What the target model needs inside WSL on this machine (`headroom fit`'s plan against the host GPU's free VRAM and
 * RAM from the capture), for the memory-ceiling rule. Undefined for an unknown preset or quantisation.
 */
export function targetNeed(target: TargetModel, facts: CaptureFacts): TargetNeed | undefined {
  const preset = findPreset(target.model);
  const quant = target.quant ?? 'Q4_K_M';
  if (!preset) return undefined;
  const shape = shapeFromPreset(preset, quant);
  if (!shape.ok) return undefined;
  return shapeNeed(shape.shape, target.contextLength, target.kv ?? 'f16', facts);
}

/**
 * What a model of known shape needs inside WSL at `ctx` tokens on this machine: the same plan as {@link targetNeed},
 * for any model the setup's goal names (a preset, a GGUF file, a model found in Ollama or a model folder).
 */
export function shapeNeed(
  model: ModelShape,
  ctx: number,
  kvType: KvCacheType,
  facts: CaptureFacts,
): TargetNeed {
  const gpu = facts.hostGpu.query?.ok ? facts.hostGpu.query.value[0] : undefined;
  const freeMiB =
    gpu && gpu.memoryTotalMiB !== null ? gpu.memoryTotalMiB - (gpu.memoryUsedMiB ?? 0) : undefined;
  const plan = planFit({
    model,
    ctx,
    kvType,
    vramFreeGiB: freeMiB === undefined ? undefined : (freeMiB * MiB) / GiB,
    hostRamGiB: facts.host.totalMemoryBytes === undefined ? undefined : facts.host.totalMemoryBytes / GiB,
  });
  return {
    label: `${model.name} at ${ctx} tokens`,
    ramBytes: plan.ramNeeded.value,
    reasoning: `${plan.layersOnGpu.explanation}; ${plan.ramNeeded.explanation}`,
  };
}
