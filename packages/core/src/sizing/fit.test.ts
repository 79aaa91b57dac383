import { describe, expect, it } from 'vitest';
import { FIT_RULES, planFit, type FitInput } from './fit';
import { GB, GIB, MIB } from './format';
import { shapeFromPreset, type ModelShape } from './model-shape';
import { findPreset } from './presets';

function model(id: string, quant = 'Q4_K_M', fileGb?: number): ModelShape {
  const preset = findPreset(id);
  if (!preset) throw new Error(id);
  const shape = shapeFromPreset(preset, quant, fileGb);
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

// Llama 3.1 8B Q4_K_M: token_embd Q4_K 128256 × 4096 × 144/256 bytes, output Q6_K × 210/256
const EMBD_8B = (128_256 * 4096 * 144) / 256;
const OUTPUT_8B = (128_256 * 4096 * 210) / 256;

describe('planFit: the long-context cases of issue 19', () => {
  it('Llama 3.1 8B Q4_K_M at 131072 tokens, flash attention off, needs ≈ 29 GiB, so not all 32 layers on 23.5 GiB', () => {
    const plan = planFit({
      model: model('llama-3.1-8b'),
      ctx: 131_072,
      kvType: 'f16',
      flashAttention: false,
      vramFreeGiB: 23.5,
    });
    // real ≈ 4.58 + 16 + 8.3 compute + 0.5 = 29.4 GiB (token_embd, 0.27 GiB, stays in RAM)
    expect(plan.computeBuffer.value).toBeGreaterThanOrEqual(8.3 * GIB);
    expect(plan.vramForAllLayers.value).toBeGreaterThanOrEqual(29.4 * GIB - EMBD_8B);
    expect(plan.layersOnGpu.value).toBeLessThan(32);
    expect(plan.vramUsed.value).toBeLessThanOrEqual(23.5 * GIB);
  });

  it('Mistral 7B Q4_K_S at 32768 tokens, FA off: at least the CUDA log (KV 4096 MiB, compute 2144 MiB)', () => {
    const plan = planFit({
      model: model('mistral-7b-v0.3', 'Q4_K_S', 4.14),
      ctx: 32_768,
      kvType: 'f16',
      flashAttention: false,
    });
    expect(plan.kvCache.value).toBe(4096 * MIB);
    expect(plan.computeBuffer.value).toBeGreaterThanOrEqual(2144 * MIB);
    expect(plan.computeBuffer.value).toBeLessThanOrEqual(2144 * MIB * 1.15);
  });

  it('Llama 3.1 70B Q4_K_M at 32768 tokens, FA off, 24 GiB free: fewer than 36 layers and within the 24 GiB', () => {
    const plan = planFit({ ...seventyB, ctx: 32_768, flashAttention: false });
    expect(plan.computeBuffer.value).toBeGreaterThanOrEqual(4244 * MIB);
    expect(plan.layersOnGpu.value).toBeLessThan(36);
    expect(plan.layersOnGpu.value).toBeGreaterThan(20);
    expect(plan.vramUsed.value).toBeLessThanOrEqual(24 * GIB);
    expect(plan.llamaCpp.value).toBe(`-ngl ${plan.layersOnGpu.value} -c 32768`);
  });

  it('with flash attention on, the compute buffer is about n_ubatch × n_vocab × 4 whatever the context', () => {
    const at = (id: string, ctx: number) =>
      planFit({ model: model(id), ctx, kvType: 'f16', flashAttention: true }).computeBuffer.value / MIB;
    // llama.cpp: 266 MiB Llama 3, 311 MiB Qwen2.5, 515 MiB Gemma 2 (docs/sizing.md)
    expect(at('llama-3.1-8b', 8192)).toBeGreaterThanOrEqual(266);
    expect(at('llama-3.1-8b', 8192)).toBeLessThan(400);
    expect(at('qwen2.5-7b', 32_768)).toBeGreaterThanOrEqual(311);
    expect(at('gemma-2-9b', 8192)).toBeGreaterThanOrEqual(515);
    expect(at('llama-3.1-8b', 131_072)).toBeLessThan(at('llama-3.1-8b', 8192) + 200);
  });

  it('writes -fa on, never a bare -fa, turns it on for long contexts and tells Ollama users the variable', () => {
    const long = planFit({ model: model('llama-3.1-8b'), ctx: 131_072, kvType: 'f16' });
    expect(long.flashAttention.value).toBe(true);
    expect(long.llamaCpp.value).toBe('-ngl 999 -c 131072 -fa on');
    expect(long.warnings).toContainEqual(expect.stringContaining('OLLAMA_FLASH_ATTENTION=1'));
    const quantized = planFit({ ...seventyB, kvType: 'q8_0' });
    expect(quantized.llamaCpp.value).toMatch(/-fa on -ctk q8_0 -ctv q8_0$/);
    expect(quantized.llamaCpp.value).not.toMatch(/-fa( -|$)/);
    const short = planFit({ model: model('llama-3.1-8b'), ctx: 4096, kvType: 'f16' });
    expect(short.flashAttention.value).toBe(false);
    expect(short.llamaCpp.value).toBe('-ngl 999 -c 4096');
    // sized for off: the attention scores are in the compute buffer
    expect(short.computeBuffer.value).toBeGreaterThanOrEqual(512 * 4096 * 33 * 4);
  });

  it('partial offload: per-layer weights leave out token_embd and output; RAM adds them and the CPU compute buffer', () => {
    const plan = planFit({ model: model('llama-3.1-8b'), ctx: 8192, kvType: 'f16', vramFreeGiB: 4 });
    expect(plan.weightsPerLayer.value).toBeCloseTo((4.92e9 - EMBD_8B - OUTPUT_8B) / 32, 0);
    expect(plan.layersOnGpu.value).toBeLessThan(32);
    expect(plan.ramOffloadExtras.value).toBe(EMBD_8B + OUTPUT_8B + plan.computeBuffer.value);
    expect(plan.ramNeeded.value).toBe(
      plan.ramForCpuLayers.value + plan.ramOffloadExtras.value + plan.ramAllowance.value,
    );
    expect(plan.ramIfCpuOnly.value).toBe(
      4.92e9 + plan.kvCache.value + plan.computeBuffer.value + plan.ramAllowance.value,
    );
    const all = planFit({ model: model('llama-3.1-8b'), ctx: 8192, kvType: 'f16', vramFreeGiB: 24 });
    expect(all.outputOnGpu).toBe(true);
    expect(all.ramOffloadExtras.value).toBe(EMBD_8B);
    expect(all.llamaCpp.value).toBe('-ngl 999 -c 8192');
  });

  it('sizes Gemma 2 window layers as llama.cpp does: pad256(min(n_ctx, 4096 + 512)) cells', () => {
    const plan = planFit({ model: model('gemma-2-9b'), ctx: 8192, kvType: 'f16' });
    // 21 global layers × 8192 + 21 window layers × 4608 cells, × 8 KV heads × 256 × 2 (K, V) × 2 bytes
    expect(plan.kvCache.value).toBe(21 * (8192 + 4608) * 8 * 256 * 2 * 2);
    expect(plan.kvCache.value).toBe(2100 * MIB);
    const short = planFit({ model: model('gemma-2-9b'), ctx: 2048, kvType: 'f16' });
    expect(short.kvCache.value).toBe(42 * 2048 * 8 * 256 * 2 * 2);
  });

  it('fails when the plan needs more VRAM than is free', () => {
    const plan = planFit({
      model: model('llama-3.1-70b'),
      ctx: 131_072,
      kvType: 'f16',
      flashAttention: false,
      vramFreeGiB: 8,
      hostRamGiB: 256,
    });
    expect(plan.vramFits).toBe(false);
    expect(plan.fits).toBe(false);
    expect(plan.warnings).toContainEqual(expect.stringContaining('of VRAM but 8 GiB is free'));
    expect(planFit({ ...seventyB, ctx: 8192 }).fits).toBe(true);
  });

  it("never recommends memory below Headroom's floor", () => {
    const plan = planFit({ ...seventyB, model: model('llama-3.1-8b'), hostRamGiB: 0.5 });
    expect(plan.wslconfig.memory.value).toBe(`${FIT_RULES.minimumWslMemoryGiB}GB`);
    expect(plan.fits).toBe(false);
  });

  it('says what it does not model: Ollama num_ctx × num_parallel and multi-GPU compute buffers', () => {
    const plan = planFit(seventyB);
    expect(plan.warnings).toContainEqual(expect.stringContaining('num_ctx × num_parallel'));
    expect(plan.warnings).toContainEqual(expect.stringContaining('more than one GPU'));
  });
});

describe('planFit: Llama 3.1 70B Q4_K_M, 8192 tokens, f16 KV, on a 24 GiB card with 64 GiB of RAM', () => {
  const plan = planFit(seventyB);

  it('puts as many layers on the GPU as fit beside the compute buffer and the CUDA context', () => {
    expect(plan.kvCache.value).toBe(2.5 * GIB);
    expect(plan.kvPerLayer.value).toBe(32 * MIB);
    expect(plan.gpuOverhead.value).toBe(plan.computeBuffer.value + FIT_RULES.cudaContextBytes);
    const perLayer = plan.weightsPerLayer.value + plan.kvPerLayer.value;
    expect(plan.layersOnGpu.value).toBe(Math.floor((24 * GIB - plan.gpuOverhead.value) / perLayer));
    expect(plan.vramUsed.value).toBeLessThanOrEqual(24 * GIB);
    expect(plan.vramForAllLayers.value).toBeGreaterThan(24 * GIB);
  });

  it('is sane: memory below host RAM, Windows keeps its share, every byte of the model is somewhere', () => {
    const memoryGiB = Number.parseInt(plan.wslconfig.memory.value, 10);
    expect(memoryGiB).toBeLessThan(64);
    expect(64 - memoryGiB).toBeGreaterThanOrEqual(16);
    expect(memoryGiB * GIB).toBeGreaterThanOrEqual(plan.ramNeeded.value);
    const onGpu = plan.vramUsed.value - plan.gpuOverhead.value;
    const inRam = plan.ramForCpuLayers.value + plan.ramOffloadExtras.value - plan.computeBuffer.value;
    expect(onGpu + inRam).toBeCloseTo(plan.weights.value + plan.kvCache.value, 0);
    expect(plan.fits).toBe(true);
  });

  it('explains every number in one line each', () => {
    expect(plan.lines).toContain(
      'KV cache (f16): 2 × 80 layers × 8192 tokens × 8 KV heads × 128 dims × 2 bytes = 2.5 GiB',
    );
    expect(plan.lines).toContainEqual(expect.stringMatching(/^Compute buffer \(flash attention on\): /));
    expect(plan.lines).toContainEqual(expect.stringMatching(/^RAM besides the layers: .* token_embd/));
    expect(plan.warnings).toContainEqual(expect.stringContaining('layers run on the CPU'));
  });
});

describe('planFit', () => {
  it('without free VRAM or host RAM, says what is needed instead of what fits', () => {
    const plan = planFit({ model: model('llama-3.1-8b'), ctx: 8192, kvType: 'f16' });
    expect(plan.vramMode).toBe('needed');
    expect(plan.hostRamMode).toBe('needed');
    expect(plan.layersOnGpu.value).toBe(32);
    expect(plan.vramForAllLayers.value).toBe(
      4.92e9 - EMBD_8B + 1 * GIB + plan.computeBuffer.value + FIT_RULES.cudaContextBytes,
    );
    expect(plan.windowsKeeps).toBeUndefined();
    expect(plan.wslconfig.memory.value).toBe('8GB');
    expect(plan.wslconfig.swap.value).toBe('2GB');
    expect(plan.warnings).toContainEqual(expect.stringContaining('no free VRAM given'));
    expect(plan.fits).toBe(true);
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

  it('puts no layer on a GPU with less free VRAM than the overhead, and fails', () => {
    const plan = planFit({ ...seventyB, vramFreeGiB: 0.5 });
    expect(plan.layersOnGpu.value).toBe(0);
    expect(plan.layersOnGpu.explanation).toMatch(/^Layers on the GPU: 0 \(0.5 GiB free is not more than/);
    expect(plan.fits).toBe(false);
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
    expect(plan.wslconfig.swap.value).toBe('8GB');
    expect(plan.warnings).toContain(
      '65536 tokens is more than the 32768 Qwen2.5 72B Instruct Q4_K_M was trained for',
    );
  });

  it('sizes a quantized KV cache with flash attention on', () => {
    const plan = planFit({ ...seventyB, kvType: 'q8_0' });
    expect(plan.kvCache.value).toBe(2.5 * GIB * (34 / 64));
    expect(plan.flashAttention.value).toBe(true);
    expect(plan.llamaCpp.explanation).toContain('-fa on');
  });

  it('keeps a file size given in GB', () => {
    expect(model('llama-3.1-8b', 'Q4_K_M', 5).weightsBytes).toBe(5 * GB);
  });
});
