import { readFileSync } from 'node:fs';
import {
  GGUF_HEADER_MARKER,
  MODEL_FILES_MARKER,
  writeGguf,
  type GgufWriteEntry,
  type WslDistro,
} from '@headroom/core';
import { memoryLog, type OllamaApi, type ProcessResult } from '@headroom/host';
import { describe, expect, it } from 'vitest';
import { createModelFinder } from './model-discovery';

const docs = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../core/src/models/testdata/${name}`, import.meta.url), 'utf8'));

/** A GGUF header as the project's writer writes it: the shape keys of one architecture, Q4_K_M (file type 15). */
function header(arch: string, keys: Record<string, number>, extra: GgufWriteEntry[] = []): Uint8Array {
  return writeGguf({
    metadata: [
      { key: 'general.architecture', type: 'string', value: arch },
      { key: 'general.file_type', type: 'uint32', value: 15 },
      ...Object.entries(keys).map(([key, value]): GgufWriteEntry => ({
        key: `${arch}.${key}`,
        type: 'uint32',
        value,
      })),
      ...extra,
    ],
  });
}

const HF = '/home/ana/.cache/huggingface/hub';
const SNAP = (repo: string): string => `${HF}/models--${repo.replace('/', '--')}/snapshots/0123abcd`;
const FILES: Record<string, { size: number; bytes: Uint8Array }> = {
  [`${SNAP('bartowski/Meta-Llama-3.1-8B-Instruct-GGUF')}/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf`]: {
    size: 4_920_734_016,
    bytes: header('llama', {
      block_count: 32,
      context_length: 131_072,
      embedding_length: 4096,
      'attention.head_count': 32,
      'attention.head_count_kv': 8,
      vocab_size: 128_256,
    }),
  },
  [`${SNAP('bartowski/Qwen2.5-7B-Instruct-GGUF')}/Qwen2.5-7B-Instruct-Q4_K_M-00001-of-00002.gguf`]: {
    size: 3_000_000_000,
    bytes: header(
      'qwen2',
      {
        block_count: 28,
        context_length: 32_768,
        embedding_length: 3584,
        'attention.head_count': 28,
        'attention.head_count_kv': 4,
        vocab_size: 152_064,
      },
      [{ key: 'split.count', type: 'uint16', value: 2 }],
    ),
  },
  [`${SNAP('bartowski/Qwen2.5-7B-Instruct-GGUF')}/Qwen2.5-7B-Instruct-Q4_K_M-00002-of-00002.gguf`]: {
    size: 1_683_000_000,
    bytes: new Uint8Array(),
  },
  '/home/ana/.cache/llama.cpp/gemma-2-9b-it-Q4_K_M.gguf': {
    size: 5_761_057_728,
    bytes: header('gemma2', {
      block_count: 42,
      context_length: 8192,
      embedding_length: 3584,
      'attention.head_count': 16,
      'attention.head_count_kv': 8,
      'attention.key_length': 256,
      'attention.value_length': 256,
      'attention.sliding_window': 4096,
      vocab_size: 256_000,
    }),
  },
  '/home/ana/.cache/llama.cpp/notes-renamed.gguf': {
    size: 2_000_000,
    bytes: new TextEncoder().encode('This is a text file someone named .gguf\n'),
  },
};

const ok = (stdout: string): ProcessResult => ({
  argv: [],
  exitCode: 0,
  signal: null,
  stdout: new TextEncoder().encode(stdout),
  stderr: new Uint8Array(),
  durationMs: 1,
});

/** wsl.exe over a running Ubuntu holding FILES and a stopped Debian; what it was asked to run is kept. */
function fakeWsl(distros: WslDistro[]) {
  const asked: { distro: string; script: string; limit?: string }[] = [];
  return {
    asked,
    listDistros: () => Promise.resolve(distros),
    exec(distro: string, command: readonly [string, ...string[]]): Promise<ProcessResult> {
      const script = command[2] ?? '';
      asked.push({ distro, script, ...(command[4] === undefined ? {} : { limit: command[4] }) });
      if (script.includes(MODEL_FILES_MARKER)) {
        const lines = [`dir huggingface ${HF}`, 'dir llama.cpp /home/ana/.cache/llama.cpp'];
        const listed = Object.entries(FILES).map(([path, file]) => `gguf ${file.size} 1733000000 ${path}`);
        return Promise.resolve(
          ok(
            [
              lines[0],
              ...listed.filter((l) => l.includes(HF)),
              lines[1],
              ...listed.filter((l) => !l.includes(HF)),
            ].join('\n'),
          ),
        );
      }
      if (script.includes(GGUF_HEADER_MARKER)) {
        const limit = Number(command[4]);
        const file = FILES[command[5] ?? ''];
        if (!file) return Promise.resolve({ ...ok(''), exitCode: 1 });
        return Promise.resolve(ok(Buffer.from(file.bytes.subarray(0, limit)).toString('base64')));
      }
      return Promise.resolve({ ...ok(''), exitCode: 127 });
    },
  };
}

const UBUNTU: WslDistro = { name: 'Ubuntu', isDefault: true, state: 'Running', version: 2 };
const DEBIAN: WslDistro = { name: 'Debian', isDefault: false, state: 'Stopped', version: 2 };

function ollama(loaded: string[] = []): OllamaApi {
  return {
    where: 'Ollama at http://127.0.0.1:11434',
    tags: () => Promise.resolve(docs('ollama-api-tags.json')),
    show: () => Promise.resolve(docs('ollama-api-show.json')),
    ps: () => Promise.resolve({ models: loaded.map((name) => ({ name, size: 1, size_vram: 1 })) }),
  };
}

describe('the models found on this PC', () => {
  it('lists GGUF headers of three architectures with their shapes, largest first', async () => {
    const wsl = fakeWsl([UBUNTU]);
    const { models } = await createModelFinder({ wsl, log: memoryLog() })({ vramTotalMiB: 24_564 });
    const readable = models.filter((found) => found.shape.ok).map((found) => found.model);
    expect(
      readable.map((model) => [
        model.name,
        model.shape?.architecture,
        model.shape?.layers,
        model.shape?.kvHeads,
      ]),
    ).toEqual([
      ['gemma-2-9b-it-Q4_K_M', 'gemma2', 42, 8],
      ['Meta-Llama-3.1-8B-Instruct-Q4_K_M', 'llama', 32, 8],
      ['Qwen2.5-7B-Instruct-Q4_K_M', 'qwen2', 28, 4],
    ]);
    const gemma = readable[0];
    expect(gemma?.shape).toMatchObject({ slidingWindow: 4096, trainedContext: 8192 });
    expect(gemma).toMatchObject({ quant: 'Q4_K_M', where: 'llama.cpp cache in Ubuntu', distro: 'Ubuntu' });
    expect(gemma?.defaultContext?.tokens).toBe(8192);
  });

  it('counts a split GGUF in the Hugging Face cache as one model with the size of both parts', async () => {
    const { models } = await createModelFinder({ wsl: fakeWsl([UBUNTU]), log: memoryLog() })({
      vramTotalMiB: undefined,
    });
    const qwen = models.filter((found) => found.model.name.startsWith('Qwen2.5'));
    expect(qwen).toHaveLength(1);
    expect(qwen[0]?.model).toMatchObject({
      sizeBytes: 4_683_000_000,
      parts: 2,
      where: 'Hugging Face cache (bartowski/Qwen2.5-7B-Instruct-GGUF) in Ubuntu',
    });
    expect(qwen[0]?.shape.ok && qwen[0].shape.shape.weightsBytes).toBe(4_683_000_000);
  });

  it('lists a file it cannot read with why, and never preselects it', async () => {
    const { models } = await createModelFinder({ wsl: fakeWsl([UBUNTU]), log: memoryLog() })({
      vramTotalMiB: undefined,
    });
    const notes = models.find((found) => found.model.name === 'notes-renamed')?.model;
    expect(notes?.unreadable).toMatch(/^it is not a GGUF model Headroom can read: /);
    expect(notes?.preselected).toBe(false);
    expect(models.filter((found) => found.model.preselected)).toHaveLength(1);
  });

  it('reads at most 16 MB of each file and never looks inside a stopped distro', async () => {
    const wsl = fakeWsl([UBUNTU, DEBIAN]);
    const { skipped } = await createModelFinder({ wsl, log: memoryLog() })({ vramTotalMiB: undefined });
    expect(wsl.asked.every((call) => call.distro === 'Ubuntu')).toBe(true);
    expect(skipped).toEqual([
      { where: 'the model folders in Debian', why: 'Debian is stopped; Headroom does not start it to look' },
    ]);
    const headerReads = wsl.asked.filter((call) => call.script.includes(GGUF_HEADER_MARKER));
    expect(headerReads).toHaveLength(4);
    expect(headerReads.every((call) => call.limit === String(16 * 2 ** 20))).toBe(true);
  });

  it("adds Ollama's models from /api/tags and /api/show, preselecting the one loaded now", async () => {
    const { models } = await createModelFinder({
      wsl: fakeWsl([]),
      ollama: ollama(['llama3:latest']),
      log: memoryLog(),
    })({ vramTotalMiB: 24_564 });
    expect(models.map((found) => found.model.name)).toEqual(['codellama:13b', 'llama3:latest']);
    const llama3 = models[1]?.model;
    expect(llama3).toMatchObject({
      id: 'ollama:llama3:latest',
      source: 'ollama',
      sizeBytes: 3825819519,
      quant: 'Q4_0',
      preselected: true,
      preselectedWhy: 'loaded in Ollama now',
      shape: { architecture: 'llama', layers: 32, kvHeads: 8, trainedContext: 8192 },
      defaultContext: { tokens: 4096 },
    });
  });

  it('says when Ollama does not answer', async () => {
    const silent: OllamaApi = { ...ollama(), tags: () => Promise.resolve(null) };
    const { skipped } = await createModelFinder({ wsl: fakeWsl([]), ollama: silent, log: memoryLog() })({
      vramTotalMiB: undefined,
    });
    expect(skipped[0]?.why).toContain('Ollama did not answer');
  });
});
