import { GGML_TYPES, type GgufWriteEntry, type GgufWriteTensor } from '@headroom/core';

/**
 * The models `npm run sizing:measure` builds: each model's hyper-parameters (from its config.json, the same pages the
 * presets in packages/core/src/sizing/presets.ts cite) and the tensors llama.cpp's converter writes for it, with the
 * ggml types llama.cpp's quantizer picks (`llama_tensor_get_type` in ggml-org/llama.cpp src/llama-quant.cpp).
 */

/** A model to build: the preset it stands for and what its GGUF needs. */
export interface ArchSpec {
  readonly presetId: string;
  readonly architecture: 'llama' | 'qwen2' | 'gemma2';
  readonly name: string;
  readonly layers: number;
  readonly embedding: number;
  readonly feedForward: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly vocab: number;
  readonly contextLength: number;
  readonly ropeTheta: number;
  /** Gemma 2: the sliding window of every other layer. */
  readonly slidingWindow?: number;
  /** Whether the output projection is the token embedding (Gemma): no `output.weight` tensor. */
  readonly tiedEmbeddings: boolean;
}

/** The models measured, by preset id. */
export const ARCHITECTURES: Readonly<Record<string, ArchSpec>> = {
  'llama-3.1-8b': {
    presetId: 'llama-3.1-8b',
    architecture: 'llama',
    name: 'Llama 3.1 8B Instruct',
    layers: 32,
    embedding: 4096,
    feedForward: 14_336,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    vocab: 128_256,
    contextLength: 131_072,
    ropeTheta: 500_000,
    tiedEmbeddings: false,
  },
  'llama-3.1-70b': {
    presetId: 'llama-3.1-70b',
    architecture: 'llama',
    name: 'Llama 3.1 70B Instruct',
    layers: 80,
    embedding: 8192,
    feedForward: 28_672,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    vocab: 128_256,
    contextLength: 131_072,
    ropeTheta: 500_000,
    tiedEmbeddings: false,
  },
  'mistral-7b-v0.3': {
    presetId: 'mistral-7b-v0.3',
    architecture: 'llama',
    name: 'Mistral 7B Instruct v0.3',
    layers: 32,
    embedding: 4096,
    feedForward: 14_336,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    vocab: 32_768,
    contextLength: 32_768,
    ropeTheta: 1_000_000,
    tiedEmbeddings: false,
  },
  'qwen2.5-7b': {
    presetId: 'qwen2.5-7b',
    architecture: 'qwen2',
    name: 'Qwen2.5 7B Instruct',
    layers: 28,
    embedding: 3584,
    feedForward: 18_944,
    heads: 28,
    kvHeads: 4,
    headDim: 128,
    vocab: 152_064,
    contextLength: 32_768,
    ropeTheta: 1_000_000,
    tiedEmbeddings: false,
  },
  'gemma-2-9b': {
    presetId: 'gemma-2-9b',
    architecture: 'gemma2',
    name: 'Gemma 2 9B IT',
    layers: 42,
    embedding: 3584,
    feedForward: 14_336,
    heads: 16,
    kvHeads: 8,
    headDim: 256,
    vocab: 256_000,
    contextLength: 8192,
    ropeTheta: 10_000,
    slidingWindow: 4096,
    tiedEmbeddings: true,
  },
};

const TYPE_ID = new Map([...GGML_TYPES].map(([id, type]) => [type.name, id]));

function typeId(name: string): number {
  const id = TYPE_ID.get(name);
  if (id === undefined) throw new Error(`no ggml type ${name}`);
  return id;
}

/** llama.cpp's `use_more_bits`: the first and last eighth of the layers and every third one between get more bits. */
function useMoreBits(index: number, count: number): boolean {
  return index < count / 8 || index >= (7 * count) / 8 || (index - count / 8) % 3 === 2;
}

/** The quantizations the tool writes. */
export type Quant = 'Q4_K_M' | 'Q4_K_S';

/** The ggml type of one weight matrix at a quantization, as llama.cpp's quantizer picks it (simplified). */
function matrixType(
  quant: Quant,
  role: 'attn_v' | 'ffn_down' | 'other',
  layer: number,
  layers: number,
): string {
  if (role === 'attn_v') {
    if (quant === 'Q4_K_M') return useMoreBits(layer, layers) ? 'Q6_K' : 'Q4_K';
    return layer < 4 ? 'Q5_K' : 'Q4_K';
  }
  if (role === 'ffn_down') {
    if (quant === 'Q4_K_M') return useMoreBits(layer, layers) ? 'Q6_K' : 'Q4_K';
    return layer < layers / 8 ? 'Q5_K' : 'Q4_K';
  }
  return 'Q4_K';
}

/**
 * The tensor infos of a model at a quantization, in the converter's order. `storeAs` replaces the type of every
 * Q4_K and Q5_K matrix in the file written (see measure.ts: the CPU build repacks those into RAM at load).
 */
