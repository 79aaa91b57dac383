import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGguf, type GgufArray, type GgufInfo } from './gguf';
import { writeGguf, type GgufWriteEntry, type GgufWriteSpec } from './gguf-writer';

const Q4_K = 12;
const F32 = 0;

/** Every metadata value type, arrays (of numbers, of strings, nested) included, around a llama model's keys. */
const metadata: GgufWriteEntry[] = [
  { key: 'general.architecture', type: 'string', value: 'llama' },
  { key: 'general.name', type: 'string', value: 'Tiny Llama ✓' },
  { key: 'general.file_type', type: 'uint32', value: 15 },
  { key: 'llama.block_count', type: 'uint32', value: 32 },
  { key: 'llama.context_length', type: 'uint64', value: 131_072n },
  { key: 'llama.embedding_length', type: 'uint32', value: 4096 },
  { key: 'llama.attention.head_count', type: 'uint32', value: 32 },
  { key: 'llama.attention.head_count_kv', type: 'uint32', value: 8 },
  { key: 'test.uint8', type: 'uint8', value: 200 },
  { key: 'test.int8', type: 'int8', value: -5 },
  { key: 'test.uint16', type: 'uint16', value: 65_000 },
  { key: 'test.int16', type: 'int16', value: -30_000 },
  { key: 'test.int32', type: 'int32', value: -2_000_000_000 },
  { key: 'test.float32', type: 'float32', value: 1.5 },
  { key: 'test.bool', type: 'bool', value: true },
  { key: 'test.uint64.big', type: 'uint64', value: 2n ** 60n },
  { key: 'test.int64', type: 'int64', value: -3n },
  { key: 'test.float64', type: 'float64', value: 0.1 },
  { key: 'test.ints', type: 'array', value: { itemType: 'int32', items: [1, -2, 3] } },
  {
    key: 'tokenizer.ggml.tokens',
    type: 'array',
    value: { itemType: 'string', items: ['<s>', '</s>', 'héllo'] },
  },
  {
    key: 'test.nested',
    type: 'array',
    value: {
      itemType: 'array',
      items: [
        { itemType: 'uint8', items: [1, 2] },
        { itemType: 'string', items: ['x'] },
      ],
    },
  },
  { key: 'test.empty', type: 'array', value: { itemType: 'float32', items: [] } },
];

const tensors = [
  { name: 'blk.0.attn_q.weight', dims: [256, 4], type: Q4_K }, // 4 blocks × 144 bytes
  { name: 'blk.0.attn_norm.weight', dims: [256], type: F32 }, // 256 × 4 bytes
];

const spec: GgufWriteSpec = { metadata, tensors, withData: true };

function read(bytes: Uint8Array, fileSize?: number): GgufInfo {
  const result = readGguf(bytes, fileSize);
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.value;
}

function reason(bytes: Uint8Array, fileSize?: number): string {
  const result = readGguf(bytes, fileSize);
  if (result.ok) throw new Error('expected an unreadable result');
  return result.unreadable.reason;
}

/** The byte length of a file written with only the first `keys` metadata entries and no tensors. */
function lengthThroughKey(keys: number): number {
  return writeGguf({ metadata: metadata.slice(0, keys) }).length;
}

