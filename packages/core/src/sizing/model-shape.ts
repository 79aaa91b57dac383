import { formatGB, formatGiB, GB } from './format';
import { type GgufInfo } from './gguf';
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
  readonly weightsBytes: number;
  /** Where the weights figure comes from, for the explanation line. */
  readonly weightsSource: string;
  readonly notes: readonly string[];
}

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
  return {
    ok: true,
    shape: {
      name: `${preset.name} ${quant}`,
      layers: preset.layers,
      kvHeads: preset.kvHeads,
      keyDim: preset.headDim,
      valueDim: preset.headDim,
      maxContext: preset.maxContext,
      weightsBytes,
      weightsSource,
      notes: preset.notes,
    },
  };
}

/** The numbers of `--model custom`. */
export interface CustomModel {
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly fileGb: number;
  readonly maxContext?: number;
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
  return {
    ok: true,
    shape: {
      name: 'custom model',
      layers: custom.layers,
      kvHeads: custom.kvHeads,
      keyDim: custom.headDim,
      valueDim: custom.headDim,
      maxContext: custom.maxContext,
      weightsBytes,
      weightsSource: `${formatGB(weightsBytes)} (${formatGiB(weightsBytes)}), the file size given`,
      notes: [],
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
      weightsBytes,
      weightsSource,
      notes: info.notes,
    },
  };
}