export function tensorsOf(spec: ArchSpec, quant: Quant, storeAs?: string): GgufWriteTensor[] {
  const { embedding: e, feedForward: ff, heads, kvHeads, headDim, vocab, layers } = spec;
  const tensors: GgufWriteTensor[] = [];
  const add = (name: string, dims: number[], type: string): void => {
    const stored = storeAs !== undefined && (type === 'Q4_K' || type === 'Q5_K') ? storeAs : type;
    tensors.push({ name, dims, type: typeId(stored) });
  };
  // A tied embedding doubles as the output projection, which the quantizer gives Q6_K.
  add('token_embd.weight', [e, vocab], spec.tiedEmbeddings ? 'Q6_K' : 'Q4_K');
  for (let layer = 0; layer < layers; layer += 1) {
    const p = `blk.${layer}`;
    add(`${p}.attn_norm.weight`, [e], 'F32');
    add(`${p}.attn_q.weight`, [e, heads * headDim], 'Q4_K');
    add(`${p}.attn_k.weight`, [e, kvHeads * headDim], 'Q4_K');
    add(`${p}.attn_v.weight`, [e, kvHeads * headDim], matrixType(quant, 'attn_v', layer, layers));
    if (spec.architecture === 'qwen2') {
      add(`${p}.attn_q.bias`, [heads * headDim], 'F32');
      add(`${p}.attn_k.bias`, [kvHeads * headDim], 'F32');
      add(`${p}.attn_v.bias`, [kvHeads * headDim], 'F32');
    }
    add(`${p}.attn_output.weight`, [heads * headDim, e], 'Q4_K');
    if (spec.architecture === 'gemma2') add(`${p}.post_attention_norm.weight`, [e], 'F32');
    add(`${p}.ffn_norm.weight`, [e], 'F32');
    add(`${p}.ffn_gate.weight`, [e, ff], 'Q4_K');
    add(`${p}.ffn_up.weight`, [e, ff], 'Q4_K');
    add(`${p}.ffn_down.weight`, [ff, e], matrixType(quant, 'ffn_down', layer, layers));
    if (spec.architecture === 'gemma2') add(`${p}.post_ffw_norm.weight`, [e], 'F32');
  }
  add('output_norm.weight', [e], 'F32');
  if (!spec.tiedEmbeddings) add('output.weight', [e, vocab], 'Q6_K');
  return tensors;
}

const FILE_TYPE: Readonly<Record<Quant, number>> = { Q4_K_M: 15, Q4_K_S: 14 };

/**
 * The metadata of a model: its hyper-parameters and a synthetic SentencePiece-style vocabulary of the real size
 * (`<unk>`, `<s>`, `</s>`, the 256 byte tokens llama.cpp looks up, then filler pieces), so n_vocab, and with it the
 * logits buffer, is the real one.
 */
export function metadataOf(spec: ArchSpec, quant: Quant): GgufWriteEntry[] {
  const arch = spec.architecture;
  const tokens: string[] = ['<unk>', '<s>', '</s>'];
  for (let byte = 0; byte < 256; byte += 1) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
  }
  while (tokens.length < spec.vocab) tokens.push(`▁t${tokens.length}`);
  const tokenTypes = tokens.map((_, index) => (index === 0 ? 2 : index < 3 ? 3 : index < 259 ? 6 : 1));
  const entries: GgufWriteEntry[] = [
    { key: 'general.architecture', type: 'string', value: arch },
    { key: 'general.name', type: 'string', value: `${spec.name} (shapes only, no weights)` },
    { key: 'general.file_type', type: 'uint32', value: FILE_TYPE[quant] },
    { key: `${arch}.block_count`, type: 'uint32', value: spec.layers },
    { key: `${arch}.context_length`, type: 'uint32', value: spec.contextLength },
    { key: `${arch}.embedding_length`, type: 'uint32', value: spec.embedding },
    { key: `${arch}.feed_forward_length`, type: 'uint32', value: spec.feedForward },
    { key: `${arch}.attention.head_count`, type: 'uint32', value: spec.heads },
    { key: `${arch}.attention.head_count_kv`, type: 'uint32', value: spec.kvHeads },
    { key: `${arch}.attention.key_length`, type: 'uint32', value: spec.headDim },
    { key: `${arch}.attention.value_length`, type: 'uint32', value: spec.headDim },
    { key: `${arch}.rope.freq_base`, type: 'float32', value: spec.ropeTheta },
    { key: `${arch}.attention.layer_norm_rms_epsilon`, type: 'float32', value: 1e-5 },
  ];
  if (arch === 'llama') {
    entries.push({ key: `${arch}.rope.dimension_count`, type: 'uint32', value: spec.headDim });
    entries.push({ key: `${arch}.vocab_size`, type: 'uint32', value: spec.vocab });
  }
  if (spec.slidingWindow !== undefined) {
    entries.push({ key: `${arch}.attention.sliding_window`, type: 'uint32', value: spec.slidingWindow });
    entries.push({ key: `${arch}.attn_logit_softcapping`, type: 'float32', value: 50 });
    entries.push({ key: `${arch}.final_logit_softcapping`, type: 'float32', value: 30 });
  }
  entries.push(
    { key: 'tokenizer.ggml.model', type: 'string', value: 'llama' },
    { key: 'tokenizer.ggml.tokens', type: 'array', value: { itemType: 'string', items: tokens } },
    {
      key: 'tokenizer.ggml.scores',
      type: 'array',
      value: { itemType: 'float32', items: tokens.map((_, index) => -index) },
    },
    { key: 'tokenizer.ggml.token_type', type: 'array', value: { itemType: 'int32', items: tokenTypes } },
    { key: 'tokenizer.ggml.unknown_token_id', type: 'uint32', value: 0 },
    { key: 'tokenizer.ggml.bos_token_id', type: 'uint32', value: 1 },
    { key: 'tokenizer.ggml.eos_token_id', type: 'uint32', value: 2 },
  );
  return entries;
}