describe('readGguf', () => {
  it('reads the header, every value type, and totals the tensors from their infos', () => {
    const bytes = writeGguf(spec);
    const info = read(bytes, bytes.length);
    expect(info).toMatchObject({
      version: 3,
      architecture: 'llama',
      name: 'Tiny Llama ✓',
      blockCount: 32,
      headCount: 32,
      headCountKv: 8,
      embeddingLength: 4096,
      keyLength: undefined,
      contextLength: 131_072,
      fileType: 15,
      fileTypeName: 'Q4_K_M',
      splitCount: undefined,
      tensorCount: 2,
      metadataCount: metadata.length,
      alignment: 32,
      tensorInfosRead: 2,
      tensorTypes: { Q4_K: 1, F32: 1 },
      tensorBytes: 4 * 144 + 256 * 4,
      tensorBytesSource: 'tensor-infos',
      notes: [],
    });
    expect(info.dataOffset).toBe(bytes.length - 576 - 1024);
    expect((info.dataOffset ?? 1) % 32).toBe(0);
    const value = (key: string) => info.metadata.get(key);
    expect(value('test.uint8')).toBe(200);
    expect(value('test.int8')).toBe(-5);
    expect(value('test.uint16')).toBe(65_000);
    expect(value('test.int16')).toBe(-30_000);
    expect(value('test.int32')).toBe(-2_000_000_000);
    expect(value('test.float32')).toBe(1.5);
    expect(value('test.bool')).toBe(true);
    expect(value('test.uint64.big')).toBe(2n ** 60n);
    expect(value('test.int64')).toBe(-3);
    expect(value('test.float64')).toBe(0.1);
    expect(value('test.ints')).toEqual({ itemType: 'int32', length: 3, items: [1, -2, 3] });
    expect(value('tokenizer.ggml.tokens')).toEqual({
      itemType: 'string',
      length: 3,
      items: ['<s>', '</s>', 'héllo'],
    });
    expect(value('test.nested')).toEqual({
      itemType: 'array',
      length: 2,
      items: [
        { itemType: 'uint8', length: 2, items: [1, 2] },
        { itemType: 'string', length: 1, items: ['x'] },
      ],
    });
    expect(value('test.empty')).toEqual({ itemType: 'float32', length: 0, items: [] });
  });

  it('reads a version 2 file, which has the same layout', () => {
    const bytes = writeGguf({ ...spec, version: 2 });
    expect(read(bytes)).toMatchObject({ version: 2, blockCount: 32, tensorBytes: 1600 });
  });

  it('needs only the header: the first bytes plus the file size give the same answer', () => {
    const file = writeGguf(spec);
    const header = writeGguf({ ...spec, withData: false });
    expect(read(header, file.length)).toMatchObject({ tensorBytes: 1600, dataOffset: read(file).dataOffset });
  });

  it('keeps the first 1024 items of a long array and its declared length', () => {
    const items = Array.from({ length: 3000 }, (_, index) => index);
    const bytes = writeGguf({
      metadata: [{ key: 'a', type: 'array', value: { itemType: 'uint16', items } }],
    });
    const array = read(bytes).metadata.get('a') as GgufArray;
    expect(array.length).toBe(3000);
    expect(array.items).toHaveLength(1024);
    expect(array.items[1023]).toBe(1023);
  });

  it('takes the head size from key_length when the file has it (Gemma 2 27B: 128, not 4608 / 32)', () => {
    const bytes = writeGguf({
      metadata: [
        { key: 'general.architecture', type: 'string', value: 'gemma2' },
        { key: 'gemma2.block_count', type: 'uint32', value: 46 },
        { key: 'gemma2.embedding_length', type: 'uint32', value: 4608 },
        { key: 'gemma2.attention.head_count', type: 'uint32', value: 32 },
        { key: 'gemma2.attention.head_count_kv', type: 'uint32', value: 16 },
        { key: 'gemma2.attention.key_length', type: 'uint32', value: 128 },
        { key: 'gemma2.attention.value_length', type: 'uint32', value: 128 },
      ],
    });
    expect(read(bytes)).toMatchObject({ blockCount: 46, headCountKv: 16, keyLength: 128, valueLength: 128 });
  });

  it('reads split.count, which marks one file of a model split by gguf-split', () => {
    const bytes = writeGguf({ metadata: [{ key: 'split.count', type: 'uint16', value: 2 }] });
    expect(read(bytes).splitCount).toBe(2);
  });

  it('defaults KV heads to the head count (no GQA) and reads per-layer arrays by their largest value', () => {
    const noKv = writeGguf({
      metadata: [
        { key: 'general.architecture', type: 'string', value: 'gpt2' },
        { key: 'gpt2.attention.head_count', type: 'uint32', value: 12 },
      ],
    });
    const plain = read(noKv);
    expect(plain.headCountKv).toBe(12);
    expect(plain.notes).toEqual([expect.stringContaining('does not use GQA')]);

    const perLayer = writeGguf({
      metadata: [
        { key: 'general.architecture', type: 'string', value: 'openelm' },
        {
          key: 'openelm.attention.head_count_kv',
          type: 'array',
          value: { itemType: 'int32', items: [3, 4, 5] },
        },
      ],
    });
    const layered = read(perLayer);
    expect(layered.headCountKv).toBe(5);
    expect(layered.notes).toEqual([expect.stringContaining('per-layer array; the largest value (5)')]);
  });

  it('falls back to file size minus the data offset when a tensor type is unknown', () => {
    const bytes = writeGguf({ metadata: [], tensors: [{ name: 'x', dims: [64], type: 200 }] });
    const info = read(bytes, bytes.length + 1000);
    expect(info.tensorTypes).toEqual({ 'type 200': 1 });
    expect(info.tensorBytesSource).toBe('file-size');
    expect(info.tensorBytes).toBe(bytes.length + 1000 - (info.dataOffset ?? 0));
  });

  it('says when the tensors need more bytes than the file holds (an unfinished download)', () => {
    const file = writeGguf(spec);
    const info = read(file.subarray(0, file.length - 100), file.length - 100);
    expect(info.notes).toEqual([expect.stringContaining('the file looks truncated')]);
  });

  it('given only the start of a big file, stops at the tensor infos without failing', () => {
    const file = writeGguf(spec);
    const cut = lengthThroughKey(metadata.length) + 10;
    const info = read(file.subarray(0, cut), 50_000_000_000);
    expect(info).toMatchObject({ tensorInfosRead: 0, tensorBytes: undefined, dataOffset: undefined });
    expect(info.notes).toEqual([
      `the first ${cut} bytes of the file end inside the tensor infos (tensor 1 of 2); read more of the file to total the tensors`,
    ]);
  });

  it('names where a truncated file ends', () => {
    const file = writeGguf(spec);
    expect(reason(file.subarray(0, lengthThroughKey(2) + 3))).toBe(
      `the file ends inside the metadata (key 3 of ${metadata.length})`,
    );
    expect(reason(file.subarray(0, lengthThroughKey(2) + 3), file.length)).toBe(
      `the first ${lengthThroughKey(2) + 3} bytes of the file end inside the metadata (key 3 of ${metadata.length})`,
    );
    expect(reason(file.subarray(0, 10))).toBe('the file ends inside the header');
    const header = writeGguf({ ...spec, withData: false });
    expect(reason(header.subarray(0, header.length - 5))).toBe(
      'the file ends inside the tensor infos (tensor 2 of 2)',
    );
  });

  it('refuses what is not GGUF, saying what the magic is', () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    expect(reason(elf)).toBe('not a GGUF file (magic is 7f 45 4c 46, a GGUF file starts with "GGUF")');
    expect(reason(new TextEncoder().encode('{"model": "llama"}'))).toBe(
      'not a GGUF file (magic is "{"mo", a GGUF file starts with "GGUF")',
    );
    expect(reason(new TextEncoder().encode('tjgg....'))).toContain(
      'from before GGUF, convert it with llama.cpp',
    );
    expect(reason(new Uint8Array([0x47, 0x47]))).toBe(
      'not a GGUF file (it has 2 bytes; a GGUF file starts with the 4 bytes "GGUF")',
    );
    const result = readGguf(elf);
    expect(result.ok ? '' : result.unreadable).toMatchObject({
      probe: 'gguf',
      excerpt: '7f 45 4c 46 02 01 01 00',
    });
  });

  it('refuses version 1, big-endian files and unknown value types with the reason', () => {
    const v1 = writeGguf({ ...spec, version: 1 });
    expect(reason(v1)).toBe('GGUF version 1 (before October 2023) is not supported; re-convert the model');
    const bigEndian = writeGguf({ ...spec, version: 3 * 2 ** 24 });
    expect(reason(bigEndian)).toContain('big-endian');
    const bad = writeGguf({ metadata: [{ key: 'a.b', type: 'uint8', value: 1 }] });
    bad[24 + 8 + 3] = 42; // the value type of the first key
    expect(reason(bad)).toBe('key 1 of 1 ("a.b") has an unknown value type 42');
    const twice = writeGguf({
      metadata: [
        { key: 'a', type: 'uint8', value: 1 },
        { key: 'a', type: 'uint8', value: 2 },
      ],
    });
    expect(reason(twice)).toBe('key 2 of 2 ("a") appears twice');
  });

  it('never throws, whatever the bytes', () => {
    const valid = writeGguf(spec);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(() => readGguf(bytes)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom(2, 3),
        fc.option(fc.nat(), { nil: undefined }),
        (tail, version, fileSize) => {
          const bytes = new Uint8Array([0x47, 0x47, 0x55, 0x46, version, 0, 0, 0, ...tail]);
          expect(() => readGguf(bytes, fileSize)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(valid.length),
        (edits, cut) => {
          const bytes = valid.slice(0, cut);
          for (const [at, byte] of edits) if (at < bytes.length) bytes[at] = byte;
          expect(() => readGguf(bytes, valid.length)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });
});
