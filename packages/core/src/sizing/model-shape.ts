import { formatGB, formatGiB, GB } from './format';
import { type GgufInfo } from './gguf';
import { GGML_TYPES } from './gguf-types';
import { type SlidingWindow } from './kv-cache';
import { type ModelPreset } from './presets';

/** What sizing needs to know about a model: its attention shape and how many bytes of weights it loads. */
export interface ModelShape {
  readonly name: string;
  readonly layers: number;
  readonly kvHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  /** The context the model was trained for, when known. */
  readonly maxContext: number | undefined;
  /** Attention heads (`n_head`): the attention scores without flash attention grow with them. */
  readonly heads: number;
  /** The vocabulary (`n_vocab`): the logits in the compute buffer. */
  readonly vocab: number;
  readonly embeddingLength: number;
  /** Sliding-window layers (Gemma 2 and 3), when the model has them. */
  readonly slidingWindow?: SlidingWindow | undefined;
  /** `token_embd.weight`: llama.cpp always keeps it in system RAM. */
  readonly tokenEmbdBytes: number;
  /** `output.weight`, on the GPU only when every layer is; 0 when tied to the token embedding. */
  readonly outputBytes: number;
  /** The output projection is the token embedding; llama.cpp then puts a copy of it on the GPU. */
  readonly tiedEmbeddings: boolean;
  readonly weightsBytes: number;
  /** Where the weights figure comes from, for the explanation line. */
  readonly weightsSource: string;
  readonly notes: readonly string[];
}

/**
 * The ggml types llama.cpp's quantizer gives `token_embd` and `output` (a tied embedding gets the output's type) at
 * each file type (`llama_tensor_get_type` in ggml-org/llama.cpp src/llama-quant.cpp: `output.weight` is Q6_K for the
 * K-quants, Q8_0 for Q8_0).
 */
const EMBEDDING_TYPES: Readonly<Record<string, readonly [string, string]>> = {
  Q4_K_S: ['Q4_K', 'Q6_K'],
  Q4_K_M: ['Q4_K', 'Q6_K'],
  Q5_K_S: ['Q5_K', 'Q6_K'],
  Q5_K_M: ['Q5_K', 'Q6_K'],
  Q6_K: ['Q6_K', 'Q6_K'],
  Q8_0: ['Q8_0', 'Q8_0'],
};
const DEFAULT_EMBEDDING_TYPES = ['Q4_K', 'Q6_K'] as const;

function typeBytes(name: string, elements: number): number {
  const type = [...GGML_TYPES.values()].find((candidate) => candidate.name === name);
  if (type === undefined) return 0;
  return Math.ceil(elements / type.blockSize) * type.typeSize;
}

/**
 * What `--model custom` assumes when heads or the vocabulary are not given: 8 query heads per KV head (Llama 3.1
 * 70B's ratio) and Gemma's 256,000-token vocabulary, both at the large end so the compute buffer is not understated.
 */
export const CUSTOM_DEFAULTS = { headsPerKvHead: 8, vocab: 256_000 } as const;

/** A model shape, or why one could not be made (a missing quant, a GGUF without the needed keys). */
export type ShapeResult =
  { readonly ok: true; readonly shape: ModelShape } | { readonly ok: false; readonly reason: string };

function positiveWhole(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value > 0;
}

/**
 * A preset at one quantization. `fileGb` overrides the preset's file size (and stands in where the preset has none).
 */
