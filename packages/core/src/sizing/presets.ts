/**
 * Model presets for `headroom fit --model`: the hyper-parameters that size the KV cache and the GGUF file sizes that
 * size the weights, each with the public page it was read from. File sizes are decimal GB as Hugging Face lists them
 * (llama.cpp's `Q4_K` is an alias of `Q4_K_M`, so tables that list `Q4_K` are the Q4_K_M file). A size that could not
 * be found is marked `fileSizeUnverified` instead of guessed.
 *
 * Corrections kept out on purpose (see docs/gpu-tools.md "VRAM estimate"): Llama 3.1 70B Q4_K_M is 42.52 GB, not
 * ~20 GB; an f16 KV cache at 128K tokens is 16 GiB for the 8B and 40 GiB for the 70B, not 6.4 GB.
 */

/** A GGUF file size for one quantization, with where it was read. */
export interface PresetFile {
  /** Decimal GB as listed; undefined when no size could be verified. */
  readonly gb: number | undefined;
  readonly source: string;
  readonly fileSizeUnverified?: true;
}

/** A model Headroom knows the shape of. */
export interface ModelPreset {
  readonly id: string;
  readonly name: string;
  readonly architecture: string;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  /** The size of one key/value head (`head_dim`, or hidden size ÷ heads where the config has no head_dim). */
  readonly headDim: number;
  readonly embeddingLength: number;
  /** The context the model was trained for, in tokens. */
  readonly maxContext: number;
  /** The vocabulary size (`vocab_size`): the width of the logits llama.cpp's compute buffer holds. */
  readonly vocab: number;
  /** Whether the output projection is the token embedding (`tie_word_embeddings`): no separate `output.weight`. */
  readonly tiedEmbeddings: boolean;
  /** The sliding window (`sliding_window`) and how many layers use it, for models that have one. */
  readonly slidingWindow?: { readonly window: number; readonly layers: number };
  /** Where the layer, head and context numbers come from. */
  readonly sources: readonly string[];
  /** GGUF file sizes by quantization name (`Q4_K_M`, `Q8_0`, …). */
  readonly files: Readonly<Record<string, PresetFile>>;
  readonly notes: readonly string[];
}

// Qwen's GGUF model card: "Currently, only vLLM supports YARN for length extrapolating. If you want to process
// sequences up to 131,072 tokens, please refer to non-GGUF models."
const QWEN_YARN_NOTE =
  "beyond 32,768 tokens Qwen 2.5 relies on YaRN, which Qwen's GGUF model card says only vLLM supports " +
  '(https://huggingface.co/Qwen/Qwen2.5-72B-Instruct-GGUF)';

