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

/**
 * Sliding-window attention (Gemma 2 and 3): `layers` of the model's layers see only the last `window` tokens.
 */
export interface SlidingWindow {
  readonly window: number;
  /** How many layers use the window (Gemma 2: every other one; Gemma 3: five of every six). */
  readonly layers: number;
}

/** The shape of the attention cache: layers, KV heads and the size of one key and one value head. */
export interface KvShape {
  readonly layers: number;
  readonly kvHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly slidingWindow?: SlidingWindow | undefined;
}

/** llama.cpp's default micro-batch (`-ub`, `n_ubatch`): the tokens one forward pass of a prompt holds. */
export const DEFAULT_UBATCH = 512;

/** llama.cpp sizes its KV cache in steps of 256 cells (`GGML_PAD(…, 256)` in src/llama-kv-cache-iswa.cpp). */
export const KV_CELL_PAD = 256;

/** `value` rounded up to a multiple of `step`. */
export function padTo(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/**
 * The cells the sliding-window layers hold: `pad256(min(n_ctx, n_swa + n_ubatch))`, as
 * ggml-org/llama.cpp src/llama-kv-cache-iswa.cpp sizes the SWA cache for one sequence.
 */
export function windowCells(window: number, ctx: number, ubatch = DEFAULT_UBATCH): number {
  return Math.min(padTo(ctx, KV_CELL_PAD), padTo(window + ubatch, KV_CELL_PAD));
}

function kvPart(shape: KvShape, layers: number, cells: number, type: KvCacheType) {
  const { numerator, denominator, text } = KV_CACHE_TYPES[type];
  const elements = layers * cells * shape.kvHeads * (shape.keyDim + shape.valueDim);
  const bytes = Math.ceil((elements * numerator) / denominator);
  const dims =
    shape.keyDim === shape.valueDim
      ? `2 × ${layers} layers × ${cells} tokens × ${shape.kvHeads} KV heads × ${shape.keyDim} dims`
      : `${layers} layers × ${cells} tokens × ${shape.kvHeads} KV heads × (${shape.keyDim} + ${shape.valueDim}) dims`;
  return { bytes, text: `${dims} × ${text}` };
}

/**
 * The KV cache llama.cpp allocates for a context: K and V for every layer, token and KV head,
 * `2 × layers × context × KV heads × head dim × bytes per element` (the 2 is K plus V), the context padded to 256
 * cells. Layers with a sliding window hold `pad256(min(n_ctx, window + n_ubatch))` cells instead (llama.cpp's iSWA
 * cache), so a Gemma 2 at 8,192 tokens holds 4,608 cells in its window layers.
 */
export function kvCacheBytes(shape: KvShape, ctx: number, type: KvCacheType): Explained<number> {
  const cells = padTo(ctx, KV_CELL_PAD);
  const swa = shape.slidingWindow;
  if (swa === undefined || swa.layers <= 0) {
    const all = kvPart(shape, shape.layers, cells, type);
    return { value: all.bytes, explanation: `KV cache (${type}): ${all.text} = ${formatBytes(all.bytes)}` };
  }
  const full = kvPart(shape, shape.layers - swa.layers, cells, type);
  const window = kvPart(shape, swa.layers, windowCells(swa.window, ctx), type);
  const bytes = full.bytes + window.bytes;
  return {
    value: bytes,
    explanation:
      `KV cache (${type}): ${full.text} + ${window.text} (the ${swa.window}-token sliding window + ` +
      `${DEFAULT_UBATCH} of a batch, padded to 256) = ${formatBytes(bytes)}`,
  };
}
