import { describe, expect, it } from 'vitest';
import { planFit } from './fit';
import { GB, MIB } from './format';
import { shapeFromPreset } from './model-shape';
import { findPreset } from './presets';
import measured from './testdata/measured.json';

// The table of docs/sizing.md, as `npm run sizing:measure` wrote it: llama.cpp's own KV and compute buffers for
// each model, context and flash-attention setting. fit's VRAM may be above a run by at most 15 %, never below it.
describe('planFit against llama.cpp runs (docs/sizing.md)', () => {
  it('holds at least 8 cases, with flash attention on and off', () => {
    expect(measured.cases.length).toBeGreaterThanOrEqual(8);
    expect(new Set(measured.cases.map((item) => item.flashAttention))).toEqual(new Set([true, false]));
  });

  it.each(measured.cases)('$id: fit is within −0 % / +15 % of llama.cpp', (item) => {
    const preset = findPreset(item.presetId);
    if (preset === undefined) throw new Error(item.presetId);
    const shape = shapeFromPreset(preset, item.quant, item.weightsBytes / GB);
    if (!shape.ok) throw new Error(shape.reason);
    const plan = planFit({
      model: shape.shape,
      ctx: item.ctx,
      kvType: 'f16',
      flashAttention: item.flashAttention,
    });
    const gpuWeights = plan.vramForAllLayers.value - plan.kvCache.value - plan.gpuOverhead.value;
    const real = gpuWeights + (item.kvMiB + item.computeMiB) * MIB;
    const fit = gpuWeights + plan.kvCache.value + plan.computeBuffer.value;
    expect(fit / real).toBeGreaterThanOrEqual(1);
    expect(fit / real).toBeLessThanOrEqual(1.15);
    // the KV cache is exact, sliding window included
    expect(plan.kvCache.value).toBe(item.kvMiB * MIB);
  });

  it('matches the public CUDA log of Mistral 7B at 32768 tokens, flash attention off (KV 4096, compute 2144 MiB)', () => {
    const item = measured.cases.find((entry) => 'publicLog' in entry);
    expect(item?.kvMiB).toBe(4096);
    expect(item?.computeMiB).toBeGreaterThanOrEqual(2144 * 0.95);
    expect(item?.computeMiB).toBeLessThanOrEqual(2144 * 1.05);
  });
});