export function shapeFromPreset(preset: ModelPreset, quant: string, fileGb?: number): ShapeResult {
  const file = preset.files[quant];
  const known = Object.entries(preset.files)
    .filter(([, entry]) => entry.gb !== undefined)
    .map(([name]) => name);
  let weightsBytes: number;
  let weightsSource: string;
  if (fileGb !== undefined) {
    weightsBytes = Math.round(fileGb * GB);
    weightsSource = `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the ${quant} file size given`;
  } else if (file?.gb !== undefined) {
    weightsBytes = Math.round(file.gb * GB);
    weightsSource = `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the ${quant} file (${file.source})`;
  } else {
    const why = file?.fileSizeUnverified
      ? `no verified ${quant} file size is recorded for ${preset.name} (${file.source})`
      : `${preset.name} has no ${quant} file size recorded`;
    return {
      ok: false,
      reason: `${why}; known: ${known.join(', ')}. Give the file's size with --file-gb N.`,
    };
  }
  const [embdType, outputType] = EMBEDDING_TYPES[quant] ?? DEFAULT_EMBEDDING_TYPES;
  const embdElements = preset.vocab * preset.embeddingLength;
  return {
    ok: true,
    shape: {
      name: `${preset.name} ${quant}`,
      layers: preset.layers,
      kvHeads: preset.kvHeads,
      keyDim: preset.headDim,
      valueDim: preset.headDim,
      maxContext: preset.maxContext,
      heads: preset.heads,
      vocab: preset.vocab,
      embeddingLength: preset.embeddingLength,
      slidingWindow: preset.slidingWindow,
      tokenEmbdBytes: typeBytes(preset.tiedEmbeddings ? outputType : embdType, embdElements),
      outputBytes: preset.tiedEmbeddings ? 0 : typeBytes(outputType, embdElements),
      tiedEmbeddings: preset.tiedEmbeddings,
      weightsBytes,
      weightsSource,
      notes: preset.notes,
    },
  };
}

/** Layers per sliding-window cycle, by architecture: layer `il` uses the window when `il % n < n - 1`. */
const SWA_PATTERNS: Readonly<Record<string, number>> = { gemma2: 2, gemma3: 6 };

/** The numbers of `--model custom`. */
export interface CustomModel {
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly fileGb: number;
  readonly maxContext?: number;
  /** Attention heads; without it 8 per KV head. */
  readonly heads?: number;
  /** The vocabulary; without it 256,000. */
  readonly vocab?: number;
  /** The embedding width; without it heads × head dim. */
  readonly embeddingLength?: number;
}

/** A model whose numbers the user gives. */
export function shapeFromCustom(custom: CustomModel): ShapeResult {
  for (const [name, value] of [
    ['layers', custom.layers],
    ['KV heads', custom.kvHeads],
    ['head dim', custom.headDim],
  ] as const) {
    if (!positiveWhole(value)) return { ok: false, reason: `the ${name} must be a whole number above 0` };
  }
  if (!(Number.isFinite(custom.fileGb) && custom.fileGb > 0)) {
    return { ok: false, reason: 'the file size must be a number of GB above 0' };
  }
  const weightsBytes = Math.round(custom.fileGb * GB);
  const notes: string[] = [];
  const heads = custom.heads ?? custom.kvHeads * CUSTOM_DEFAULTS.headsPerKvHead;
  if (custom.heads === undefined) {
    notes.push(`attention heads not given: ${heads} assumed (8 per KV head) for the compute buffer`);
  }
  const vocab = custom.vocab ?? CUSTOM_DEFAULTS.vocab;
  if (custom.vocab === undefined) {
    notes.push(`vocabulary not given: ${vocab} tokens assumed for the compute buffer's logits`);
  }
  return {
    ok: true,
    shape: {
      name: 'custom model',
      layers: custom.layers,
      kvHeads: custom.kvHeads,
      keyDim: custom.headDim,
      valueDim: custom.headDim,
      maxContext: custom.maxContext,
      heads,
      vocab,
      embeddingLength: custom.embeddingLength ?? heads * custom.headDim,
      tokenEmbdBytes: 0,
      outputBytes: 0,
      tiedEmbeddings: false,
      weightsBytes,
      weightsSource: `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the file size given`,
      notes,
    },
  };
}

/**
 * A model read from its GGUF header. Weights are the tensor bytes when the tensor infos were read, else the file size,
 * unless `totalGb` gives them (needed for a split model, whose first file holds only its own tensors); the head size
 * is `key_length` when the file has it, else embedding length ÷ heads (the spec's default).
 */
