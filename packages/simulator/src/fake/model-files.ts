import { GGUF_HEADER_MARKER, MODEL_FILES_MARKER, writeGguf, type GgufWriteEntry } from '@headroom/core';
import type { SimulatedDistro, SimulatedGgufHeader, SimulatedModelFile } from '../scenarios/scenario';
import type { LinuxOutput } from './distro-linux';

/** Whether a command is the model discovery's listing of the model folders (`sh -c <script>`). */
export function isModelFilesListing(command: readonly string[]): boolean {
  return command[0] === 'sh' && command[1] === '-c' && (command[2] ?? '').includes(MODEL_FILES_MARKER);
}

/** Whether a command is the model discovery's read of one file's header. */
export function isGgufHeaderRead(command: readonly string[]): boolean {
  return command[0] === 'sh' && command[1] === '-c' && (command[2] ?? '').includes(GGUF_HEADER_MARKER);
}

/** What the listing prints in the distro: each folder that has files, then its files (size, mtime, path). */
export function modelFilesListing(distro: SimulatedDistro): LinuxOutput {
  const files = distro.modelFiles ?? [];
  const folders = [...new Map(files.map((file) => [file.folder, file.folderKind])).entries()];
  const stdout = folders
    .map(([folder, kind]) =>
      [
        `dir ${kind} ${folder}\n`,
        ...files
          .filter((file) => file.folder === folder)
          .map((file) => `gguf ${file.sizeBytes} ${Date.parse(file.modifiedAt) / 1000} ${file.path}\n`),
      ].join(''),
    )
    .join('');
  return { stdout, stderr: '', exitCode: 0 };
}

/** A simulated header as GGUF bytes, written by core's writer. */
export function ggufHeaderBytes(header: SimulatedGgufHeader): Uint8Array {
  const metadata: GgufWriteEntry[] = [
    { key: 'general.architecture', type: 'string', value: header.architecture },
    { key: 'general.file_type', type: 'uint32', value: header.fileType },
    ...Object.entries(header.keys).map(([key, value]): GgufWriteEntry => ({
      key: `${header.architecture}.${key}`,
      type: 'uint32',
      value,
    })),
    ...(header.splitCount === undefined
      ? []
      : [{ key: 'split.count', type: 'uint16', value: header.splitCount } satisfies GgufWriteEntry]),
  ];
  return writeGguf({ metadata });
}

function fileBytes(file: SimulatedModelFile): Uint8Array {
  return 'text' in file.header ? new TextEncoder().encode(file.header.text) : ggufHeaderBytes(file.header);
}

/** `head -c LIMIT -- PATH | base64 -w 0` in the distro: the file's first bytes, or head's error. */
export function ggufHeaderRead(distro: SimulatedDistro, command: readonly string[]): LinuxOutput {
  const limit = Number(command[4] ?? '0');
  const path = command[5] ?? '';
  const file = distro.modelFiles?.find((candidate) => candidate.path === path);
  if (!file) {
    return {
      stdout: '',
      stderr: `head: cannot open '${path}' for reading: No such file or directory\n`,
      exitCode: 1,
    };
  }
  return {
    stdout: Buffer.from(fileBytes(file).subarray(0, limit)).toString('base64'),
    stderr: '',
    exitCode: 0,
  };
}
