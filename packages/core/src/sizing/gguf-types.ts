/**
 * The fixed tables of the GGUF format: metadata value types, ggml tensor types with their block sizes, and the
 * `general.file_type` names.
 *
 * Sources: the GGUF spec, https://github.com/ggml-org/ggml/blob/master/docs/gguf.md (value types and ggml type ids);
 * block sizes from `GGML_QUANT_SIZES` in https://github.com/ggml-org/llama.cpp/blob/master/gguf-py/gguf/constants.py;
 * file types from `llama_ftype` in https://github.com/ggml-org/llama.cpp/blob/master/include/llama.h.
 */

/** GGUF metadata value types, by their id in the file (`gguf_metadata_value_type`). */
export const GGUF_VALUE_TYPES = [
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'bool',
  'string',
  'array',
  'uint64',
  'int64',
  'float64',
] as const;

/** The name of a GGUF metadata value type. */
export type GgufValueTypeName = (typeof GGUF_VALUE_TYPES)[number];

/** The byte width of each fixed-size metadata value type (strings and arrays have none). */
export const GGUF_VALUE_WIDTH: Readonly<Partial<Record<GgufValueTypeName, number>>> = {
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  bool: 1,
  uint64: 8,
  int64: 8,
  float64: 8,
};

/** A ggml tensor type: how many elements one block holds and how many bytes that block takes. */
export interface GgmlType {
  readonly name: string;
  readonly blockSize: number;
  readonly typeSize: number;
}

const QK_K = 256;

/** ggml tensor types by id. Ids the spec marks as removed (4, 5, 31–33, 36–38) are absent. */
export const GGML_TYPES: ReadonlyMap<number, GgmlType> = new Map<number, GgmlType>(
  (
    [
      [0, 'F32', 1, 4],
      [1, 'F16', 1, 2],
      [2, 'Q4_0', 32, 2 + 16],
      [3, 'Q4_1', 32, 2 + 2 + 16],
      [6, 'Q5_0', 32, 2 + 4 + 16],
      [7, 'Q5_1', 32, 2 + 2 + 4 + 16],
      [8, 'Q8_0', 32, 2 + 32],
      [9, 'Q8_1', 32, 2 + 2 + 32],
      [10, 'Q2_K', QK_K, 2 + 2 + QK_K / 16 + QK_K / 4],
      [11, 'Q3_K', QK_K, 2 + QK_K / 4 + QK_K / 8 + 12],
      [12, 'Q4_K', QK_K, 2 + 2 + QK_K / 2 + 12],
      [13, 'Q5_K', QK_K, 2 + 2 + QK_K / 2 + QK_K / 8 + 12],
      [14, 'Q6_K', QK_K, 2 + QK_K / 2 + QK_K / 4 + QK_K / 16],
      [15, 'Q8_K', QK_K, 4 + QK_K + QK_K / 8],
      [16, 'IQ2_XXS', QK_K, 2 + QK_K / 4],
      [17, 'IQ2_XS', QK_K, 2 + QK_K / 4 + QK_K / 32],
      [18, 'IQ3_XXS', QK_K, 2 + QK_K / 4 + QK_K / 8],
      [19, 'IQ1_S', QK_K, 2 + QK_K / 8 + QK_K / 16],
      [20, 'IQ4_NL', 32, 2 + 16],
      [21, 'IQ3_S', QK_K, 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4],
      [22, 'IQ2_S', QK_K, 2 + QK_K / 4 + QK_K / 16],
      [23, 'IQ4_XS', QK_K, 2 + 2 + QK_K / 2 + QK_K / 64],
      [24, 'I8', 1, 1],
      [25, 'I16', 1, 2],
      [26, 'I32', 1, 4],
      [27, 'I64', 1, 8],
      [28, 'F64', 1, 8],
      [29, 'IQ1_M', QK_K, QK_K / 8 + QK_K / 16 + QK_K / 32],
      [30, 'BF16', 1, 2],
      [34, 'TQ1_0', QK_K, 2 + 4 * 13],
      [35, 'TQ2_0', QK_K, 2 + 64],
      [39, 'MXFP4', 32, 1 + 16],
    ] as const
  ).map(([id, name, blockSize, typeSize]) => [id, { name, blockSize, typeSize }]),
);

const FILE_TYPES: readonly (string | undefined)[] = [
  'F32',
  'F16',
  'Q4_0',
  'Q4_1',
  'Q4_1_SOME_F16',
  undefined,
  undefined,
  'Q8_0',
  'Q5_0',
  'Q5_1',
  'Q2_K',
  'Q3_K_S',
  'Q3_K_M',
  'Q3_K_L',
  'Q4_K_S',
  'Q4_K_M',
  'Q5_K_S',
  'Q5_K_M',
  'Q6_K',
  'IQ2_XXS',
  'IQ2_XS',
  'Q2_K_S',
  'IQ3_XS',
  'IQ3_XXS',
  'IQ1_S',
  'IQ4_NL',
  'IQ3_S',
  'IQ3_M',
  'IQ2_S',
  'IQ2_M',
  'IQ4_XS',
  'IQ1_M',
  'BF16',
];

/** The quantization name of a `general.file_type` value (`15` → `Q4_K_M`), or undefined when unknown. */
export function llamaFileTypeName(fileType: number): string | undefined {
  return Number.isInteger(fileType) ? FILE_TYPES[fileType] : undefined;
}
