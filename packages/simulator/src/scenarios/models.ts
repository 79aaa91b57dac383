import type { SimulatedModelFile, SimulatedOllamaModel } from './scenario';

/**
 * Models the scenarios' users have. Shapes are Llama 3.1's published config (the presets' sources in
 * packages/core/src/sizing/presets.ts); file sizes are the Q4_K_M GGUF sizes listed there.
 */

/** `llama3.1:70b` pulled with Ollama: Llama 3.1 70B Instruct, Q4_K_M, 42.52 GB. */
export const OLLAMA_LLAMA_70B: SimulatedOllamaModel = {
  name: 'llama3.1:70b',
  sizeBytes: 42_520_000_000,
  modifiedAt: '2026-11-28T19:42:07.318Z',
  family: 'llama',
  parameterSize: '70.6B',
  quant: 'Q4_K_M',
  modelInfo: {
    'general.architecture': 'llama',
    'general.file_type': 15,
    'general.parameter_count': 70_553_706_496,
    'llama.block_count': 80,
    'llama.context_length': 131_072,
    'llama.embedding_length': 8192,
    'llama.attention.head_count': 64,
    'llama.attention.head_count_kv': 8,
    'llama.rope.dimension_count': 128,
    'llama.vocab_size': 128_256,
  },
};

const HF_HUB = '/home/headroom/.cache/huggingface/hub';

/** bartowski's Llama 3.1 8B Instruct Q4_K_M (4.92 GB) in the Hugging Face cache, downloaded before the 70B. */
export const HF_LLAMA_8B: SimulatedModelFile = {
  folderKind: 'huggingface',
  folder: HF_HUB,
  path: `${HF_HUB}/models--bartowski--Meta-Llama-3.1-8B-Instruct-GGUF/snapshots/bf5b95e96dac0462e2a09145ec66cae9a3f12067/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf`,
  sizeBytes: 4_920_000_000,
  modifiedAt: '2026-10-02T08:15:44.000Z',
  header: {
    architecture: 'llama',
    fileType: 15,
    keys: {
      block_count: 32,
      context_length: 131_072,
      embedding_length: 4096,
      'attention.head_count': 32,
      'attention.head_count_kv': 8,
      vocab_size: 128_256,
    },
  },
};
