import { LLAMA_SERVER_CTX_DOCS, OLLAMA_CONTEXT_LENGTH_DOCS } from '../doctor/rules/sources';
import { ggufModelFacts, type GgufInfo, type GgufValue } from '../sizing/gguf';

/** One model of Ollama's `GET /api/tags`. */
export interface OllamaTag {
  readonly name: string;
  readonly sizeBytes: number;
  /** `modified_at`, as Ollama wrote it (RFC 3339 with its offset). */
  readonly modifiedAt: string | undefined;
  /** `details.quantization_level` (`Q4_K_M`). */
  readonly quant: string | undefined;
  /** `details.parameter_size` (`70.6B`). */
  readonly parameterSize: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Ollama's `GET /api/tags` body as models; undefined when it is not that answer. Entries without a name are left out. */
export function parseOllamaTags(body: unknown): OllamaTag[] | undefined {
  const models = record(body)?.models;
  if (!Array.isArray(models)) return undefined;
  return models.flatMap((entry): OllamaTag[] => {
    const model = record(entry);
    if (!model || typeof model.name !== 'string' || typeof model.size !== 'number') return [];
    const details = record(model.details);
    return [
      {
        name: model.name,
        sizeBytes: model.size,
        modifiedAt: optionalText(model.modified_at),
        quant: optionalText(details?.quantization_level),
        parameterSize: optionalText(details?.parameter_size),
      },
    ];
  });
}

/** What `/api/show` says about a model: its GGUF keys read as a header would be, and its `num_ctx` parameter. */
export interface OllamaShow {
  /** `model_info` read as GGUF metadata; no tensors (the weights' size comes from `/api/tags`). */
  readonly info: GgufInfo;
  /** `num_ctx` in the model's parameters (its Modelfile), when set. */
  readonly numCtx: number | undefined;
}

function metadataValue(value: unknown): GgufValue | undefined {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => {
      const converted = metadataValue(item);
      return converted === undefined ? [] : [converted];
    });
    return { itemType: typeof value[0] === 'string' ? 'string' : 'uint32', length: value.length, items };
  }
  return undefined;
}

/** `num_ctx N` in `/api/show`'s `parameters` text (one `name value` per line). */
function numCtxOf(parameters: unknown): number | undefined {
  if (typeof parameters !== 'string') return undefined;
  const match = /^num_ctx\s+(\d+)\s*$/m.exec(parameters);
  return match ? Number(match[1]) : undefined;
}

/**
 * Ollama's `POST /api/show` body as the model's GGUF facts (`model_info` carries the header's keys:
 * `general.architecture`, `<arch>.block_count`, `<arch>.attention.head_count_kv`, `<arch>.context_length`…);
 * undefined when the answer has no `model_info`.
 */
export function parseOllamaShow(body: unknown): OllamaShow | undefined {
  const show = record(body);
  const modelInfo = record(show?.model_info);
  if (!show || !modelInfo) return undefined;
  const metadata = new Map<string, GgufValue>();
  for (const [key, value] of Object.entries(modelInfo)) {
    const converted = metadataValue(value);
    if (converted !== undefined) metadata.set(key, converted);
  }
  const notes: string[] = [];
  const facts = ggufModelFacts(metadata, notes);
  const quant = optionalText(record(show.details)?.quantization_level);
  const info: GgufInfo = {
    version: 3,
    ...facts,
    fileTypeName: facts.fileTypeName ?? quant,
    tokenEmbdBytes: undefined,
    outputBytes: undefined,
    tensorCount: 0,
    metadataCount: metadata.size,
    alignment: 32,
    tensorInfosRead: 0,
    tensorTypes: {},
    dataOffset: undefined,
    tensorBytes: undefined,
    tensorBytesSource: undefined,
    metadata,
    notes,
  };
  return { info, numCtx: numCtxOf(show.parameters) };
}

/** The context a runtime gives a model unless told otherwise, and why. */
export interface DefaultContext {
  readonly tokens: number;
  readonly why: string;
}

const GIB_MIB = 1024;

/** Ollama's default context by total VRAM, from its docs (OLLAMA_CONTEXT_LENGTH_DOCS). */
function ollamaVramDefault(vramTotalMiB: number | undefined): { tokens: number; band: string } {
  if (vramTotalMiB === undefined || vramTotalMiB < 24 * GIB_MIB)
    return { tokens: 4096, band: 'under 24 GiB' };
  if (vramTotalMiB < 48 * GIB_MIB) return { tokens: 32_768, band: '24–48 GiB' };
  return { tokens: 262_144, band: '48 GiB or more' };
}

/**
 * The context Ollama loads a model with: the model's `num_ctx` parameter when it sets one, else Ollama's default for
 * the GPU's total VRAM (4k under 24 GiB, 32k up to 48 GiB, 256k above), never more than the model was trained for.
 * `OLLAMA_CONTEXT_LENGTH` on the server would override the default; Headroom cannot see it, so the reason says so.
 */
export function ollamaDefaultContext(
  numCtx: number | undefined,
  vramTotalMiB: number | undefined,
  trainedContext: number | undefined,
): DefaultContext {
  let tokens: number;
  let why: string;
  if (numCtx !== undefined && numCtx > 0) {
    tokens = numCtx;
    why = `the model's num_ctx parameter in Ollama is ${numCtx}`;
  } else {
    const fallback = ollamaVramDefault(vramTotalMiB);
    tokens = fallback.tokens;
    why =
      `Ollama's default for a GPU with ${fallback.band} of VRAM is ${fallback.tokens} tokens ` +
      `(${OLLAMA_CONTEXT_LENGTH_DOCS}), unless OLLAMA_CONTEXT_LENGTH is set`;
  }
  if (trainedContext !== undefined && tokens > trainedContext) {
    tokens = trainedContext;
    why += `, at most the ${trainedContext} the model was trained for`;
  }
  return { tokens, why };
}

/**
 * The context llama.cpp's llama-server loads a GGUF with when `-c` is not given: 0, "loaded from model", the context
 * the model was trained for (`n_ctx_train`). Without it in the header, 4096 is assumed (Headroom's rule of thumb).
 */
export function llamaCppDefaultContext(trainedContext: number | undefined): DefaultContext {
  if (trainedContext === undefined) {
    return {
      tokens: 4096,
      why: "the file does not say what context it was trained for; 4096 tokens is Headroom's rule of thumb",
    };
  }
  return {
    tokens: trainedContext,
    why: `llama-server without -c uses the ${trainedContext} tokens the model was trained for (${LLAMA_SERVER_CTX_DOCS})`,
  };
}
