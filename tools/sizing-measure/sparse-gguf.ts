import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { GGML_TYPES, writeGguf, type GgufWriteEntry, type GgufWriteTensor } from '@headroom/core';

const ALIGNMENT = 32;

function tensorBytes(tensor: GgufWriteTensor): number {
  const type = GGML_TYPES.get(tensor.type);
  if (type === undefined) throw new Error(`unknown ggml type ${tensor.type} of ${tensor.name}`);
  const elements = tensor.dims.reduce((product, dim) => product * dim, 1);
  return Math.ceil(elements / type.blockSize) * type.typeSize;
}

/**
 * Write a GGUF file with the project's writer whose tensor data is a hole: the header and tensor infos are real, the
 * file is then extended to its full size with ftruncate, so it takes a few MB on disk whatever its length. Returns the
 * file size and the tensor bytes (what llama.cpp maps as weights).
 */
export function writeSparseGguf(
  path: string,
  metadata: readonly GgufWriteEntry[],
  tensors: readonly GgufWriteTensor[],
): { fileBytes: number; tensorBytes: number } {
  const header = writeGguf({ metadata, tensors, alignment: ALIGNMENT });
  const dataOffset = Math.ceil(header.length / ALIGNMENT) * ALIGNMENT;
  const data = tensors.reduce(
    (sum, tensor) => sum + Math.ceil(tensorBytes(tensor) / ALIGNMENT) * ALIGNMENT,
    0,
  );
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    ftruncateSync(fd, dataOffset + data);
  } finally {
    closeSync(fd);
  }
  return {
    fileBytes: dataOffset + data,
    tensorBytes: tensors.reduce((sum, tensor) => sum + tensorBytes(tensor), 0),
  };
}
