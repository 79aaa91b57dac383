import { describe, expect, it } from 'vitest';
import { FIT_RULES, planFit, type FitInput } from './fit';
import { GIB } from './format';
import { shapeFromPreset, type ModelShape } from './model-shape';
import { findPreset } from './presets';

function model(id: string, quant = 'Q4_K_M'): ModelShape {
  const preset = findPreset(id);
  if (!preset) throw new Error(id);
  const shape = shapeFromPreset(preset, quant);
  if (!shape.ok) throw new Error(shape.reason);
  return shape.shape;
}

const seventyB: FitInput = {
  model: model('llama-3.1-70b'),
  ctx: 8192,
  kvType: 'f16',
  vramFreeGiB: 24,
  hostRamGiB: 64,
};

describe('planFit: Llama 3.1 70B Q4_K_M, 8192 tokens, f16 KV, on a 24 GiB card with 64 GiB of RAM', () => {
  const plan = planFit(seventyB);

  it('puts 42 of 80 layers on the GPU by the documented rule', () => {
    // (24 GiB − 1.5 GiB overhead) ÷ (42.52e9 / 80 weights + 2.5 GiB / 80 KV) = 42.76 → 42
    expect(plan.weightsPerLayer.value).toBe(531_500_000);
    expect(plan.kvCache.value).toBe(2.5 * GIB);
    expect(plan.kvPerLayer.value).toBe(32 * 2 ** 20);
    expect(plan.gpuOverhead.value).toBe(1.5 * GIB);
    expect(plan.layersOnGpu.value).toBe(42);
    expect(plan.layersOnGpu.value).toBeLessThan(80);
    expect(plan.vramUsed.value).toBeLessThanOrEqual(24 * GIB);
    expect(plan.vramForAllLayers.value).toBeGreaterThan(24 * GIB);
    expect(plan.llamaCpp.value).toBe('-ngl 42 -c 8192');
  });

  it('needs 23 GiB inside WSL for the 38 CPU layers plus the allowance, and recommends memory=23GB, swap=6GB', () => {
    expect(plan.ramForCpuLayers.value).toBe(38 * (531_500_000 + 32 * 2 ** 20));
    expect(plan.ramAllowance.value).toBe(FIT_RULES.hostRuntimeBytes + FIT_RULES.linuxBaselineBytes);
    expect(plan.ramNeeded.value).toBe(38 * (531_500_000 + 32 * 2 ** 20) + 3 * GIB);
    expect(plan.windowsKeeps?.value).toBe(16 * GIB);
    expect(plan.wslMemoryCap?.value).toBe(48 * GIB);
    expect(plan.wslconfig.memory.value).toBe('23GB');
    expect(plan.wslconfig.swap.value).toBe('6GB');
    expect(plan.wslconfig.processors.value).toBeUndefined();
    expect(plan.fits).toBe(true);
  });

  it('is sane: memory below host RAM, Windows keeps its share, the sum adds up', () => {
    const memoryGiB = Number.parseInt(plan.wslconfig.memory.value, 10);
    expect(memoryGiB).toBeLessThan(64);
    expect(64 - memoryGiB).toBeGreaterThanOrEqual(16);
    expect(memoryGiB * GIB).toBeGreaterThanOrEqual(plan.ramNeeded.value);
    expect(plan.ramForCpuLayers.value + (plan.vramUsed.value - plan.gpuOverhead.value)).toBeCloseTo(
      plan.weights.value + plan.kvCache.value,
      0,
    );
  });

  it('explains every number in one line each', () => {
    expect(plan.lines).toContain(
      'KV cache (f16): 2 × 80 layers × 8192 tokens × 8 KV heads × 128 dims × 2 bytes = 2.5 GiB',
    );
    expect(plan.lines).toContain(
      'Layers on the GPU: (24 GiB free − 1.5 GiB overhead) ÷ (506.88 MiB weights + 32 MiB KV per layer) = 42.76 → 42 of 80',
    );
    expect(plan.lines).toContain('RAM needed inside WSL: 20 GiB + 3 GiB = 23 GiB');
    expect(plan.lines).toContain('memory=23GB: 23 GiB needed, rounded up to whole GB (WSL reads GB as GiB)');
    expect(plan.lines).toContain(
      'Windows keeps: max(8 GiB, 25 % of 64 GiB) = 16 GiB ' +
        "(its desktop, browser and GPU driver; WSL's memory= may otherwise take up to all of RAM)",
    );
    expect(plan.warnings).toEqual([expect.stringContaining('38 of 80 layers run on the CPU')]);
  });
});

