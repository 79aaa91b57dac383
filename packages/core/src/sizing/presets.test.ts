import { describe, expect, it } from 'vitest';
import { GB, GIB } from './format';
import { kvCacheBytes } from './kv-cache';
import { shapeFromPreset } from './model-shape';
import { findPreset, MODEL_PRESETS, presetIds } from './presets';

function preset(id: string) {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe('MODEL_PRESETS', () => {
  it('has the cited GGUF sizes: 70B Q4_K_M 42.52 GB (not ~20 GB), 8B Q4_K_M 4.92 GB', () => {
    expect(preset('llama-3.1-70b').files.Q4_K_M?.gb).toBe(42.52);
    expect(preset('llama-3.1-70b').files.Q8_0?.gb).toBe(74.98);
    expect(preset('llama-3.1-8b').files.Q4_K_M?.gb).toBe(4.92);
    expect(preset('llama-3.1-8b').files.Q8_0?.gb).toBe(8.54);
    expect(4.92 * GB).toBeCloseTo(4.58 * GIB, -7);
  });

  it('has the cited Llama 3.1 shapes, which give the KV figures of docs/gpu-tools.md', () => {
    for (const [id, at8k, at128k] of [
      ['llama-3.1-8b', 1, 16],
      ['llama-3.1-70b', 2.5, 40],
    ] as const) {
      const { layers, kvHeads, headDim } = preset(id);
      const shape = { layers, kvHeads, keyDim: headDim, valueDim: headDim };
      expect(kvCacheBytes(shape, 8192, 'f16').value).toBe(at8k * GIB);
      expect(kvCacheBytes(shape, 131_072, 'f16').value).toBe(at128k * GIB);
    }
  });

  it('covers the asked-for models, each with a source per number and Q4_K_M and Q8_0 entries', () => {
    expect(presetIds()).toEqual([
      'llama-3.1-8b',
      'llama-3.1-70b',
      'qwen2.5-7b',
      'qwen2.5-14b',
      'qwen2.5-32b',
      'qwen2.5-72b',
      'mistral-7b-v0.3',
      'gemma-2-9b',
      'gemma-2-27b',
      'custom',
    ]);
    for (const model of MODEL_PRESETS) {
      expect(model.sources.length, model.id).toBeGreaterThan(0);
      expect(
        model.sources.some((source) => source.startsWith('https://')),
        model.id,
      ).toBe(true);
      expect(model.heads % model.kvHeads, model.id).toBe(0);
      for (const quant of ['Q4_K_M', 'Q8_0']) {
        const file = model.files[quant];
        expect(file, `${model.id} ${quant}`).toBeDefined();
        expect(file?.source, `${model.id} ${quant}`).toMatch(/https:\/\//);
        // A size is either cited or explicitly unverified, never silently missing.
        expect(file?.gb !== undefined || file?.fileSizeUnverified === true, `${model.id} ${quant}`).toBe(
          true,
        );
      }
    }
  });

  it('marks the one size it could not verify instead of guessing it', () => {
    expect(preset('qwen2.5-72b').files.Q8_0).toMatchObject({ gb: undefined, fileSizeUnverified: true });
    const shape = shapeFromPreset(preset('qwen2.5-72b'), 'Q8_0');
    expect(shape).toEqual({ ok: false, reason: expect.stringContaining('--file-gb') as unknown });
    const given = shapeFromPreset(preset('qwen2.5-72b'), 'Q8_0', 77);
    expect(given.ok && given.shape.weightsBytes).toBe(77e9);
  });

  it('finds presets whatever the case and separators', () => {
    expect(findPreset('Llama-3.1-8B')?.id).toBe('llama-3.1-8b');
    expect(findPreset('qwen2.5:7b')?.id).toBe('qwen2.5-7b');
    expect(findPreset('gpt-4')).toBeUndefined();
  });
});
