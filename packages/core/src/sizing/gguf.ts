import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { createTextDecoder } from '../text/text-decoder';
import {
  GGML_TYPES,
  GGUF_VALUE_TYPES,
  GGUF_VALUE_WIDTH,
  llamaFileTypeName,
  type GgufValueTypeName,
} from './gguf-types';

/**
 * A GGUF metadata reader, written over the spec (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md):
 * little-endian; magic `GGUF`; uint32 version (2 and 3 share one layout, version 1 used 32-bit counts); uint64
 * tensor count and metadata count; the typed key/value pairs; then one info per tensor (name, dimensions, ggml type,
 * offset) and, aligned to `general.alignment` (default 32), the tensor data. It needs only the first bytes of a file:
 * the weights are never read, their size comes from the tensor infos or from the file size.
 */

const PROBE = 'gguf';
const MAGIC = [0x47, 0x47, 0x55, 0x46]; // "GGUF"
const MAX_NAME_BYTES = 65_535; // the spec's limit for keys; tensor names are held to the same bound
const MAX_DIMENSIONS = 8; // the spec says "currently at most 4"
const MAX_ARRAY_DEPTH = 8;
const KEPT_ARRAY_ITEMS = 1024;
const DEFAULT_ALIGNMENT = 32;
const EXCERPT_BYTES = 64;

/** A metadata value: integers beyond 2^53 stay bigint; arrays keep their first 1024 items and their full length. */
export type GgufValue = number | bigint | boolean | string | GgufArray;

/** A metadata array. `items` holds at most the first 1024 elements; `length` is the count the file declares. */
export interface GgufArray {
  readonly itemType: GgufValueTypeName;
  readonly length: number;
  readonly items: readonly GgufValue[];
}

/** What a GGUF file's header says about the model, enough to size it without reading the weights. */
export interface GgufInfo {
  readonly version: number;
  /** `general.architecture`, e.g. `llama`, `qwen2`, `gemma2`; the prefix of the model's own keys. */
  readonly architecture: string | undefined;
  readonly name: string | undefined;
  /** `<arch>.block_count`: the transformer layers. */
  readonly blockCount: number | undefined;
  readonly headCount: number | undefined;
  /** `<arch>.attention.head_count_kv`; the head count when absent (the spec: no GQA). */
  readonly headCountKv: number | undefined;
  readonly embeddingLength: number | undefined;
  /** `<arch>.attention.key_length` when present (Gemma 2 27B: 128, not 4608 / 32). */
  readonly keyLength: number | undefined;
  readonly valueLength: number | undefined;
  /** `<arch>.context_length`: the context the model was trained for. */
  readonly contextLength: number | undefined;
  /** The vocabulary: the length of `tokenizer.ggml.tokens`, else `<arch>.vocab_size`. */
  readonly vocabSize: number | undefined;
  /** `<arch>.attention.sliding_window` (Gemma 2 and 3). */
  readonly slidingWindow: number | undefined;
  /** The bytes of `token_embd.weight`, when its tensor info was read. */
  readonly tokenEmbdBytes: number | undefined;
  /** The bytes of `output.weight`; undefined when the model has none (its output is the token embedding). */
  readonly outputBytes: number | undefined;
  readonly fileType: number | undefined;
  /** The quantization the file type stands for (`Q4_K_M`). */
  readonly fileTypeName: string | undefined;
  /** `split.count` of a model split by llama.cpp's gguf-split: this file holds only its own part's tensors. */
  readonly splitCount: number | undefined;
  readonly tensorCount: number;
  readonly metadataCount: number;
  readonly alignment: number;
  /** How many tensor infos the bytes held (fewer than `tensorCount` when only the file's start was given). */
  readonly tensorInfosRead: number;
  /** Tensors per ggml type name, e.g. `{ Q4_K: 441, Q6_K: 41, F32: 161 }`. */
  readonly tensorTypes: Readonly<Record<string, number>>;
  /** Where the tensor data starts in the file, once every tensor info was read. */
  readonly dataOffset: number | undefined;
  /** The bytes of all tensors: summed from the tensor infos, or the file size minus the data offset. */
  readonly tensorBytes: number | undefined;
  readonly tensorBytesSource: 'tensor-infos' | 'file-size' | undefined;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  /** Things worth knowing that did not stop the read (assumed defaults, inconsistencies). */
  readonly notes: readonly string[];
}

class OutOfBytes extends Error {}

class Invalid extends Error {}

class Cursor {
  offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private take(count: number): number {
    if (count > this.remaining) throw new OutOfBytes();
    const at = this.offset;
    this.offset += count;
    return at;
  }