describe('planFit', () => {
  it('without free VRAM or host RAM, says what is needed instead of what fits', () => {
    const plan = planFit({ model: model('llama-3.1-8b'), ctx: 8192, kvType: 'f16' });
    expect(plan.vramMode).toBe('needed');
    expect(plan.hostRamMode).toBe('needed');
    expect(plan.layersOnGpu.value).toBe(32);
    expect(plan.vramForAllLayers.value).toBe(4.92e9 + 1 * GIB + 1.5 * GIB);
    expect(plan.ramIfCpuOnly.value).toBe(4.92e9 + 1 * GIB + 3 * GIB);
    expect(plan.lines).toContain(
      'RAM with no layer on the GPU: 4.58 GiB weights + 1 GiB KV cache + 3 GiB = 8.58 GiB',
    );
    expect(plan.windowsKeeps).toBeUndefined();
    expect(plan.wslconfig.memory.value).toBe('8GB');
    expect(plan.wslconfig.swap.value).toBe('2GB');
    expect(plan.llamaCpp.value).toBe('-ngl 999 -c 8192');
    expect(plan.warnings).toEqual([
      'no free VRAM given: planned with every layer on the GPU, which needs 7.08 GiB free',
      expect.stringContaining('no host RAM given'),
    ]);
  });

  it('reports what does not fit, capping memory at what Windows can spare', () => {
    const plan = planFit({
      ...seventyB,
      model: model('llama-3.1-70b', 'Q8_0'),
      vramFreeGiB: 8,
      hostRamGiB: 32,
    });
    expect(plan.windowsKeeps?.value).toBe(8 * GIB);
    expect(plan.wslconfig.memory.value).toBe('24GB');
    expect(plan.fits).toBe(false);
    expect(plan.warnings).toContainEqual(
      expect.stringContaining('do not fit in the 24 GiB Windows can spare'),
    );
  });

  it('puts no layer on a GPU with less free VRAM than the overhead', () => {
    const plan = planFit({ ...seventyB, vramFreeGiB: 1 });
    expect(plan.layersOnGpu.value).toBe(0);
    expect(plan.layersOnGpu.explanation).toBe(
      'Layers on the GPU: 0 (1 GiB free is not more than the 1.5 GiB overhead)',
    );
  });

  it('keeps two logical processors for Windows when the count is known', () => {
    expect(planFit({ ...seventyB, hostLogicalProcessors: 16 }).wslconfig.processors.value).toBe('14');
    expect(planFit({ ...seventyB, hostLogicalProcessors: 2 }).wslconfig.processors.value).toBe('2');
  });

  it('caps swap at 8GB and warns past the trained context', () => {
    const plan = planFit({
      ...seventyB,
      model: model('qwen2.5-72b'),
      ctx: 65_536,
      vramFreeGiB: 4,
      hostRamGiB: 128,
    });
    expect(plan.wslconfig.memory.value).toBe('65GB');
    expect(plan.wslconfig.swap.value).toBe('8GB');
    expect(plan.warnings).toContain(
      '65536 tokens is more than the 32768 Qwen2.5 72B Instruct Q4_K_M was trained for',
    );
  });

  it('asks for flash attention with a quantized KV cache', () => {
    const plan = planFit({ ...seventyB, kvType: 'q8_0' });
    expect(plan.kvCache.value).toBe(2.5 * GIB * (34 / 64));
    expect(plan.llamaCpp.value).toBe('-ngl 43 -c 8192 -ctk q8_0 -ctv q8_0 -fa');
    expect(plan.llamaCpp.explanation).toContain('needs flash attention');
  });
});
