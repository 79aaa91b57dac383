/**
 * GGUF files in a distro's model folders: the shell command that lists them (run only in a distro that is already
 * running), its output read back, split models (`-00001-of-00002.gguf`) joined into one, and the command that reads
 * the start of one file (its header) as base64.
 */

/** The comment that marks the listing command, so the simulator can answer it. */
export const MODEL_FILES_MARKER = 'headroom-model-files';
/** The comment that marks the header-reading command. */
export const GGUF_HEADER_MARKER = 'headroom-gguf-header';

/** The folders looked in, each with the kind of cache it is. */
export const MODEL_FOLDER_KINDS = ['huggingface', 'llama.cpp', 'ollama'] as const;
/** One of {@link MODEL_FOLDER_KINDS}. */
export type ModelFolderKind = (typeof MODEL_FOLDER_KINDS)[number];

/** What each kind of folder is called in the window. */
export const MODEL_FOLDER_NAMES: Readonly<Record<ModelFolderKind, string>> = {
  huggingface: 'Hugging Face cache',
  'llama.cpp': 'llama.cpp cache',
  ollama: "Ollama's model folder",
};

/** At most this many files are listed per folder (a folder of thousands would flood the pipe). */
export const MAX_FILES_PER_FOLDER = 200;

/**
 * `sh -c` script: for each model folder that exists, a `dir KIND PATH` line, then one `gguf SIZE MTIME PATH` line per
 * `*.gguf` under it (following the Hugging Face cache's links into its blobs: the size is the blob's).
 */
export const MODEL_FILES_COMMAND = [
  `: ${MODEL_FILES_MARKER};`,
  'list() { if [ -n "$2" ] && [ -d "$2" ]; then echo "dir $1 $2";',
  `find -L "$2" -maxdepth 8 -type f -name '*.gguf' -printf 'gguf %s %T@ %p\\n' 2>/dev/null | head -n ${MAX_FILES_PER_FOLDER}; fi; };`,
  'list huggingface "${HF_HUB_CACHE:-${HF_HOME:-$HOME/.cache/huggingface}/hub}";',
  'list llama.cpp "${LLAMA_CACHE:-$HOME/.cache/llama.cpp}";',
  'list ollama "$OLLAMA_MODELS"; true',
].join(' ');

/** The most of a file's start the header read takes: Llama 3's tokenizer alone is about 8 MB of metadata. */
export const GGUF_HEADER_BYTES = 16 * 2 ** 20;

/** `wsl -e` argv that prints the first {@link GGUF_HEADER_BYTES} of `path` as one line of base64. */
export function ggufHeaderCommand(path: string): [string, ...string[]] {
  return [
    'sh',
    '-c',
    `: ${GGUF_HEADER_MARKER}; head -c "$1" -- "$2" | base64 -w 0`,
    'sh',
    String(GGUF_HEADER_BYTES),
    path,
  ];
}

/** One GGUF file the listing found. */
export interface GgufFileEntry {
  readonly kind: ModelFolderKind;
  readonly folder: string;
  readonly path: string;
  readonly sizeBytes: number;
  /** Last modified, ms since the epoch. */
  readonly modifiedMs: number;
}

/** The listing: the folders that exist and the files in them. */
export interface ModelFilesListing {
  readonly folders: readonly { readonly kind: ModelFolderKind; readonly path: string }[];
  readonly files: readonly GgufFileEntry[];
}

function isKind(value: string): value is ModelFolderKind {
  return (MODEL_FOLDER_KINDS as readonly string[]).includes(value);
}

/** Read {@link MODEL_FILES_COMMAND}'s output; lines that do not have the shape are left out. */
export function parseModelFiles(stdout: string): ModelFilesListing {
  const folders: { kind: ModelFolderKind; path: string }[] = [];
  const files: GgufFileEntry[] = [];
  for (const line of stdout.split('\n')) {
    const dir = /^dir (\S+) (.+)$/.exec(line);
    if (dir?.[1] !== undefined && dir[2] !== undefined && isKind(dir[1])) {
      folders.push({ kind: dir[1], path: dir[2] });
      continue;
    }
    const file = /^gguf (\d+) (\d+(?:\.\d+)?) (.+)$/.exec(line);
    const folder = folders.at(-1);
    if (file?.[3] !== undefined && folder) {
      files.push({
        kind: folder.kind,
        folder: folder.path,
        path: file[3],
        sizeBytes: Number(file[1]),
        modifiedMs: Math.round(Number(file[2]) * 1000),
      });
    }
  }
  return { folders, files };
}