/** The presets, in the order `headroom fit` lists them. `custom` is not one: its numbers come from the user. */
export const MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'llama-3.1-8b',
    name: 'Llama 3.1 8B Instruct',
    architecture: 'llama',
    layers: 32,
    heads: 32,
    kvHeads: 8,
    headDim: 128, // 4096 / 32
    embeddingLength: 4096,
    maxContext: 131_072,
    vocab: 128_256,
    tiedEmbeddings: false,
    sources: [
      // config.json of meta-llama/Meta-Llama-3.1-8B-Instruct (copy): 32 layers, 32 heads, 8 KV heads, 4096, 131072
      'https://huggingface.co/NaniDAO/Meta-Llama-3.1-8B-Instruct-ablated/blame/c4e4c2b4bfa8c8423b5364ad65eeef8f64b93e8b/config.json',
      // llama.cpp log of Llama 3 8B: n_layer = 32, n_head = 32, n_head_kv = 8, n_embd_head_k = 128
      'https://github.com/ggml-org/llama.cpp/issues/7753',
    ],
    files: {
      // bartowski quant table, 4.92 GB (= 4.58 GiB), as docs/gpu-tools.md "VRAM estimate" records it
      Q4_K_M: {
        gb: 4.92,
        source: 'https://huggingface.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF',
      },
      // bartowski quant table: "Meta-Llama-3.1-8B-Instruct-Q8_0.gguf | Q8_0 | 8.54GB"
      Q8_0: { gb: 8.54, source: 'https://huggingface.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF' },
    },
    notes: [],
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama 3.1 70B Instruct',
    architecture: 'llama',
    layers: 80,
    heads: 64,
    kvHeads: 8,
    headDim: 128, // 8192 / 64
    embeddingLength: 8192,
    maxContext: 131_072,
    vocab: 128_256,
    tiedEmbeddings: false,
    sources: [
      // config.json of meta-llama/Meta-Llama-3.1-70B-Instruct (copy): 80 layers, 64 heads, 8 KV heads, 8192, 131072
      'https://huggingface.co/mlabonne/Llama-3.1-70B-Instruct-lorablated/blame/4cc98185081c6c938df69f8e5ac4cf7aeade7fa3/config.json',
      'https://github.com/vulkomilev/oumi/blob/main/configs/recipes/llama3_1/README.md',
    ],
    files: {
      // "Meta-Llama-3.1-70B-Instruct.Q4_K.gguf | Q4_K | 42.52GB"; bartowski's table says the same (docs/gpu-tools.md)
      Q4_K_M: {
        gb: 42.52,
        source: 'https://huggingface.co/legraphista/Meta-Llama-3.1-70B-Instruct-IMat-GGUF',
      },
      // bartowski's quant table for the 70B (docs/gpu-tools.md "VRAM estimate" records the figure and where it was quoted)
      Q5_K_M: {
        gb: 49.95,
        source: 'https://huggingface.co/bartowski/Meta-Llama-3.1-70B-Instruct-GGUF',
      },
      // "Meta-Llama-3.1-70B-Instruct.Q8_0/* | Q8_0 | 74.98GB"
      Q8_0: { gb: 74.98, source: 'https://huggingface.co/legraphista/Meta-Llama-3.1-70B-Instruct-IMat-GGUF' },
    },
    notes: [],
  },
  {
    id: 'qwen2.5-7b',
    name: 'Qwen2.5 7B Instruct',
    architecture: 'qwen2',
    layers: 28,
    heads: 28,
    kvHeads: 4,
    headDim: 128, // 3584 / 28
    embeddingLength: 3584,
    maxContext: 32_768,
    vocab: 152_064,
    tiedEmbeddings: false,
    sources: [
      // Qwen's GGUF model card: "Number of Layers: 28", "28 for Q and 4 for KV", "Context Length: Full 32,768 tokens"
      'https://huggingface.co/Qwen/Qwen2.5-7B-Instruct-GGUF',
      // config.json of Qwen/Qwen2.5-7B-Instruct (copy): hidden_size 3584, max_position_embeddings 32768
      'https://huggingface.co/osllmai-community/Qwen2.5-7B-Instruct/blob/main/config.json',
    ],
    files: {
      Q4_K_M: {
        gb: 4.68,
        source:
          'https://huggingface.co/bartowski/Qwen2.5-7B-Instruct-GGUF/tree/5be8c19ad2f6d5b798289f494f28c52c972113f1',
      },
      Q8_0: {
        gb: 8.1,
        source:
          'https://huggingface.co/bartowski/Qwen2.5-7B-Instruct-GGUF/tree/a584acd9a4ec2e337147e2921825bd58a03472be',
      },
    },
    notes: [QWEN_YARN_NOTE],
  },
  {
    id: 'qwen2.5-14b',
    name: 'Qwen2.5 14B Instruct',
    architecture: 'qwen2',
    layers: 48,
    heads: 40,
    kvHeads: 8,
    headDim: 128, // 5120 / 40
    embeddingLength: 5120,
    maxContext: 32_768,
    vocab: 152_064,
    tiedEmbeddings: false,
    sources: [
      // config.json of Qwen/Qwen2.5-14B-Instruct (copy): 48 layers, 40 heads, 8 KV heads, 5120, 32768
      'https://huggingface.co/osllmai-community/Qwen2.5-14B-Instruct/blob/eaddfa685697f74aa707d6cd5cf36784cdcabe05/config.json',
    ],
    files: {
      Q4_K_M: {
        gb: 8.99,
        source:
          'https://huggingface.co/bartowski/Qwen2.5-14B-Instruct-GGUF/blob/4546bd63b813a4399ea1817114775983ee72e7c0/Qwen2.5-14B-Instruct-Q4_K_M.gguf',
      },
      Q8_0: {
        gb: 15.7,
        source:
          'https://huggingface.co/bartowski/Qwen2.5-14B-Instruct-GGUF/tree/5026c9454395737e1107bcfa4ab4d4a58a0316c7',
      },
    },
    notes: [QWEN_YARN_NOTE],
  },
  {
    id: 'qwen2.5-32b',
    name: 'Qwen2.5 32B Instruct',
    architecture: 'qwen2',
    layers: 64,
    heads: 40,
    kvHeads: 8,
    headDim: 128, // 5120 / 40
    embeddingLength: 5120,
    maxContext: 32_768,
    vocab: 152_064,
    tiedEmbeddings: false,
    sources: [
      // Qwen's own config.json of the base model (same shape): 64 layers, 40 heads, 8 KV heads, 5120
      'https://huggingface.co/Qwen/Qwen2.5-32B/blob/main/config.json',
      // config.json of Qwen/Qwen2.5-32B-Instruct (copy): max_position_embeddings 32768
      'https://huggingface.co/ehristoforu/qwen2.5-test-32b-it/blob/6bcc8f1cedfe72471276d0159d1646be6ac50e40/config.json',
    ],
    files: {
      // "Qwen2.5-32B-Instruct.Q4_K.gguf | Q4_K | 19.85GB" (bartowski's Qwen2.5-Coder-32B Q4_K_M is 19.9 GB)
      Q4_K_M: {
        gb: 19.85,
        source:
          'https://huggingface.co/legraphista/Qwen2.5-32B-Instruct-IMat-GGUF/blob/a38082b39fe8759a7001bb30338dc46fdeb968c7/README.md',
      },
      // "Qwen2.5-32B-Instruct.Q8_0.gguf | Q8_0 | 34.82GB"
      Q8_0: {
        gb: 34.82,
        source:
          'https://huggingface.co/legraphista/Qwen2.5-32B-Instruct-IMat-GGUF/blob/a38082b39fe8759a7001bb30338dc46fdeb968c7/README.md',
      },
    },
    notes: [QWEN_YARN_NOTE],
  },
  {
    id: 'qwen2.5-72b',
    name: 'Qwen2.5 72B Instruct',
    architecture: 'qwen2',
    layers: 80,
    heads: 64,
    kvHeads: 8,
    headDim: 128, // 8192 / 64
    embeddingLength: 8192,
    maxContext: 32_768,
    vocab: 152_064,
    tiedEmbeddings: false,
    sources: [
      // Qwen's GGUF model card: "Number of Layers: 80", "64 for Q and 8 for KV", "Context Length: Full 32,768 tokens"
      'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct-GGUF/commit/aaab9421c01fbc04e5b3b3137abc1c497be0b83b',
      // config.json of Qwen2.5-72B-Instruct (quantized copy): hidden_size 8192
      'https://huggingface.co/OPEA/Qwen2.5-72B-Instruct-int4-sym-inc/blame/main/config.json',
    ],
    files: {
      Q4_K_M: {
        gb: 47.4,
        source:
          'https://huggingface.co/bartowski/Qwen2.5-72B-Instruct-GGUF/tree/61030e9f5f4dc9caf33dd62618a9627e50352323',
      },
      // bartowski splits Q8_0 in two; only part 1 (40 GB) was found, so the total is not stated here
      Q8_0: {
        gb: undefined,
        fileSizeUnverified: true,
        source:
          'https://huggingface.co/bartowski/Qwen2.5-72B-Instruct-GGUF/blob/d6138f31d311ced24decc168314ba1d66ff9fb31/Qwen2.5-72B-Instruct-Q8_0/Qwen2.5-72B-Instruct-Q8_0-00001-of-00002.gguf',
      },
    },
    notes: [QWEN_YARN_NOTE, 'Q8_0 is split in two files; give --file-gb with their total'],
  },
  {
    id: 'mistral-7b-v0.3',
    name: 'Mistral 7B Instruct v0.3',
    architecture: 'llama',
    layers: 32,
    heads: 32,
    kvHeads: 8,
    headDim: 128, // 4096 / 32
    embeddingLength: 4096,
    maxContext: 32_768,
    vocab: 32_768,
    tiedEmbeddings: false,
    sources: [
      // config.json of mistralai/Mistral-7B-Instruct-v0.3 (copy, vocab 32768): 32 layers, 32 heads, 8 KV heads, 32768
      'https://huggingface.co/fuliucansheng/Mistral-7B-Instruct-v0.3/blob/main/config.json',
    ],
    files: {
      // "Mistral-7B-Instruct-v0.3-Q4_K_M.gguf | Q4_K_M | 4.37GB", "…-Q8_0.gguf | Q8_0 | 7.70GB"
      Q4_K_M: { gb: 4.37, source: 'https://huggingface.co/bartowski/Mistral-7B-Instruct-v0.3-GGUF' },
      Q8_0: { gb: 7.7, source: 'https://huggingface.co/bartowski/Mistral-7B-Instruct-v0.3-GGUF' },
    },
    notes: [],
  },
  {
    id: 'gemma-2-9b',
    name: 'Gemma 2 9B IT',
    architecture: 'gemma2',
    layers: 42,
    heads: 16,
    kvHeads: 8,
    headDim: 256,
    embeddingLength: 3584,
    maxContext: 8192,
    vocab: 256_000,
    tiedEmbeddings: true,
    // sliding_window 4096 on every other layer (llama.cpp's gemma2: swa pattern 2)
    slidingWindow: { window: 4096, layers: 21 },
    sources: [
      // config.json of google/gemma-2-9b-it (copy): 42 layers, 16 heads, 8 KV heads, head_dim 256, 8192
      'https://huggingface.co/unsloth/gemma-2-9b-it/blame/37b3e81529e285a404477e3da558bce7556f6746/config.json',
    ],
    files: {
      // "gemma-2-9b-it-Q4_K_M.gguf Q4_K_M 5.76GB", "gemma-2-9b-it-Q8_0.gguf Q8_0 9.83GB"
      Q4_K_M: { gb: 5.76, source: 'https://huggingface.co/bartowski/gemma-2-9b-it-GGUF' },
      Q8_0: { gb: 9.83, source: 'https://huggingface.co/bartowski/gemma-2-9b-it-GGUF' },
    },
    notes: [],
  },
  {
    id: 'gemma-2-27b',
    name: 'Gemma 2 27B IT',
    architecture: 'gemma2',
    layers: 46,
    heads: 32,
    kvHeads: 16,
    headDim: 128, // attention.key_length 128 (not 4608 / 32)
    embeddingLength: 4608,
    maxContext: 8192,
    vocab: 256_000,
    tiedEmbeddings: true,
    // sliding_window 4096 on every other layer (llama.cpp's gemma2: swa pattern 2)
    slidingWindow: { window: 4096, layers: 23 },
    sources: [
      // Ollama's GGUF metadata: block_count 46, head_count 32, head_count_kv 16, key_length 128, context_length 8192
      'https://ollama.com/library/gemma2:27b-instruct-q4_0/blobs/d7e4b00a7d7a',
    ],
    files: {
      // "gemma-2-27b-it.Q4_K.gguf Q4_K 16.65GB"
      Q4_K_M: { gb: 16.65, source: 'https://huggingface.co/legraphista/gemma-2-27b-it-IMat-GGUF' },
      // "gemma-2-27b-it-Q8_0.gguf | Q8_0 | 28.93GB"
      Q8_0: {
        gb: 28.93,
        source:
          'https://huggingface.co/bartowski/gemma-2-27b-it-GGUF/commit/6c5900b1bd83e68cf0284af9c38e1866f1f9d3bc',
      },
    },
    notes: [],
  },
];

/** The id of the preset whose numbers the user gives (`--layers`, `--kv-heads`, `--head-dim`, `--file-gb`). */
export const CUSTOM_PRESET_ID = 'custom';

/** Every name `--model` accepts, presets first, then `custom`. */
export function presetIds(): string[] {
  return [...MODEL_PRESETS.map((preset) => preset.id), CUSTOM_PRESET_ID];
}

/** The preset with this id (case and `_`/`:` forgiven: `Llama-3.1-8B`, `qwen2.5:7b`), or undefined. */
export function findPreset(id: string): ModelPreset | undefined {
  const wanted = id.trim().toLowerCase().replace(/[_:]/g, '-');
  return MODEL_PRESETS.find((preset) => preset.id === wanted);
}
