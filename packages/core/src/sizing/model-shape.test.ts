import { describe, expect, it } from 'vitest';
import { type GgufInfo } from './gguf';
import { shapeFromCustom, shapeFromGguf, shapeFromPreset } from './model-shape';
import { findPreset } from './presets';

function preset(id: string) {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe('model shapes', () => {
  it('from a preset: the file size as weights, the head dim for keys and values', () => {
    const shape = shapeFromPreset(preset('gemma-2-27b'), 'Q4_K_M');
    expect(shape.ok && shape.shape).toMatchObject({
      layers: 46,
      kvHeads: 16,
      keyDim: 128,
      valueDim: 128,
      maxContext: 8192,
      weightsBytes: 16.65e9,
    });
    expect(shapeFromPreset(preset('gemma-2-27b'), 'Q2_K')).toEqual({
      ok: false,
      reason: expect.stringContaining('has no Q2_K file size recorded; known: Q4_K_M, Q8_0') as unknown,
    });
  });

  it('from custom numbers, refusing nonsense', () => {
    const shape = shapeFromCustom({ layers: 40, kvHeads: 8, headDim: 128, fileGb: 20 });
    expect(shape.ok && shape.shape.weightsBytes).toBe(20e9);
    expect(shapeFromCustom({ layers: 0, kvHeads: 8, headDim: 128, fileGb: 20 })).toEqual({
      ok: false,
      reason: 'the layers must be a whole number above 0',
    });
  });

  const info: GgufInfo = {
    version: 3,
    architecture: 'gemma2',
    name: 'Gemma 2 27b It',
    blockCount: 46,
    headCount: 32,
    headCountKv: 16,
    embeddingLength: 4608,
    keyLength: 128,
    valueLength: undefined,
    contextLength: 8192,
    vocabSize: 256_000,
    slidingWindow: 4096,
    tokenEmbdBytes: 1_000_000_000,
    outputBytes: undefined,
    fileType: 15,
    fileTypeName: 'Q4_K_M',
    tensorCount: 508,
    metadataCount: 40,
    alignment: 32,
    tensorInfosRead: 508,
    tensorTypes: {},
    dataOffset: 6_000_000,
    tensorBytes: 16_600_000_000,
    tensorBytesSource: 'tensor-infos',
    splitCount: undefined,
    metadata: new Map(),
    notes: [],
  };

  it('from a GGUF header: key_length over embedding ÷ heads, tensor bytes over file size', () => {
    const shape = shapeFromGguf(info, 16_650_000_000, 'gemma.gguf');
    expect(shape.ok && shape.shape).toMatchObject({
      name: 'Gemma 2 27b It Q4_K_M',
      layers: 46,
      kvHeads: 16,
      keyDim: 128,
      valueDim: 128,
      weightsBytes: 16_600_000_000,
    });
    // gemma2: every other layer uses the window; the tied embedding has a copy on the GPU
    expect(shape.ok && shape.shape).toMatchObject({
      heads: 32,
      vocab: 256_000,
      slidingWindow: { window: 4096, layers: 23 },
      tokenEmbdBytes: 1e9,
      outputBytes: 0,
      tiedEmbeddings: true,
    });
    const llama = shapeFromGguf(
      { ...info, architecture: 'mistral3', slidingWindow: 4096, outputBytes: 2e8 },
      1e10,
      'm.gguf',
    );
    expect(llama.ok && llama.shape.slidingWindow).toBeUndefined();
    expect(llama.ok && llama.shape.notes.join()).toContain('sliding_window is 4096');
    const derived = shapeFromGguf({ ...info, keyLength: undefined, tensorBytes: undefined }, 1e9, 'x.gguf');
    expect(derived.ok && derived.shape).toMatchObject({ keyDim: 144, weightsBytes: 1e9 });
    const split = { ...info, splitCount: 2 };
    expect(shapeFromGguf(split, 40e9, 'q8-00001-of-00002.gguf')).toEqual({
      ok: false,
      reason:
        'q8-00001-of-00002.gguf is one of 2 files of a split model and holds only its own tensors; ' +
        'give the total size of all parts with --file-gb N',
    });
    const total = shapeFromGguf(split, 40e9, 'q8-00001-of-00002.gguf', 77.3);
    expect(total.ok && total.shape.weightsBytes).toBe(77.3e9);
    expect(shapeFromGguf({ ...info, blockCount: undefined }, 1e9, 'x.gguf')).toEqual({
      ok: false,
      reason: 'x.gguf has no gemma2.block_count (the layer count), which sizing needs',
    });
  });
});
