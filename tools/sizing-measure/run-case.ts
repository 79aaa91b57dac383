import { getLlama, LlamaLogLevel } from 'node-llama-cpp';

/**
 * One measurement, run in its own process by measure.ts: load a GGUF on the CPU (mmap, no GPU), create one context
 * and print llama.cpp's whole log as JSON on stdout. Arguments: the GGUF path, the context size, `on`/`off` for
 * flash attention, `swa`/`full` for whether the model has sliding-window layers.
 */
async function main(): Promise<void> {
  const [path, ctxText, fa, attention] = process.argv.slice(2);
  if (path === undefined || ctxText === undefined || (fa !== 'on' && fa !== 'off')) {
    throw new Error('usage: run-case.ts FILE.gguf CTX on|off swa|full');
  }
  const log: string[] = [];
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    skipDownload: true,
    progressLogs: false,
    logLevel: LlamaLogLevel.debug,
    logger: (_level, message) => {
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