/** A model made of one GGUF file or of every part of a split one. */
export interface GgufModelFiles {
  /** The file whose header is read: the only file, or part 1. */
  readonly path: string;
  readonly kind: ModelFolderKind;
  /** The file's name without `.gguf` and without the split suffix. */
  readonly name: string;
  /** The Hugging Face repository (`bartowski/Meta-Llama-3.1-8B-Instruct-GGUF`), for a file in its cache. */
  readonly repo: string | undefined;
  /** Every part's bytes together. */
  readonly sizeBytes: number;
  /** The bytes of the file whose header is read (part 1 of a split model). */
  readonly headSizeBytes: number;
  readonly modifiedMs: number;
  /** How many files the model is split into (1 when it is not). */
  readonly parts: number;
  /** Parts the split name promises that are not there (an unfinished download). */
  readonly missingParts: number;
}

const SPLIT = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** `models--org--name` in a Hugging Face cache path, as `org/name`. */
function huggingFaceRepo(path: string): string | undefined {
  const match = /\/models--([^/]+)\/snapshots\//.exec(path);
  return match?.[1]?.split('--').join('/');
}

/**
 * Join the listing's files into models: the parts of a split GGUF become one model (the size of all parts, the
 * newest part's time); a file a Hugging Face cache holds in several snapshots counts once (the newest); a vision
 * projector (`mmproj-*.gguf`) is not a model and is left out.
 */
export function groupGgufFiles(files: readonly GgufFileEntry[]): GgufModelFiles[] {
  const groups = new Map<
    string,
    { entries: GgufFileEntry[]; name: string; total: number; first: GgufFileEntry | undefined }
  >();
  for (const file of files) {
    const name = baseName(file.path);
    if (/^mmproj/i.test(name)) continue;
    const split = SPLIT.exec(name);
    const repo = huggingFaceRepo(file.path);
    const stem = split?.[1] ?? name.replace(/\.gguf$/i, '');
    // A Hugging Face repository's file is the same model in every snapshot; elsewhere the folder tells files apart.
    const key = `${file.kind}\u0000${repo ?? folderOf(file.path)}\u0000${stem}\u0000${split?.[3] ?? '1'}`;
    const group = groups.get(key) ?? {
      entries: [],
      name: stem,
      total: Number(split?.[3] ?? 1),
      first: undefined,
    };
    const part = Number(split?.[2] ?? 1);
    const same = group.entries.findIndex((entry) => partOf(entry) === part);
    if (same === -1) group.entries.push(file);
    else if ((group.entries[same]?.modifiedMs ?? 0) < file.modifiedMs) group.entries[same] = file;
    groups.set(key, group);
  }
  const models: GgufModelFiles[] = [];
  for (const group of groups.values()) {
    const sorted = [...group.entries].sort((a, b) => partOf(a) - partOf(b));
    const head = sorted[0];
    if (!head) continue;
    models.push({
      path: head.path,
      kind: head.kind,
      name: group.name,
      repo: huggingFaceRepo(head.path),
      sizeBytes: sorted.reduce((sum, entry) => sum + entry.sizeBytes, 0),
      headSizeBytes: head.sizeBytes,
      modifiedMs: Math.max(...sorted.map((entry) => entry.modifiedMs)),
      parts: group.total,
      missingParts: group.total - sorted.length,
    });
  }
  return models;
}

function partOf(entry: GgufFileEntry): number {
  return Number(SPLIT.exec(baseName(entry.path))?.[2] ?? 1);
}

/** Decode the header command's base64 output; undefined when it is not base64. */
export function decodeHeaderBase64(stdout: string): Uint8Array | undefined {
  const text = stdout.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | alphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at] = (buffer >> bits) & 0xff;
      at += 1;
    }
  }
  return bytes;
}
