import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHITECTURES, metadataOf, tensorsOf } from './architectures';
import { CASES, type MeasureCase } from './cases';
import { ensureNodeLlamaCpp } from './llama-runtime';
import { renderSizingDoc } from './render';
import { writeSparseGguf } from './sparse-gguf';

/**
 * `npm run sizing:measure`: for every case, write a GGUF with the model's real tensor shapes and no weights (a
 * sparse file), load it into node-llama-cpp's prebuilt CPU llama.cpp with one context, read the KV cache and compute
 * buffer sizes from llama.cpp's own log, and write packages/core/src/sizing/testdata/measured.json and the table in
 * docs/sizing.md. `--render` only re-renders the table from the JSON. Each case runs in its own process under
 * zero-pages.so (compiled here with cc), so the KV cache and the file are never really held in RAM.
 *
 * The file stores the Q4_K and Q5_K matrices as Q6_K: the CPU build repacks Q4_K matrices into a RAM copy at load (a
 * 28 GB copy for the 70B); the weights column is the real quantization's tensor bytes, and the KV and compute buffers
 * do not depend on the weights' type (Llama 3.1 8B, 8192 tokens, FA off: 572.01 MiB with either).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const jsonPath = join(root, 'packages/core/src/sizing/testdata/measured.json');
const docPath = join(root, 'docs/sizing.md');

/** What one case measured. */
export interface MeasuredCase extends MeasureCase {
  readonly weightsBytes: number;
  readonly kvMiB: number;
  readonly computeMiB: number;
  readonly ubatch: number;
}

/** The measured data, as measured.json holds it. */
export interface Measured {
  readonly llamaCpp: string;
  readonly nodeLlamaCpp: string;
  readonly cases: readonly MeasuredCase[];
}

function sum(log: string, pattern: RegExp): number {
  let total = 0;
  let found = false;
  for (const match of log.matchAll(pattern)) {
    total += Number(match[1]);
    found = true;
  }
  if (!found) throw new Error(`no line like ${String(pattern)} in llama.cpp's log`);
  return Math.round(total * 100) / 100;
}

function runCase(llamaDir: string, shim: string, file: string, item: MeasureCase, slidingWindow: boolean) {
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tools/sizing-measure/run-case.ts'),
      llamaDir,
      file,
      String(item.ctx),
      item.flashAttention ? 'on' : 'off',
      slidingWindow ? 'swa' : 'full',
    ],
    { cwd: root, env: { ...process.env, LD_PRELOAD: shim }, maxBuffer: 1 << 30, encoding: 'utf8' },
  );
  const result = JSON.parse(output) as { log: string[]; release: { release: string } };
  const log = result.log.join('');
  const ubatch = /n_ubatch\s*=\s*(\d+)/.exec(log)?.[1];
  return {
    release: result.release.release,
    kvMiB: sum(log, /llama_kv_cache: size =\s*([\d.]+) MiB/g),
    computeMiB: sum(log, /CPU compute buffer size =\s*([\d.]+) MiB/g),
    ubatch: Number(ubatch),
  };
}

/** Rewrite the table in docs/sizing.md and format it as the repository's Prettier check wants it. */
function writeDoc(measured: Measured): void {
  writeFileSync(docPath, renderSizingDoc(readFileSync(docPath, 'utf8'), measured));
  execFileSync(process.execPath, [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--write', docPath], {
    stdio: 'ignore',
  });
}

function main(): void {
  if (process.argv.includes('--render')) {
    const measured = JSON.parse(readFileSync(jsonPath, 'utf8')) as Measured;
    writeDoc(measured);
    return;
  }
  const only = process.argv.slice(2);
  const work = mkdtempSync(join(tmpdir(), 'headroom-sizing-'));
  try {
    const llamaDir = ensureNodeLlamaCpp(root);
    const shim = join(work, 'zero-pages.so');
    execFileSync('cc', [
      '-O2',
      '-shared',
      '-fPIC',
      '-o',
      shim,
      join(root, 'tools/sizing-measure/zero-pages.c'),
      '-ldl',
    ]);
    const previous = (() => {
      try {
        return JSON.parse(readFileSync(jsonPath, 'utf8')) as Measured;
      } catch {
        return undefined;
      }
    })();
    const results: MeasuredCase[] = [];
    let release = previous?.llamaCpp ?? 'unknown';
    const files = new Map<string, { file: string; weightsBytes: number }>();
    for (const item of CASES) {
      const kept = previous?.cases.find((old) => old.id === item.id);
      if (only.length > 0 && !only.includes(item.id) && kept !== undefined) {
        results.push(kept);
        continue;
      }
      const spec = ARCHITECTURES[item.presetId];
      if (spec === undefined) throw new Error(`no architecture for ${item.presetId}`);
      const key = `${item.presetId}-${item.quant}`;
      let model = files.get(key);
      if (model === undefined) {
        const file = join(work, `${key}.gguf`);
        const real = tensorsOf(spec, item.quant);
        writeSparseGguf(file, metadataOf(spec, item.quant), tensorsOf(spec, item.quant, 'Q6_K'));
        const weightsBytes = writeSparseGguf(join(work, 'real.gguf'), [], real).tensorBytes;
        rmSync(join(work, 'real.gguf'));
        model = { file, weightsBytes };
        files.set(key, model);
      }
      process.stderr.write(`${item.id}: `);
      const run = runCase(llamaDir, shim, model.file, item, spec.slidingWindow !== undefined);
      release = run.release;
      process.stderr.write(`KV ${run.kvMiB} MiB, compute ${run.computeMiB} MiB\n`);
      results.push({
        ...item,
        weightsBytes: model.weightsBytes,
        kvMiB: run.kvMiB,
        computeMiB: run.computeMiB,
        ubatch: run.ubatch,
      });
    }
    const { version } = JSON.parse(readFileSync(join(llamaDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const measured: Measured = { llamaCpp: release, nodeLlamaCpp: version, cases: results };
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(measured, null, 2)}\n`);
    writeDoc(measured);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
