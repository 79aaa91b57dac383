import { GGML_TYPES, GGUF_VALUE_TYPES, type GgufValueTypeName } from './gguf-types';

/**
 * A minimal GGUF writer, the mirror of `readGguf`: header, typed metadata (arrays included) and tensor infos, then
 * optional zero-filled tensor data. Tests build small files with it; it is not meant to write real models.
 */

/** A value to write: scalars as their type says, arrays as `{ itemType, items }`. */
export type GgufWriteValue =
  | number
  | bigint
  | boolean
  | string
  | { readonly itemType: GgufValueTypeName; readonly items: readonly GgufWriteValue[] };

/** One metadata key with its GGUF value type. */
export interface GgufWriteEntry {
  readonly key: string;
  readonly type: GgufValueTypeName;
  readonly value: GgufWriteValue;
}

/** One tensor info: its name, dimensions (innermost first) and ggml type id. */
export interface GgufWriteTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly type: number;
}

/** What to write. `withData` appends the aligned, zero-filled tensor data so the file size is the real one. */
export interface GgufWriteSpec {
  readonly version?: number;
  readonly metadata: readonly GgufWriteEntry[];
  readonly tensors?: readonly GgufWriteTensor[];
  readonly alignment?: number;
  readonly withData?: boolean;
}

const { TextEncoder } = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
};
const utf8 = new TextEncoder();

class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  length = 0;

  bytes(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  fixed(width: number, write: (view: DataView) => void): void {
    const buffer = new Uint8Array(width);
    write(new DataView(buffer.buffer));
    this.bytes(buffer);
  }

  u32(value: number): void {
    this.fixed(4, (view) => view.setUint32(0, value, true));
  }

  u64(value: number | bigint): void {
    this.fixed(8, (view) => view.setBigUint64(0, BigInt(value), true));
  }

  string(text: string): void {
    const encoded = utf8.encode(text);
    this.u64(encoded.length);
    this.bytes(encoded);
  }

  value(type: GgufValueTypeName, value: GgufWriteValue): void {
    if (typeof value === 'object') {
      this.u32(GGUF_VALUE_TYPES.indexOf(value.itemType));
      this.u64(value.items.length);
      for (const item of value.items) this.value(value.itemType, item);
      return;
    }
    const number = typeof value === 'boolean' ? Number(value) : value;
    switch (type) {
      case 'string':
        this.string(String(value));
        return;
      case 'uint8':
      case 'bool':
        this.fixed(1, (view) => view.setUint8(0, Number(number)));
        return;
      case 'int8':
        this.fixed(1, (view) => view.setInt8(0, Number(number)));
        return;
      case 'uint16':
        this.fixed(2, (view) => view.setUint16(0, Number(number), true));
        return;
      case 'int16':
        this.fixed(2, (view) => view.setInt16(0, Number(number), true));
        return;
      case 'uint32':
        this.u32(Number(number));
        return;
      case 'int32':
        this.fixed(4, (view) => view.setInt32(0, Number(number), true));
        return;
      case 'float32':
        this.fixed(4, (view) => view.setFloat32(0, Number(number), true));
        return;
      case 'uint64':
        this.u64(BigInt(number));
        return;
      case 'int64':
        this.fixed(8, (view) => view.setBigInt64(0, BigInt(number), true));
        return;
      case 'float64':
        this.fixed(8, (view) => view.setFloat64(0, Number(number), true));
        return;
      case 'array':
        throw new Error('an array value needs { itemType, items }');
    }
  }

  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

function tensorBytes(tensor: GgufWriteTensor): number {
  const type = GGML_TYPES.get(tensor.type);
  if (type === undefined) return 0;
  const elements = tensor.dims.reduce((product, dim) => product * dim, 1);
  return Math.ceil(elements / type.blockSize) * type.typeSize;
}

/** Encode a GGUF file (or just its header when `withData` is false) from a spec. */
export function writeGguf(spec: GgufWriteSpec): Uint8Array {
  const alignment = spec.alignment ?? 32;
  const tensors = spec.tensors ?? [];
  const out = new ByteWriter();
  out.bytes(utf8.encode('GGUF'));
  out.u32(spec.version ?? 3);
  out.u64(tensors.length);
  out.u64(spec.metadata.length);
  for (const entry of spec.metadata) {
    out.string(entry.key);
    out.u32(GGUF_VALUE_TYPES.indexOf(entry.type));
    out.value(entry.type, entry.value);
  }
  let offset = 0;
  for (const tensor of tensors) {
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(tensor.type);
    out.u64(offset);
    offset += Math.ceil(tensorBytes(tensor) / alignment) * alignment;
  }
  if (spec.withData) {
    out.bytes(new Uint8Array((alignment - (out.length % alignment)) % alignment));
    out.bytes(new Uint8Array(offset));
  }
  return out.result();
}
