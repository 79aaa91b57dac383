import { formatBytes, type Explained } from './format';
import { DEFAULT_UBATCH, KV_CELL_PAD, padTo } from './kv-cache';

/** What the compute buffer depends on: the attention heads, the vocabulary and the embedding width. */
export interface ComputeShape {
  readonly heads: number;
  readonly vocab: number;
  readonly embeddingLength: number;
}

/**
 * llama.cpp's compute buffer for one micro-batch (`n_ubatch`, 512 by default), as Headroom estimates it. The
 * largest tensors of the graph are
 * - the logits, `n_ubatch × n_vocab × 4` bytes (f32);
 * - without flash attention, the attention scores KQ, `n_ubatch × n_ctx × n_head × 4` bytes (ik_llama.cpp PR #235
 *   states the KQ tensor's size), next to the f32 mask, `n_ubatch × n_ctx × 4`;
 * - with flash attention, only the f16 mask, `n_ubatch × n_ctx × 2`.
 * Headroom adds them all, plus `n_ubatch × n_embd × 4 × 8` for the smaller activations: its rule of thumb, which
 * stays at or above every llama.cpp run in docs/sizing.md (KQ and the logits are never alive at once, so the sum
 * is an upper bound).
 */
export function computeBufferBytes(
  shape: ComputeShape,
  ctx: number,
  flashAttention: boolean,
  ubatch = DEFAULT_UBATCH,
): Explained<number> {
  const cells = padTo(ctx, KV_CELL_PAD);
  const logits = ubatch * shape.vocab * 4;
  const activations = ubatch * shape.embeddingLength * 4 * 8;
  const logitsText = `${ubatch} × ${shape.vocab} vocab × 4 logits`;
  const activationsText = `${ubatch} × ${shape.embeddingLength} × 4 × 8 activations`;
  if (flashAttention) {
    const mask = ubatch * cells * 2;
    const bytes = logits + mask + activations;
    return {
      value: bytes,
      explanation:
        `Compute buffer (flash attention on): ${logitsText} + ${ubatch} × ${cells} × 2 mask + ${activationsText} = ` +
        `${formatBytes(bytes)} (Headroom's rule of thumb, checked against llama.cpp runs in docs/sizing.md)`,
    };
  }
  const scores = ubatch * cells * (shape.heads + 1) * 4;
  const bytes = scores + logits + activations;
  return {
    value: bytes,
    explanation:
      `Compute buffer (flash attention off): ${ubatch} × ${cells} tokens × (${shape.heads} heads + 1 mask) × 4 ` +
      `attention scores + ${logitsText} + ${activationsText} = ${formatBytes(bytes)} (grows with the context; ` +
      "Headroom's rule of thumb, checked against llama.cpp runs in docs/sizing.md)",
  };
}