  u8(): number {
    return this.view.getUint8(this.take(1));
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  u64(): bigint {
    return this.view.getBigUint64(this.take(8), true);
  }

  scalar(type: GgufValueTypeName): number | bigint | boolean {
    switch (type) {
      case 'uint8':
        return this.u8();
      case 'int8':
        return this.view.getInt8(this.take(1));
      case 'uint16':
        return this.view.getUint16(this.take(2), true);
      case 'int16':
        return this.view.getInt16(this.take(2), true);
      case 'uint32':
        return this.u32();
      case 'int32':
        return this.view.getInt32(this.take(4), true);
      case 'float32':
        return this.view.getFloat32(this.take(4), true);
      case 'bool':
        return this.u8() !== 0;
      case 'uint64':
        return narrow(this.u64());
      case 'int64':
        return narrow(this.view.getBigInt64(this.take(8), true));
      case 'float64':
        return this.view.getFloat64(this.take(8), true);
      default:
        throw new Invalid(`${type} is not a scalar type`);
    }
  }

  /** A length-prefixed string; `keep: false` skips it without decoding. */
  string(keep: boolean, limit = Number.MAX_SAFE_INTEGER): string {
    const length = this.u64();
    if (length > BigInt(limit)) throw new Invalid(`a name of ${length} bytes (the limit is ${limit})`);
    if (length > BigInt(this.remaining)) throw new OutOfBytes();
    const at = this.take(Number(length));
    return keep ? utf8.decode(this.bytes.subarray(at, at + Number(length))) : '';
  }

  skip(count: number): void {
    this.take(count);
  }
}

const utf8 = createTextDecoder('utf-8');

function narrow(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function valueType(id: number, what: string): GgufValueTypeName {
  const type = GGUF_VALUE_TYPES[id];
  if (type === undefined) throw new Invalid(`${what} has an unknown value type ${id}`);
  return type;
}

function readValue(
  cursor: Cursor,
  type: GgufValueTypeName,
  what: string,
  depth: number,
  keep: boolean,
): GgufValue {
  if (type === 'string') return cursor.string(keep);
  if (type !== 'array') return cursor.scalar(type);
  if (depth >= MAX_ARRAY_DEPTH) throw new Invalid(`${what} nests arrays deeper than ${MAX_ARRAY_DEPTH}`);
  const itemType = valueType(cursor.u32(), `an array in ${what}`);
  const declared = cursor.u64();
  // Every element takes at least one byte (a string or array at least 8), so a longer array cannot fit.
  const minimum = BigInt(GGUF_VALUE_WIDTH[itemType] ?? 8);
  if (declared * minimum > BigInt(cursor.remaining)) throw new OutOfBytes();
  const length = Number(declared);
  const kept = keep ? Math.min(length, KEPT_ARRAY_ITEMS) : 0;
  const items: GgufValue[] = [];
  const width = GGUF_VALUE_WIDTH[itemType];
  if (width !== undefined) {
    for (let index = 0; index < kept; index += 1) items.push(cursor.scalar(itemType));
    cursor.skip((length - kept) * width);
  } else {
    for (let index = 0; index < length; index += 1) {
      const item = readValue(cursor, itemType, what, depth + 1, index < kept);
      if (index < kept) items.push(item);
    }
  }
  return { itemType, length, items };
}

function hexExcerpt(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, EXCERPT_BYTES), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function describeMagic(bytes: Uint8Array): string {
  const magic = bytes.subarray(0, 4);
  const text = String.fromCharCode(...magic);
  const shown = /^[\x20-\x7e]{4}$/.test(text) ? `"${text}"` : hexExcerpt(magic);
  const legacy = ['lmgg', 'fmgg', 'tjgg'].includes(text)
    ? '; that is a GGML/GGMF/GGJT model from before GGUF, convert it with llama.cpp first'
    : '';
  return `not a GGUF file (magic is ${shown}, a GGUF file starts with "GGUF")${legacy}`;
}

function describeVersion(version: number): string {
  if (version === 1) return 'GGUF version 1 (before October 2023) is not supported; re-convert the model';
  if (version >>> 24 === 2 || version >>> 24 === 3) {
    return 'this GGUF file is big-endian (version bytes read backwards); only little-endian files are supported';
  }
  return `GGUF version ${version} is not one this reader knows (2 and 3)`;
}

/** A whole number from a metadata value: integers directly, arrays (per-layer values) by their largest item. */
function wholeNumber(value: GgufValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'bigint') return undefined;
  if (typeof value === 'object') {
    const numbers = value.items.map(wholeNumber);
    if (numbers.length === 0 || numbers.some((item) => item === undefined)) return undefined;
    return Math.max(...(numbers as number[]));
  }
  return undefined;
}

function vocabSize(tokens: GgufValue | undefined): number | undefined {
  return typeof tokens === 'object' && tokens.length > 0 ? tokens.length : undefined;
}

interface TensorTotals {
  read: number;
  /** Bytes of the tensors sizing needs by name (`token_embd.weight`, `output.weight`). */
  named: Map<string, number>;
  types: Record<string, number>;
  bytes: bigint;
  unknownTypes: Set<number>;
}

const NAMED_TENSORS = new Set(['token_embd.weight', 'output.weight']);

function readTensorInfo(cursor: Cursor, totals: TensorTotals, what: string): void {
  const tensorName = cursor.string(true, MAX_NAME_BYTES);
  const dimensions = cursor.u32();
  if (dimensions > MAX_DIMENSIONS) throw new Invalid(`${what} has ${dimensions} dimensions`);
  let elements = 1n;
  for (let index = 0; index < dimensions; index += 1) elements *= cursor.u64();
  const typeId = cursor.u32();
  cursor.u64(); // the offset of its data, relative to the data section
  const type = GGML_TYPES.get(typeId);
  const name = type?.name ?? `type ${typeId}`;
  totals.types[name] = (totals.types[name] ?? 0) + 1;
  if (type === undefined) totals.unknownTypes.add(typeId);
  else {
    const blocks = (elements + BigInt(type.blockSize) - 1n) / BigInt(type.blockSize);
    totals.bytes += blocks * BigInt(type.typeSize);
    if (NAMED_TENSORS.has(tensorName)) totals.named.set(tensorName, Number(blocks * BigInt(type.typeSize)));
  }
  totals.read += 1;
}

/** The model facts a GGUF's metadata gives, without its tensors: what sizing reads from a header or Ollama's API. */
export type GgufModelFacts = Pick<
  GgufInfo,
  | 'architecture'
  | 'name'
  | 'blockCount'
  | 'headCount'
  | 'headCountKv'
  | 'embeddingLength'
  | 'keyLength'
  | 'valueLength'
  | 'contextLength'
  | 'vocabSize'
  | 'slidingWindow'
  | 'fileType'
  | 'fileTypeName'
  | 'splitCount'
>;

/**
 * Read the model's facts from GGUF metadata keys (a file's header, or Ollama's `/api/show` `model_info`, which carries
 * the same keys). What was assumed goes to `notes`.
 */
export function ggufModelFacts(metadata: ReadonlyMap<string, GgufValue>, notes: string[]): GgufModelFacts {
  const text = (key: string): string | undefined => {
    const value = metadata.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const whole = (key: string): number | undefined => wholeNumber(metadata.get(key));
  const architecture = text('general.architecture');
  const arch = architecture ?? '';
  for (const key of [`${arch}.attention.head_count`, `${arch}.attention.head_count_kv`]) {
    const value = metadata.get(key);
    if (typeof value === 'object' && value.items.length > 0) {
      notes.push(`${key} is a per-layer array; the largest value (${wholeNumber(value)}) is used`);
    }
  }
  const headCount = whole(`${arch}.attention.head_count`);
  let headCountKv = whole(`${arch}.attention.head_count_kv`);
  if (headCountKv === undefined && headCount !== undefined) {
    headCountKv = headCount;
    notes.push(
      `no ${arch}.attention.head_count_kv: per the spec the model does not use GQA, so KV heads = heads`,
    );
  }
  const fileType = whole('general.file_type');
  return {
    architecture,
    name: text('general.name'),
    blockCount: whole(`${arch}.block_count`),
    headCount,
    headCountKv,
    embeddingLength: whole(`${arch}.embedding_length`),
    keyLength: whole(`${arch}.attention.key_length`),
    valueLength: whole(`${arch}.attention.value_length`),
    contextLength: whole(`${arch}.context_length`),
    vocabSize: vocabSize(metadata.get('tokenizer.ggml.tokens')) ?? whole(`${arch}.vocab_size`),
    slidingWindow: whole(`${arch}.attention.sliding_window`),
    fileType,
    fileTypeName: fileType === undefined ? undefined : llamaFileTypeName(fileType),
    splitCount: whole('split.count'),
  };
}

function read(bytes: Uint8Array, givenFileSize: number | undefined): Parsed<GgufInfo> {
  const excerpt = hexExcerpt(bytes);
  const fail = (reason: string): Parsed<never> => unreadable(PROBE, reason, excerpt);
  const notes: string[] = [];
  let fileSize = givenFileSize;
  if (fileSize !== undefined && !(Number.isSafeInteger(fileSize) && fileSize >= bytes.length)) {
    notes.push(`the file size given (${fileSize}) is not a byte count at least as large as the bytes read`);
    fileSize = undefined;
  }
  const partial = fileSize !== undefined && fileSize > bytes.length;
  const endsInside = (where: string): string =>
    `${partial ? `the first ${bytes.length} bytes of the file end` : 'the file ends'} inside ${where}`;

  if (bytes.length < 4) {
    return fail(`not a GGUF file (it has ${bytes.length} bytes; a GGUF file starts with the 4 bytes "GGUF")`);
  }
  if (MAGIC.some((byte, index) => bytes[index] !== byte)) return fail(describeMagic(bytes));

  const cursor = new Cursor(bytes);
  cursor.skip(4);
  const metadata = new Map<string, GgufValue>();
  let where = 'the header';
  let version: number;
  let tensorCount: number;
  let metadataCount: number;
  try {
    version = cursor.u32();
    if (version !== 2 && version !== 3) return fail(describeVersion(version));
    tensorCount = Number(cursor.u64());
    metadataCount = Number(cursor.u64());
    for (let index = 0; index < metadataCount; index += 1) {
      where = `the metadata (key ${index + 1} of ${metadataCount})`;
      let key: string;
      try {
        key = cursor.string(true, MAX_NAME_BYTES);
      } catch (error) {
        if (error instanceof Invalid)
          throw new Invalid(`key ${index + 1} of ${metadataCount} has ${error.message}`);
        throw error;
      }
      const what = `key ${index + 1} of ${metadataCount} ("${key}")`;
      const type = valueType(cursor.u32(), what);
      const value = readValue(cursor, type, what, 0, true);
      if (metadata.has(key)) throw new Invalid(`${what} appears twice`);
      metadata.set(key, value);
    }
  } catch (error) {
    if (error instanceof OutOfBytes) return fail(endsInside(where));
    if (error instanceof Invalid) return fail(error.message);
    throw error;
  }

  const facts = ggufModelFacts(metadata, notes);
  const whole = (key: string): number | undefined => wholeNumber(metadata.get(key));
  let alignment = whole('general.alignment') ?? DEFAULT_ALIGNMENT;
  if (alignment === 0 || alignment % 8 !== 0) {
    notes.push(`general.alignment is ${alignment}, not a multiple of 8; ${DEFAULT_ALIGNMENT} is used`);
    alignment = DEFAULT_ALIGNMENT;
  }

  const totals: TensorTotals = {
    read: 0,
    named: new Map(),
    types: {},
    bytes: 0n,
    unknownTypes: new Set(),
  };
  let infosComplete = true;
  try {
    for (let index = 0; index < tensorCount; index += 1) {
      where = `the tensor infos (tensor ${index + 1} of ${tensorCount})`;
      readTensorInfo(cursor, totals, `tensor ${index + 1} of ${tensorCount}`);
    }
  } catch (error) {
    if (error instanceof Invalid) return fail(error.message);
    if (!(error instanceof OutOfBytes)) throw error;
    if (!partial) return fail(endsInside(where));
    infosComplete = false;
    notes.push(`${endsInside(where)}; read more of the file to total the tensors`);
  }

  let dataOffset: number | undefined;
  let tensorBytes: number | undefined;
  let tensorBytesSource: GgufInfo['tensorBytesSource'];
  if (infosComplete) {
    dataOffset = Math.ceil(cursor.offset / alignment) * alignment;
    const available = fileSize === undefined ? undefined : fileSize - dataOffset;
    if (totals.unknownTypes.size === 0) {
      tensorBytes = Number(totals.bytes);
      tensorBytesSource = 'tensor-infos';
      if (available !== undefined && totals.bytes > BigInt(Math.max(available, 0))) {
        notes.push(
          `the tensor infos describe ${tensorBytes} bytes but the file holds only ${Math.max(available, 0)} after ` +
            'the header: the file looks truncated (an unfinished download?)',
        );
      }
    } else if (available !== undefined && available >= 0) {
      tensorBytes = available;
      tensorBytesSource = 'file-size';
      notes.push(
        `ggml type ids ${[...totals.unknownTypes].join(', ')} are unknown here; tensor bytes = file size − data offset`,
      );
    }
  }

  return parsed({
    version,
    ...facts,
    tokenEmbdBytes: totals.named.get('token_embd.weight'),
    outputBytes: infosComplete ? totals.named.get('output.weight') : undefined,
    tensorCount,
    metadataCount,
    alignment,
    tensorInfosRead: totals.read,
    tensorTypes: totals.types,
    dataOffset,
    tensorBytes,
    tensorBytesSource,
    metadata,
    notes,
  });
}

/**
 * Read a GGUF file's header from its first bytes (up to the end of the tensor infos; the weights are not needed).
 * `fileSize` is the size of the whole file: with it, a prefix that stops inside the tensor infos still reads, and
 * tensor bytes can come from the file size when a tensor type is unknown. Truncated or foreign input gives an
 * unreadable result with the reason ("the file ends inside the metadata (key 3 of 24)"); it never throws.
 */
export function readGguf(bytes: Uint8Array, fileSize?: number): Parsed<GgufInfo> {
  return parseSafely(PROBE, hexExcerpt(bytes), () => read(bytes, fileSize));
}