export function shapeFromGguf(
  info: GgufInfo,
  fileSize: number,
  label: string,
  totalGb?: number,
): ShapeResult {
  const arch = info.architecture ?? '<arch>';
  const missing = (key: string, what: string): ShapeResult => ({
    ok: false,
    reason: `${label} has no ${arch}.${key} (${what}), which sizing needs`,
  });
  if (info.architecture === undefined) return { ok: false, reason: `${label} has no general.architecture` };
  if (!positiveWhole(info.blockCount)) return missing('block_count', 'the layer count');
  if (!positiveWhole(info.headCountKv)) return missing('attention.head_count_kv', 'the KV heads');
  let keyDim = info.keyLength;
  if (!positiveWhole(keyDim)) {
    if (!positiveWhole(info.embeddingLength) || !positiveWhole(info.headCount)) {
      return missing(
        'attention.key_length',
        'the head size, or embedding_length and head_count to derive it',
      );
    }
    keyDim = Math.floor(info.embeddingLength / info.headCount);
  }
  const valueDim = positiveWhole(info.valueLength) ? info.valueLength : keyDim;
  if (info.splitCount !== undefined && info.splitCount > 1 && totalGb === undefined) {
    return {
      ok: false,
      reason:
        `${label} is one of ${info.splitCount} files of a split model and holds only its own tensors; ` +
        'give the total size of all parts with --file-gb N',
    };
  }
  const notes = [...info.notes];
  const heads = positiveWhole(info.headCount) ? info.headCount : info.headCountKv * 8;
  if (!positiveWhole(info.headCount)) notes.push(`no ${arch}.attention.head_count: ${heads} heads assumed`);
  let vocab = info.vocabSize;
  if (!positiveWhole(vocab)) {
    vocab = CUSTOM_DEFAULTS.vocab;
    notes.push(`no vocabulary in ${label}: ${vocab} tokens assumed for the compute buffer's logits`);
  }
  const embeddingLength = positiveWhole(info.embeddingLength) ? info.embeddingLength : heads * keyDim;
  let slidingWindow: SlidingWindow | undefined;
  if (positiveWhole(info.slidingWindow)) {
    // llama.cpp's swa patterns (src/llama-model.cpp): gemma2 every 2nd layer, gemma3 5 of every 6
    const pattern = SWA_PATTERNS[arch];
    if (pattern === undefined) {
      notes.push(
        `${arch}.attention.sliding_window is ${info.slidingWindow}, but Headroom does not know which layers use ` +
          'it for this architecture: every layer is counted at the full context (an upper bound)',
      );
    } else {
      slidingWindow = {
        window: info.slidingWindow,
        layers: info.blockCount - Math.floor(info.blockCount / pattern),
      };
    }
  }
  const tiedEmbeddings = info.outputBytes === undefined;
  const quant =
    info.fileTypeName ?? (info.fileType === undefined ? 'unknown type' : `file type ${info.fileType}`);
  let weightsBytes: number;
  let weightsSource: string;
  if (totalGb !== undefined) {
    weightsBytes = Math.round(totalGb * GB);
    weightsSource = `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the ${quant} size given for ${label}`;
  } else if (info.tensorBytes !== undefined) {
    weightsBytes = info.tensorBytes;
    weightsSource = `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the ${quant} tensors of ${label} (${formatGB(fileSize)} file)`;
  } else {
    weightsBytes = fileSize;
    weightsSource = `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the size of ${label} (${quant})`;
  }
  return {
    ok: true,
    shape: {
      name: `${info.name ?? label} ${quant}`,
      layers: info.blockCount,
      kvHeads: info.headCountKv,
      keyDim,
      valueDim,
      maxContext: info.contextLength,
      heads,
      vocab,
      embeddingLength,
      slidingWindow,
      tokenEmbdBytes: info.tokenEmbdBytes ?? 0,
      outputBytes: info.outputBytes ?? 0,
      tiedEmbeddings: tiedEmbeddings && info.tokenEmbdBytes !== undefined,
      weightsBytes,
      weightsSource,
      notes,
    },
  };
}
