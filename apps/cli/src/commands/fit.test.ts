import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGguf, type FitPlan } from '@headroom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-cli-fit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const seventyB = [
  'fit',
  '--model',
  'llama-3.1-70b',
  '--ctx',
  '8192',
  '--vram-free',
  '24',
  '--host-ram',
  '64',
];

/** A small GGUF with a Llama 3.1 8B header: 32 layers, 8 KV heads, 4096 / 32 = 128 per head. */
function tinyLlama(): Uint8Array {
  return writeGguf({
    metadata: [
      { key: 'general.architecture', type: 'string', value: 'llama' },
      { key: 'general.name', type: 'string', value: 'Tiny Llama' },
      { key: 'general.file_type', type: 'uint32', value: 15 },
      { key: 'llama.block_count', type: 'uint32', value: 32 },
      { key: 'llama.context_length', type: 'uint32', value: 131_072 },
      { key: 'llama.embedding_length', type: 'uint32', value: 4096 },
      { key: 'llama.attention.head_count', type: 'uint32', value: 32 },
      { key: 'llama.attention.head_count_kv', type: 'uint32', value: 8 },
      { key: 'tokenizer.ggml.tokens', type: 'array', value: { itemType: 'string', items: ['<s>', '</s>'] } },
    ],
    tensors: [
      { name: 'token_embd.weight', dims: [4096, 64], type: 12 },
      { name: 'blk.0.attn_norm.weight', dims: [4096], type: 0 },
    ],
    withData: true,
  });
}

