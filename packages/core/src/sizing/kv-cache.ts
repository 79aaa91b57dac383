import { formatBytes, type Explained } from './format';

/** The KV cache element types llama.cpp offers for `--cache-type-k` / `--cache-type-v` that Headroom sizes. */
export type KvCacheType = 'f16' | 'q8_0' | 'q4_0';

/**
 * Bytes per cached element as a fraction: f16 is 2 bytes; q8_0 stores 32 elements in a 34-byte block and q4_0 in an
 * 18-byte block (`GGML_QUANT_SIZES` in ggml-org/llama.cpp gguf-py/gguf/constants.py), so ×0.53 and ×0.28 of f16.
 */
export const KV_CACHE_TYPES: Readonly<
  Record<KvCacheType, { readonly numerator: number; readonly denominator: number; readonly text: string }>
> = {
  f16: { numerator: 2, denominator: 1, text: '2 bytes' },
  q8_0: { numerator: 34, denominator: 32, text: '34/32 bytes' },
  q4_0: { numerator: 18, denominator: 32, text: '18/32 bytes' },
};

/** Whether a string names a KV cache type Headroom sizes. */
export function isKvCacheType(text: string): text is KvCacheType {
  return Object.hasOwn(KV_CACHE_TYPES, text);
}

/** The shape of the attention cache: layers, KV heads and the size of one key and one value head. */
export interface KvShape {
  readonly layers: number;
  readonly kvHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
}

/**
 * The KV cache llama.cpp allocates for a context: K and V for every layer, token and KV head,
 * `2 × layers × context × KV heads × head dim × bytes per element` (the 2 is K plus V). Every layer is counted at the
 * full context, which is exact for Llama, Qwen 2.5 and Mistral v0.3 and an upper bound for models with
 * sliding-window layers (Gemma 2).
 */
export function kvCacheBytes(shape: KvShape, ctx: number, type: KvCacheType): Explained<number> {
  const { numerator, denominator, text } = KV_CACHE_TYPES[type];
  const elements = shape.layers * ctx * shape.kvHeads * (shape.keyDim + shape.valueDim);
  const bytes = Math.ceil((elements * numerator) / denominator);
  const dims =
    shape.keyDim === shape.valueDim
      ? `2 × ${shape.layers} layers × ${ctx} tokens × ${shape.kvHeads} KV heads × ${shape.keyDim} dims`
      : `${shape.layers} layers × ${ctx} tokens × ${shape.kvHeads} KV heads × (${shape.keyDim} + ${shape.valueDim}) dims`;
  return { value: bytes, explanation: `KV cache (${type}): ${dims} × ${text} = ${formatBytes(bytes)}` };
}
