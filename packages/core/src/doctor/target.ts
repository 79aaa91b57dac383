import type { CaptureFacts } from '../capture/capture-facts';
import { findPreset, planFit, shapeFromPreset, type KvCacheType } from '../sizing';
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
  const gpu = facts.hostGpu.query?.ok ? facts.hostGpu.query.value[0] : undefined;
  const freeMiB =
    gpu && gpu.memoryTotalMiB !== null ? gpu.memoryTotalMiB - (gpu.memoryUsedMiB ?? 0) : undefined;
  const plan = planFit({
    model: shape.shape,
    ctx: target.contextLength,
    kvType: target.kv ?? 'f16',
    vramFreeGiB: freeMiB === undefined ? undefined : (freeMiB * MiB) / GiB,
    hostRamGiB: facts.host.totalMemoryBytes === undefined ? undefined : facts.host.totalMemoryBytes / GiB,
  });
  return {
    label: `${preset.name} ${quant} at ${target.contextLength} tokens`,
    ramBytes: plan.ramNeeded.value,
    reasoning: `${plan.layersOnGpu.explanation}; ${plan.ramNeeded.explanation}`,
  };
}