describe('headroom fit', () => {
  it('sizes a preset: prints the KV line, every number explained, and the .wslconfig lines; exit 0', async () => {
    const { code, stdout, stderr } = await runCli(...seventyB);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Llama 3.1 70B Instruct Q4_K_M, 8192-token context, f16 KV cache');
    expect(stdout).toContain(
      '  KV cache (f16): 2 × 80 layers × 8192 tokens × 8 KV heads × 128 dims × 2 bytes = 2.5 GiB\n',
    );
    expect(stdout).toContain('→ 45 of 80');
    expect(stdout).toContain('Recommended %USERPROFILE%\\.wslconfig:\n  [wsl2]\n  memory=23GB\n  swap=6GB\n');
    expect(stdout).toContain('Apply with: headroom wslconfig set wsl2.memory=23GB wsl2.swap=6GB');
    expect(stdout).toContain('35 of 80 layers run on the CPU');
    expect(stdout).toContain('-ngl 45 -c 8192 -fa on');
  });

  it('prints the plan as JSON', async () => {
    const { code, stdout } = await runCli(...seventyB, '--kv', 'q8_0', '--host-cpus', '16', '--json');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as FitPlan;
    expect(plan).toMatchObject({
      ctx: 8192,
      kvType: 'q8_0',
      vramMode: 'given',
      hostRamMode: 'given',
      model: {
        name: 'Llama 3.1 70B Instruct Q4_K_M',
        layers: 80,
        kvHeads: 8,
        keyDim: 128,
        weightsBytes: 42.52e9,
      },
      kvCache: {
        value: 2.5 * 2 ** 30 * (34 / 64),
        explanation: expect.stringContaining('34/32 bytes') as unknown,
      },
      layersOnGpu: { value: 46 },
      wslconfig: { memory: { value: '22GB' }, swap: { value: '6GB' }, processors: { value: '14' } },
      llamaCpp: { value: '-ngl 46 -c 8192 -fa on -ctk q8_0 -ctv q8_0' },
      fits: true,
    });
    expect(plan.lines.length).toBeGreaterThan(10);
    expect(plan.lines.every((line) => typeof line === 'string' && line.length > 0)).toBe(true);
  });

  it('says what is needed when free VRAM and host RAM are not given', async () => {
    const { code, stdout } = await runCli('fit', '--model', 'llama-3.1-8b', '--ctx', '131072');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'KV cache (f16): 2 × 32 layers × 131072 tokens × 8 KV heads × 128 dims × 2 bytes = 16 GiB',
    );
    expect(stdout).toContain(
      'no free VRAM given: planned with every layer on the GPU, which needs 21.24 GiB free',
    );
    expect(stdout).toContain('no host RAM given');
  });

  it('exits 1 when the plan needs more VRAM than is free, and sizes for --fa off when asked', async () => {
    const off = await runCli(
      'fit',
      '--model',
      'llama-3.1-8b',
      '--ctx',
      '131072',
      '--fa',
      'off',
      '--vram-free',
      '8',
    );
    expect(off.stdout).toContain('Compute buffer (flash attention off)');
    expect(off.stdout).toContain('of VRAM but 8 GiB is free');
    expect(off.code).toBe(1);
    const on = await runCli(
      'fit',
      '--model',
      'llama-3.1-8b',
      '--ctx',
      '131072',
      '--fa',
      'on',
      '--vram-free',
      '24',
    );
    expect(on.code).toBe(0);
    expect(on.stdout).toContain('-ngl 999 -c 131072 -fa on');
    expect((await runCli('fit', '--model', 'llama-3.1-8b', '--ctx', '8192', '--fa', 'yes')).code).toBe(2);
  });

  it('reads the model from a GGUF file', async () => {
    const file = join(dir, 'tiny-llama.Q4_K_M.gguf');
    writeFileSync(file, tinyLlama());
    const { code, stdout, stderr } = await runCli('fit', '--gguf', file, '--ctx', '8192', '--vram-free', '8');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Tiny Llama Q4_K_M, 8192-token context');
    expect(stdout).toContain(
      'KV cache (f16): 2 × 32 layers × 8192 tokens × 8 KV heads × 128 dims × 2 bytes = 1 GiB',
    );
    expect(stdout).toContain('the Q4_K_M tensors of tiny-llama.Q4_K_M.gguf');
    const json = JSON.parse((await runCli('fit', '--gguf', file, '--ctx', '8192', '--json')).stdout) as {
      gguf: { architecture: string; tensorCount: number; tensorBytes: number };
    };
    expect(json.gguf).toMatchObject({
      architecture: 'llama',
      tensorCount: 2,
      tensorBytes: ((4096 * 64) / 256) * 144 + 4096 * 4,
    });
  });

  it('refuses a missing, foreign or truncated GGUF with a plain message, no stack trace', async () => {
    const missing = await runCli('fit', '--gguf', join(dir, 'nope.gguf'), '--ctx', '8192');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(`headroom: There is no file ${join(dir, 'nope.gguf')}.\n`);

    mkdirSync(join(dir, 'folder.gguf'));
    expect(await runCli('fit', '--gguf', join(dir, 'folder.gguf'), '--ctx', '8192')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is a folder, not a GGUF file') as unknown,
    });

    const elf = join(dir, 'llama-server');
    writeFileSync(elf, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    const foreign = await runCli('fit', '--gguf', elf, '--ctx', '8192');
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toBe(
      `headroom: Could not read ${elf} as a GGUF model: not a GGUF file (magic is 7f 45 4c 46, a GGUF file starts with "GGUF").\n`,
    );

    const truncated = join(dir, 'half.gguf');
    writeFileSync(truncated, tinyLlama().subarray(0, 75));
    const cut = await runCli('fit', '--gguf', truncated, '--ctx', '8192');
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(
      /^headroom: Could not read .* the file ends inside the metadata \(key 2 of 9\)\.\n$/,
    );
    expect(cut.stderr).not.toContain('    at ');
  });

  it('exits 2 for an unknown model, listing the presets', async () => {
    const { code, stderr } = await runCli('fit', '--model', 'gpt-5', '--ctx', '8192');
    expect(code).toBe(2);
    expect(stderr).toContain(
      'There is no model preset "gpt-5". Models: llama-3.1-8b, llama-3.1-70b, qwen2.5-7b,',
    );
    expect(stderr).toContain('gemma-2-27b, custom.');
  });

  it('exits 2 for other command-line mistakes', async () => {
    const mistakes: [string[], string][] = [
      [['fit', '--model', 'qwen2.5-7b'], 'Give the context length in tokens with --ctx N'],
      [['fit', '--ctx', '8192'], 'Name a model with --model NAME or --gguf FILE'],
      [
        ['fit', '--model', 'qwen2.5-7b', '--ctx', '8192', '--kv', 'q5_1'],
        '--kv takes f16, q8_0, q4_0, not "q5_1"',
      ],
      [
        ['fit', '--model', 'qwen2.5-7b', '--ctx', 'lots'],
        '--ctx takes a whole number of tokens from 1 to 16777216, not "lots"',
      ],
      [
        ['fit', '--model', 'qwen2.5-7b', '--ctx', '8192', '--vram-free=-3'],
        '--vram-free takes a number of GiB above 0 up to 1024, not "-3"',
      ],
      [
        ['fit', '--model', 'custom', '--ctx', '8192', '--layers', '40'],
        '--model custom needs --kv-heads, --head-dim, --file-gb',
      ],
      [
        ['fit', '--model', 'qwen2.5-72b', '--quant', 'Q8_0', '--ctx', '8192'],
        "Give the file's size with --file-gb N",
      ],
      [
        ['fit', '--model', 'qwen2.5-7b', '--gguf', 'x.gguf', '--ctx', '8192'],
        'Give --model or --gguf, not both',
      ],
    ];
    for (const [argv, message] of mistakes) {
      const run = await runCli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toContain(message);
    }
  });

  it('sizes custom numbers, and exits 1 when the RAM needed does not fit beside Windows', async () => {
    const custom = await runCli(
      ...['fit', '--model', 'custom', '--layers', '40', '--kv-heads', '8', '--head-dim', '128'],
      ...['--file-gb', '20', '--ctx', '4096', '--vram-free', '12', '--host-ram', '32'],
    );
    expect(custom.code).toBe(0);
    expect(custom.stdout).toContain('custom model, 4096-token context');
    const tooBig = await runCli(
      'fit',
      '--model',
      'llama-3.1-70b',
      '--quant',
      'Q8_0',
      '--ctx',
      '8192',
      '--vram-free',
      '8',
      '--host-ram',
      '32',
    );
    expect(tooBig.code).toBe(1);
    expect(tooBig.stdout).toContain('do not fit in the 24 GiB Windows can spare');
  });

  it('lists the presets in its help, and headroom --help lists fit', async () => {
    const help = await runCli('fit', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('  gemma-2-27b       Gemma 2 27B IT');
    expect((await runCli('--help')).stdout).toContain('  fit         ');
  });
});
