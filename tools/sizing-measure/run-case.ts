import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The part of node-llama-cpp's API a measurement uses (it is installed on demand, so its types are not at hand). */
interface NodeLlamaCpp {
  readonly LlamaLogLevel: { readonly debug: string };
  readonly getLlama: (options: Record<string, unknown>) => Promise<{
    readonly llamaCppRelease: unknown;
    readonly systemInfo: unknown;
    loadModel(options: Record<string, unknown>): Promise<{
      createContext(options: Record<string, unknown>): Promise<{ dispose(): Promise<void> }>;
      dispose(): Promise<void>;
    }>;
    dispose(): Promise<void>;
  }>;
}

/**
 * One measurement, run in its own process by measure.ts: load a GGUF on the CPU (mmap, no GPU), create one context
 * and print llama.cpp's whole log as JSON on stdout. Arguments: the GGUF path, the context size, `on`/`off` for
 * flash attention, `swa`/`full` for whether the model has sliding-window layers, after the folder of the
 * node-llama-cpp package that llama-runtime.ts installed.
 */
async function main(): Promise<void> {
  const [llamaDir, path, ctxText, fa, attention] = process.argv.slice(2);
  if (
    llamaDir === undefined ||
    path === undefined ||
    ctxText === undefined ||
    (fa !== 'on' && fa !== 'off')
  ) {
    throw new Error('usage: run-case.ts NODE_LLAMA_CPP_DIR FILE.gguf CTX on|off swa|full');
  }
  const { getLlama, LlamaLogLevel } = (await import(
    pathToFileURL(join(llamaDir, 'dist', 'index.js')).href
  )) as NodeLlamaCpp;
  const log: string[] = [];
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    skipDownload: true,
    progressLogs: false,
    logLevel: LlamaLogLevel.debug,
    logger: (_level: unknown, message: string) => {
      log.push(message);
    },
  });
  const model = await llama.loadModel({
    modelPath: path,
    gpuLayers: 0,
    useMmap: true,
    ignoreMemorySafetyChecks: true,
  });
  const context = await model.createContext({
    contextSize: Number(ctxText),
    // node-llama-cpp passes batchSize + 1 as n_ubatch for a sliding-window model; llama.cpp's default is 512
    batchSize: attention === 'swa' ? 511 : 512,
    sequences: 1,
    flashAttention: fa === 'on',
    ignoreMemorySafetyChecks: true,
  });
  await context.dispose();
  await model.dispose();
  process.stdout.write(
    `${JSON.stringify({ log, release: llama.llamaCppRelease, systemInfo: llama.systemInfo })}\n`,
  );
  await llama.dispose();
}

await main();
