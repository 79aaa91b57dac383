import { describe, expect, it } from 'vitest';
import { decodeHeaderBase64, groupGgufFiles, parseModelFiles } from './model-files';
import { rankModels } from './rank';

const HF = '/home/ana/.cache/huggingface/hub';
const QWEN = `${HF}/models--bartowski--Qwen2.5-72B-Instruct-GGUF/snapshots/d6138f31d311ced24decc168314ba1d66ff9fb31`;
const LLAMA = `${HF}/models--bartowski--Meta-Llama-3.1-8B-Instruct-GGUF/snapshots`;

/** What MODEL_FILES_COMMAND prints for a Hugging Face cache with a split 72B, an 8B in two snapshots and a projector. */
const LISTING = [
  `dir huggingface ${HF}`,
  `gguf 39758295424 1733500000.5 ${QWEN}/Qwen2.5-72B-Instruct-Q8_0/Qwen2.5-72B-Instruct-Q8_0-00001-of-00002.gguf`,
  `gguf 37541171488 1733500100.25 ${QWEN}/Qwen2.5-72B-Instruct-Q8_0/Qwen2.5-72B-Instruct-Q8_0-00002-of-00002.gguf`,
  `gguf 4920734016 1720000000 ${LLAMA}/aaaa/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf`,
  `gguf 4920734016 1730000000 ${LLAMA}/bbbb/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf`,
  `gguf 624434368 1730000000 ${LLAMA}/bbbb/mmproj-model-f16.gguf`,
  'dir llama.cpp /home/ana/.cache/llama.cpp',
  'gguf 1000 1734000000 /home/ana/.cache/llama.cpp/broken-00001-of-00003.gguf',
  'not a line of the listing',
  '',
].join('\n');

describe('the GGUF files in the model folders', () => {
  const listing = parseModelFiles(LISTING);

  it('reads the folders and every file line', () => {
    expect(listing.folders).toEqual([
      { kind: 'huggingface', path: HF },
      { kind: 'llama.cpp', path: '/home/ana/.cache/llama.cpp' },
    ]);
    expect(listing.files).toHaveLength(6);
    expect(listing.files[1]).toMatchObject({ sizeBytes: 37541171488, modifiedMs: 1733500100250 });
  });

  it('counts a split GGUF as one model with the size of all its parts, read from part 1', () => {
    const models = groupGgufFiles(listing.files);
    const qwen = models.find((model) => model.name === 'Qwen2.5-72B-Instruct-Q8_0');
    expect(qwen).toEqual({
      path: `${QWEN}/Qwen2.5-72B-Instruct-Q8_0/Qwen2.5-72B-Instruct-Q8_0-00001-of-00002.gguf`,
      kind: 'huggingface',
      name: 'Qwen2.5-72B-Instruct-Q8_0',
      repo: 'bartowski/Qwen2.5-72B-Instruct-GGUF',
      sizeBytes: 39758295424 + 37541171488,
      headSizeBytes: 39758295424,
      modifiedMs: 1733500100250,
      parts: 2,
      missingParts: 0,
    });
  });

  it('counts a file kept in two snapshots once (the newest), and leaves a vision projector out', () => {
    const names = groupGgufFiles(listing.files).map((model) => model.name);
    expect(names.filter((name) => name === 'Meta-Llama-3.1-8B-Instruct-Q4_K_M')).toHaveLength(1);
    expect(names.some((name) => name.startsWith('mmproj'))).toBe(false);
    const llama = groupGgufFiles(listing.files).find((model) => model.name.startsWith('Meta-Llama'));
    expect(llama?.path).toContain('/bbbb/');
  });

  it('says how many parts of a split model are missing', () => {
    const broken = groupGgufFiles(listing.files).find((model) => model.name === 'broken');
    expect(broken).toMatchObject({ parts: 3, missingParts: 2, kind: 'llama.cpp' });
  });
});

describe('the header read through the distro', () => {
  it('decodes base64 as `base64 -w 0` prints it', () => {
    expect([...(decodeHeaderBase64('R0dVRgMAAAA=\n') ?? [])]).toEqual([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0]);
    expect(decodeHeaderBase64('head: cannot open')).toBeUndefined();
  });
});

describe('ranking the models found', () => {
  const model = (id: string, sizeBytes: number, extra: object = {}) => ({
    id,
    sizeBytes,
    modifiedMs: undefined,
    loaded: false,
    readable: true,
    ...extra,
  });

  it('puts the largest first and preselects the one loaded in Ollama', () => {
    const ranked = rankModels([model('8b', 5e9), model('70b', 42e9), model('7b', 4e9, { loaded: true })]);
    expect(ranked.ordered.map((entry) => entry.id)).toEqual(['70b', '8b', '7b']);
    expect(ranked.preselected).toEqual({ id: '7b', why: 'loaded in Ollama now' });
  });

  it('else preselects the most recently changed, never an unreadable one', () => {
    const ranked = rankModels([
      model('old', 42e9, { modifiedMs: 1 }),
      model('new', 5e9, { modifiedMs: 2 }),
      model('newest-but-unreadable', 1e9, { modifiedMs: 3, readable: false }),
    ]);
    expect(ranked.preselected?.id).toBe('new');
  });

  it('preselects nothing when no model can be sized', () => {
    expect(rankModels([model('x', 1, { readable: false })]).preselected).toBeUndefined();
  });
});
