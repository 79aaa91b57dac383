import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shapeFromGguf } from '../sizing/model-shape';
import { ollamaDefaultContext, parseOllamaShow, parseOllamaTags, llamaCppDefaultContext } from './ollama-api';

/** Ollama's API docs' own examples (testdata/README.md says where from). */
const tags: unknown = JSON.parse(
  readFileSync(new URL('testdata/ollama-api-tags.json', import.meta.url), 'utf8'),
);
const show: unknown = JSON.parse(
  readFileSync(new URL('testdata/ollama-api-show.json', import.meta.url), 'utf8'),
);

describe('Ollama /api/tags', () => {
  it("lists the docs' two models with their size, time and quantization", () => {
    expect(parseOllamaTags(tags)).toEqual([
      {
        name: 'codellama:13b',
        sizeBytes: 7365960935,
        modifiedAt: '2023-11-04T14:56:49.277302595-07:00',
        quant: 'Q4_0',
        parameterSize: '13B',
      },
      {
        name: 'llama3:latest',
        sizeBytes: 3825819519,
        modifiedAt: '2023-12-07T09:32:18.757212583-08:00',
        quant: 'Q4_0',
        parameterSize: '7B',
      },
    ]);
  });

  it('reads anything else as no answer, and skips entries without a name or size', () => {
    expect(parseOllamaTags({ error: 'not found' })).toBeUndefined();
    expect(parseOllamaTags('<html>')).toBeUndefined();
    expect(parseOllamaTags({ models: [{ name: 'x' }, { size: 3 }] })).toEqual([]);
  });
});

describe('Ollama /api/show', () => {
  it("reads model_info's GGUF keys into the shape sizing uses", () => {
    const read = parseOllamaShow(show);
    expect(read?.info).toMatchObject({
      architecture: 'llama',
      blockCount: 32,
      headCount: 32,
      headCountKv: 8,
      embeddingLength: 4096,
      contextLength: 8192,
      vocabSize: 128256,
      fileTypeName: 'Q4_0',
    });
    // The docs' example sets no num_ctx in `parameters` (its Modelfile's PARAMETER line is not a parameter).
    expect(read?.numCtx).toBeUndefined();
    if (!read) throw new Error('no answer');
    const shape = shapeFromGguf(read.info, 4_661_224_676, 'llama3.2', 4.661224676);
    expect(shape.ok && shape.shape).toMatchObject({ layers: 32, kvHeads: 8, keyDim: 128, maxContext: 8192 });
  });

  it('takes num_ctx from the parameters when the model sets it', () => {
    const withCtx = { ...(show as object), parameters: 'num_ctx                        16384\nstop "x"' };
    expect(parseOllamaShow(withCtx)?.numCtx).toBe(16384);
  });

  it('is no answer without model_info', () => {
    expect(parseOllamaShow({ modelfile: 'FROM x' })).toBeUndefined();
  });
});

describe('the context a runtime uses by default', () => {
  it("is Ollama's VRAM default, never more than the model was trained for", () => {
    expect(ollamaDefaultContext(undefined, 24_564, 131_072).tokens).toBe(4096);
    expect(ollamaDefaultContext(undefined, 32_768, 131_072).tokens).toBe(32_768);
    const big = ollamaDefaultContext(undefined, 81_920, 131_072);
    expect(big.tokens).toBe(131_072);
    expect(big.why).toContain('at most the 131072 the model was trained for');
    expect(ollamaDefaultContext(undefined, 24_564, 131_072).why).toContain('under 24 GiB');
  });

  it("is the model's own num_ctx when it sets one", () => {
    const own = ollamaDefaultContext(16_384, 24_564, 131_072);
    expect(own.tokens).toBe(16_384);
    expect(own.why).toContain('num_ctx');
  });

  it("is the trained context for llama.cpp, or Headroom's rule of thumb without one", () => {
    expect(llamaCppDefaultContext(131_072).tokens).toBe(131_072);
    const unknown = llamaCppDefaultContext(undefined);
    expect(unknown.tokens).toBe(4096);
    expect(unknown.why).toContain("Headroom's rule of thumb");
  });
});
