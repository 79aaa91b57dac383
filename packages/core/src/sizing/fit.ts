import { computeBufferBytes } from './compute-buffer';
import { formatBytes, formatGiB, GIB, type Explained } from './format';
import { kvCacheBytes, type KvCacheType } from './kv-cache';
import { type ModelShape } from './model-shape';

/**
 * The allowances and rules `planFit` uses, each stated so the output can say where a number comes from.
 * GPU side: the compute buffer is estimated from the model and the context (compute-buffer.ts, checked against
 * llama.cpp runs in docs/sizing.md); the CUDA context takes the top of the ~0.3–0.5 GB range llama.cpp logs show
 * (docs/gpu-tools.md "VRAM estimate"). Flash attention is recommended once the compute buffer without it would pass
 * 1 GiB (Headroom's rule of thumb). RAM side: 1 GiB for llama.cpp's host-side buffers and 2 GiB for the
 * Linux distro and page cache are Headroom's own allowances, not measurements, and WSL gets at least 8 GB for
 * the distro, package installs and builds beside the model. Windows keeps max(8 GiB, 25 % of host
 * RAM): WSL clamps `memory` only at 100 % of RAM (microsoft/WSL WslCoreConfig.cpp), so nothing else stops a large
 * value from starving the desktop, the browser and the GPU driver's own system memory. Swap is WSL's default ratio,
 * 25 % of `memory`, capped at 8 GB: it is a safety net, weights paged to swap make generation crawl, and the swap
 * file grows on C:. Two logical processors stay with Windows when the host's count is known.
 */
export const FIT_RULES = {
  flashAttentionAboveBytes: 1 * GIB,
  cudaContextBytes: 0.5 * GIB,
  hostRuntimeBytes: 1 * GIB,
  linuxBaselineBytes: 2 * GIB,
  windowsMinimumBytes: 8 * GIB,
  windowsShare: 0.25,
  minimumWslMemoryGiB: 8,
  swapShare: 0.25,
  maxSwapGiB: 8,
  processorsKeptForWindows: 2,
} as const;

/** What to size: a model, a context, a KV cache type, and what the machine has (when known). */
export interface FitInput {
  readonly model: ModelShape;
  readonly ctx: number;
  readonly kvType: KvCacheType;
  /** Free VRAM in GiB; without it the plan says how much all layers need. */
  readonly vramFreeGiB?: number | undefined;
  /** Host (Windows) RAM in GiB; without it the WSL memory is not checked against what Windows needs. */
  readonly hostRamGiB?: number | undefined;
  /** The host's logical processors; without it `processors` is left at WSL's default. */
  readonly hostLogicalProcessors?: number | undefined;
  /**
   * Flash attention on or off; without it the plan turns it on for long contexts (and always for a quantized KV
   * cache) and sizes for off otherwise.
   */
  readonly flashAttention?: boolean | undefined;
}

/** The recommended `[wsl2]` lines of .wslconfig, each with why. `processors` is undefined when left at the default. */
export interface WslConfigAdvice {
  readonly memory: Explained<string>;
  readonly swap: Explained<string>;
  readonly processors: Explained<string | undefined>;
}

/** The sizing of one model on one machine: every number with its line of explanation. */
export interface FitPlan {
  readonly model: ModelShape;
  readonly ctx: number;
  readonly kvType: KvCacheType;
  /** `given`: sized against the VRAM and RAM given; `needed`: what the model needs, since they were not given. */
  readonly vramMode: 'given' | 'needed';
  readonly hostRamMode: 'given' | 'needed';
  readonly weights: Explained<number>;
  readonly weightsPerLayer: Explained<number>;
  readonly kvCache: Explained<number>;
  readonly kvPerLayer: Explained<number>;
  readonly flashAttention: Explained<boolean>;
  /** llama.cpp's compute buffer on the GPU (and, when layers run on the CPU, a second one in RAM). */
  readonly computeBuffer: Explained<number>;
  readonly gpuOverhead: Explained<number>;
  readonly vramForAllLayers: Explained<number>;
  readonly layersOnGpu: Explained<number>;
  /** Whether the output layer is on the GPU too (only when every layer is). */
  readonly outputOnGpu: boolean;
  readonly vramUsed: Explained<number>;
  readonly ramForCpuLayers: Explained<number>;
  /** What stays in RAM besides the CPU layers: token_embd, the output layer and the CPU's compute buffer. */
  readonly ramOffloadExtras: Explained<number>;
  readonly ramAllowance: Explained<number>;
  readonly ramNeeded: Explained<number>;
  /** The RAM WSL would need with no layer on the GPU (shown when no free VRAM was given). */
  readonly ramIfCpuOnly: Explained<number>;
  readonly windowsKeeps: Explained<number> | undefined;
  readonly wslMemoryCap: Explained<number> | undefined;
  readonly wslconfig: WslConfigAdvice;
  readonly llamaCpp: Explained<string>;
  /** False when the plan needs more VRAM than is free, or more RAM than fits beside Windows' share. */
  readonly fits: boolean;
  /** False when the VRAM the plan uses is more than the free VRAM given. */
  readonly vramFits: boolean;
  readonly warnings: readonly string[];
  /** Every explanation in reading order, for plain-text output. */
  readonly lines: readonly string[];
}

function explained<T>(value: T, explanation: string): Explained<T> {
  return { value, explanation };
}

function layerCountText(count: number, layers: number): string {
  return count >= layers ? `all ${layers}` : `${count} of ${layers}`;
}

/** Whether the plan uses flash attention, and why. */
function decideFlashAttention(input: FitInput): Explained<boolean> {
  const { model } = input;
  if (input.kvType !== 'f16') {
    return explained(true, 'Flash attention: on (a quantized V cache needs it)');
  }
  if (input.flashAttention !== undefined) {
    return explained(
      input.flashAttention,
      `Flash attention: ${input.flashAttention ? 'on' : 'off'}, as asked`,
    );
  }
  const off = computeBufferBytes(model, input.ctx, false).value;
  if (off > FIT_RULES.flashAttentionAboveBytes) {
    return explained(
      true,
      `Flash attention: on, recommended for this context (without it the compute buffer would be ${formatBytes(off)}, ` +
        `more than ${formatBytes(FIT_RULES.flashAttentionAboveBytes)})`,
    );
  }
  return explained(
    false,
    'Flash attention: sized for off (a short context; turning it on only saves memory)',
  );
}

/** The GPU side: per-layer costs, what all layers need, and how many layers fit in the free VRAM. */
function planGpu(input: FitInput, flashAttention: boolean) {
  const { model } = input;
  const weights = explained(model.weightsBytes, `Weights: ${model.weightsSource}`);
  const layerWeights = Math.max(0, model.weightsBytes - model.tokenEmbdBytes - model.outputBytes);
  const outputOnGpu = model.tiedEmbeddings ? model.tokenEmbdBytes : model.outputBytes;
  const embeddingsText =
    model.tokenEmbdBytes + model.outputBytes > 0
      ? ` − ${formatBytes(model.tokenEmbdBytes)} token_embd` +
        (model.outputBytes > 0 ? ` − ${formatBytes(model.outputBytes)} output` : '')
      : '';
  const weightsPerLayer = explained(
    layerWeights / model.layers,
    `Weights per layer: (${formatGiB(model.weightsBytes)}${embeddingsText}) ÷ ${model.layers} layers = ` +
      formatBytes(layerWeights / model.layers),
  );
  const kvCache = kvCacheBytes(
    {
      layers: model.layers,
      kvHeads: model.kvHeads,
      keyDim: model.keyDim,
      valueDim: model.valueDim,
      slidingWindow: model.slidingWindow,
    },
    input.ctx,
    input.kvType,
  );
  const kvPerLayer = explained(
    kvCache.value / model.layers,
    `KV cache per layer: ${formatBytes(kvCache.value)} ÷ ${model.layers} layers = ${formatBytes(kvCache.value / model.layers)}`,
  );
  const computeBuffer = computeBufferBytes(model, input.ctx, flashAttention);
  const overhead = computeBuffer.value + FIT_RULES.cudaContextBytes;
  const gpuOverhead = explained(
    overhead,
    `GPU overhead: ${formatBytes(computeBuffer.value)} compute buffer + ` +
      `${formatBytes(FIT_RULES.cudaContextBytes)} CUDA context (Headroom's allowance, the top of the ~0.3–0.5 GB ` +
      `llama.cpp logs show) = ${formatBytes(overhead)}`,
  );
  const allLayers = layerWeights + outputOnGpu + kvCache.value + overhead;
  const outputText = outputOnGpu > 0 ? ` + ${formatBytes(outputOnGpu)} output` : '';
  const vramForAllLayers = explained(
    allLayers,
    `VRAM for all ${model.layers} layers: ${formatGiB(layerWeights)} layer weights${outputText} + ` +
      `${formatBytes(kvCache.value)} KV cache + ${formatBytes(overhead)} overhead = ${formatGiB(allLayers)} ` +
      '(token_embd stays in system RAM)',
  );
  const perLayer = weightsPerLayer.value + kvPerLayer.value;
  let layersOnGpu: Explained<number>;
  let everything = true;
  if (input.vramFreeGiB === undefined) {
    layersOnGpu = explained(
      model.layers,
      `Layers on the GPU: all ${model.layers} (no free VRAM given: a card needs ${formatGiB(allLayers)} free for that)`,
    );
  } else {
    const free = input.vramFreeGiB * GIB;
    const budget = free - overhead;
    if (allLayers <= free) {
      layersOnGpu = explained(
        model.layers,
        `Layers on the GPU: all ${model.layers} and the output layer (${formatGiB(allLayers)} of ${formatGiB(free)} free)`,
      );
    } else if (budget <= 0) {
      everything = false;
      layersOnGpu = explained(
        0,
        `Layers on the GPU: 0 (${formatGiB(free)} free is not more than the ${formatBytes(overhead)} overhead)`,
      );
    } else {
      everything = false;
      const fitting = budget / perLayer;
      const count = Math.min(model.layers, Math.floor(fitting));
      layersOnGpu = explained(
        count,
        `Layers on the GPU: (${formatGiB(free)} free − ${formatBytes(overhead)} overhead) ÷ ` +
          `(${formatBytes(weightsPerLayer.value)} weights + ${formatBytes(kvPerLayer.value)} KV per layer) = ` +
          `${fitting.toFixed(2)} → ${layerCountText(count, model.layers)}` +
          (count >= model.layers ? ', the output layer stays on the CPU' : ''),
      );
    }
  }
  const outputUsed = everything ? outputOnGpu : 0;
  const used = layersOnGpu.value * perLayer + outputUsed + overhead;
  const vramUsed = explained(
    used,
    `VRAM used: ${layersOnGpu.value} × ${formatBytes(perLayer)}` +
      (outputUsed > 0 ? ` + ${formatBytes(outputUsed)} output` : '') +
      ` + ${formatBytes(overhead)} overhead = ${formatGiB(used)}` +
      (input.vramFreeGiB === undefined ? '' : ` of ${formatGiB(input.vramFreeGiB * GIB)} free`),
  );
  return {
    weights,
    weightsPerLayer,
    kvCache,
    kvPerLayer,
    computeBuffer,
    gpuOverhead,
    vramForAllLayers,
    layersOnGpu,
    outputOnGpu: everything,
    vramUsed,
  };
}

/** The `[wsl2]` advice: memory from what is needed (capped beside Windows' share), swap and processors. */
function planWslConfig(input: FitInput, neededBytes: number, capGiB: number | undefined) {
  const neededGiB = Math.ceil(neededBytes / GIB - 1e-9);
  const wanted = Math.max(FIT_RULES.minimumWslMemoryGiB, neededGiB);
  const memoryGiB =
    capGiB === undefined ? wanted : Math.max(FIT_RULES.minimumWslMemoryGiB, Math.min(wanted, capGiB));
  let memoryWhy: string;
  if (capGiB !== undefined && capGiB < FIT_RULES.minimumWslMemoryGiB) {
    memoryWhy =
      `Headroom's ${FIT_RULES.minimumWslMemoryGiB}GB floor; Windows can spare only ${capGiB} GiB, ` +
      'too little for a model beside it';
  } else if (capGiB !== undefined && wanted > capGiB) {
    memoryWhy = `the most Windows can spare; the ${formatGiB(neededBytes)} needed do not fit`;
  } else if (neededGiB < FIT_RULES.minimumWslMemoryGiB) {
    memoryWhy =
      `${formatGiB(neededBytes)} needed, raised to Headroom's ${FIT_RULES.minimumWslMemoryGiB}GB floor ` +
      '(room for the distro, package installs and builds beside the model)';
  } else {
    memoryWhy = `${formatGiB(neededBytes)} needed, rounded up to whole GB (WSL reads GB as GiB)`;
  }
  if (input.hostRamGiB === undefined)
    memoryWhy += "; host RAM not given, so not checked against Windows' share";
  const memory = explained(`${memoryGiB}GB`, `memory=${memoryGiB}GB: ${memoryWhy}`);
  const swapGiB = Math.min(FIT_RULES.maxSwapGiB, Math.ceil(memoryGiB * FIT_RULES.swapShare));
  const swap = explained(
    `${swapGiB}GB`,
    `swap=${swapGiB}GB: 25 % of memory (WSL's default ratio), at most ${FIT_RULES.maxSwapGiB}GB; ` +
      'a safety net only, weights paged to swap make generation crawl',
  );
  const cpus = input.hostLogicalProcessors;
  let processors: Explained<string | undefined>;
  if (cpus === undefined) {
    processors = explained(
      undefined,
      "processors: left unset (WSL's default is every logical processor; give the host's count to keep 2 for Windows)",
    );
  } else if (cpus <= FIT_RULES.processorsKeptForWindows + 1) {
    processors = explained(
      `${cpus}`,
      `processors=${cpus}: all ${cpus} logical processors (too few to keep any back)`,
    );
  } else {
    const count = cpus - FIT_RULES.processorsKeptForWindows;
    processors = explained(
      `${count}`,
      `processors=${count}: ${cpus} logical processors − ${FIT_RULES.processorsKeptForWindows} kept for Windows, ` +
        "so the desktop stays responsive while llama.cpp's CPU threads run flat out",
    );
  }
  return { memory, swap, processors };
}

/**
 * Size a model on a machine: the KV cache, how many layers fit in the free VRAM (weights per layer ≈ weights ÷
 * layers, plus that layer's KV cache), the RAM the rest needs inside WSL, and the `.wslconfig` `memory`, `swap` and
 * `processors` that leave Windows its share. Without free VRAM it plans all layers on the GPU and says how much VRAM
 * that takes; without host RAM it says what WSL needs without checking it against Windows. Pure: the same inputs give
 * the same plan.
 */
export function planFit(input: FitInput): FitPlan {
  const { model } = input;
  const flashAttention = decideFlashAttention(input);
  const gpu = planGpu(input, flashAttention.value);
  const perLayer = gpu.weightsPerLayer.value + gpu.kvPerLayer.value;
  const cpuLayers = model.layers - gpu.layersOnGpu.value;
  const ramForCpuLayers = explained(
    cpuLayers * perLayer,
    cpuLayers === 0
      ? 'RAM for CPU layers: none, every layer is on the GPU'
      : `RAM for CPU layers: ${cpuLayers} × (${formatBytes(gpu.weightsPerLayer.value)} weights + ` +
          `${formatBytes(gpu.kvPerLayer.value)} KV) = ${formatGiB(cpuLayers * perLayer)}`,
  );
  const outputInRam = gpu.outputOnGpu || model.tiedEmbeddings ? 0 : model.outputBytes;
  const cpuCompute = cpuLayers > 0 ? gpu.computeBuffer.value : 0;
  const extras = model.tokenEmbdBytes + outputInRam + cpuCompute;
  const extraParts = [
    ...(model.tokenEmbdBytes > 0 ? [`${formatBytes(model.tokenEmbdBytes)} token_embd`] : []),
    ...(outputInRam > 0 ? [`${formatBytes(outputInRam)} output layer`] : []),
    ...(cpuCompute > 0 ? [`${formatBytes(cpuCompute)} CPU compute buffer`] : []),
  ];
  const ramOffloadExtras = explained(
    extras,
    extraParts.length === 0
      ? 'RAM besides the layers: nothing'
      : `RAM besides the layers: ${extraParts.join(' + ')} = ${formatBytes(extras)}`,
  );
  const allowance = FIT_RULES.hostRuntimeBytes + FIT_RULES.linuxBaselineBytes;
  const ramAllowance = explained(
    allowance,
    `RAM allowance: ${formatBytes(FIT_RULES.hostRuntimeBytes)} llama.cpp host buffers + ` +
      `${formatBytes(FIT_RULES.linuxBaselineBytes)} Linux and page cache = ${formatBytes(allowance)} ` +
      "(Headroom's allowance, not a measurement)",
  );
  const needed = ramForCpuLayers.value + extras + allowance;
  const ramNeeded = explained(
    needed,
    `RAM needed inside WSL: ${formatGiB(ramForCpuLayers.value)} + ${formatBytes(extras)} + ${formatBytes(allowance)} = ` +
      formatGiB(needed),
  );

  const cpuOnly = model.weightsBytes + gpu.kvCache.value + gpu.computeBuffer.value + allowance;
  const ramIfCpuOnly = explained(
    cpuOnly,
    `RAM with no layer on the GPU: ${formatGiB(model.weightsBytes)} weights + ${formatBytes(gpu.kvCache.value)} KV ` +
      `cache + ${formatBytes(gpu.computeBuffer.value)} compute buffer + ${formatBytes(allowance)} = ${formatGiB(cpuOnly)}`,
  );

  let windowsKeeps: Explained<number> | undefined;
  let wslMemoryCap: Explained<number> | undefined;
  let capGiB: number | undefined;
  if (input.hostRamGiB !== undefined) {
    const host = input.hostRamGiB * GIB;
    const keep = Math.max(FIT_RULES.windowsMinimumBytes, host * FIT_RULES.windowsShare);
    windowsKeeps = explained(
      keep,
      `Windows keeps: max(${formatGiB(FIT_RULES.windowsMinimumBytes)}, 25 % of ${formatGiB(host)}) = ${formatGiB(keep)} ` +
        "(Headroom's rule of thumb: its desktop, browser and GPU driver; WSL's memory= may otherwise take up to " +
        'all of RAM)',
    );
    capGiB = Math.max(0, Math.floor((host - keep) / GIB + 1e-9));
    wslMemoryCap = explained(
      capGiB * GIB,
      `WSL memory cap: ${formatGiB(host)} − ${formatGiB(keep)}, in whole GB = ${capGiB} GiB`,
    );
  }
  const wslconfig = planWslConfig(input, needed, capGiB);
  const ramFits =
    capGiB === undefined ||
    (capGiB >= FIT_RULES.minimumWslMemoryGiB && Math.ceil(needed / GIB - 1e-9) <= capGiB);
  const vramFits = input.vramFreeGiB === undefined || gpu.vramUsed.value <= input.vramFreeGiB * GIB;
  const fits = ramFits && vramFits;

  const layers = gpu.layersOnGpu.value;
  const quantizedKv = input.kvType !== 'f16';
  const fa = flashAttention.value;
  const flags = [
    `-ngl ${gpu.outputOnGpu ? 999 : layers}`,
    `-c ${input.ctx}`,
    ...(fa ? ['-fa on'] : []),
    ...(quantizedKv ? [`-ctk ${input.kvType}`, `-ctv ${input.kvType}`] : []),
  ].join(' ');
  const llamaCpp = explained(
    flags,
    `llama.cpp flags: ${flags} (${layerCountText(layers, model.layers)} layers on the GPU` +
      `${fa ? '; flash attention on, which current llama.cpp writes -fa on' : ''})`,
  );

  const warnings: string[] = [];
  if (model.maxContext !== undefined && input.ctx > model.maxContext) {
    warnings.push(`${input.ctx} tokens is more than the ${model.maxContext} ${model.name} was trained for`);
  }
  if (input.vramFreeGiB !== undefined && layers < model.layers) {
    warnings.push(
      `${model.layers - layers} of ${model.layers} layers run on the CPU: generation runs at system-RAM speed, ` +
        'far slower than on the GPU; a smaller quant, a shorter context or a q8_0 KV cache moves layers back',
    );
  }
  const freeGiB = input.vramFreeGiB;
  if (freeGiB !== undefined && gpu.vramUsed.value > freeGiB * GIB) {
    warnings.push(
      `the plan needs ${formatGiB(gpu.vramUsed.value)} of VRAM but ${formatGiB(freeGiB * GIB)} is free: ` +
        (fa
          ? 'shorten the context or use a q8_0 KV cache'
          : 'turn flash attention on, or shorten the context'),
    );
  }
  if (capGiB !== undefined && capGiB < FIT_RULES.minimumWslMemoryGiB) {
    warnings.push(
      `Windows can spare only ${capGiB} GiB of its ${formatGiB(input.hostRamGiB === undefined ? 0 : input.hostRamGiB * GIB)}; ` +
        `Headroom never recommends less than its ${FIT_RULES.minimumWslMemoryGiB}GB floor for WSL`,
    );
  } else if (!ramFits && capGiB !== undefined) {
    warnings.push(
      `the ${formatGiB(needed)} WSL needs do not fit in the ${capGiB} GiB Windows can spare: shorten the context, ` +
        'pick a smaller quant or free more VRAM',
    );
  }
  if (input.vramFreeGiB === undefined) {
    warnings.push(
      `no free VRAM given: planned with every layer on the GPU, which needs ${formatGiB(gpu.vramForAllLayers.value)} free`,
    );
  }
  if (input.hostRamGiB === undefined) {
    warnings.push(
      'no host RAM given: WSL memory is what the plan needs, not checked against what Windows keeps ' +
        "(max(8 GiB, 25 % of RAM), Headroom's rule of thumb)",
    );
  }
  if (fa) {
    warnings.push(
      'flash attention: pass -fa on to llama.cpp; for Ollama set OLLAMA_FLASH_ATTENTION=1' +
        (quantizedKv ? ` and OLLAMA_KV_CACHE_TYPE=${input.kvType}` : '') +
        ' (without it the compute buffer grows with the context)',
    );
  }
  warnings.push(
    `Ollama sizes the cache for num_ctx × num_parallel tokens: with OLLAMA_NUM_PARALLEL above 1, plan for that ` +
      'product as the context (not modelled here)',
    'with more than one GPU every card holds its own compute buffer (not modelled here)',
    ...model.notes,
  );

  const lines = [
    gpu.weights,
    gpu.weightsPerLayer,
    gpu.kvCache,
    gpu.kvPerLayer,
    flashAttention,
    gpu.computeBuffer,
    gpu.gpuOverhead,
    gpu.vramForAllLayers,
    gpu.layersOnGpu,
    gpu.vramUsed,
    ramForCpuLayers,
    ramOffloadExtras,
    ramAllowance,
    ramNeeded,
    ...(input.vramFreeGiB === undefined ? [ramIfCpuOnly] : []),
    ...(windowsKeeps === undefined ? [] : [windowsKeeps]),
    ...(wslMemoryCap === undefined ? [] : [wslMemoryCap]),
    wslconfig.memory,
    wslconfig.swap,
    wslconfig.processors,
    llamaCpp,
  ].map((line) => line.explanation);

  return {
    model,
    ctx: input.ctx,
    kvType: input.kvType,
    vramMode: input.vramFreeGiB === undefined ? 'needed' : 'given',
    hostRamMode: input.hostRamGiB === undefined ? 'needed' : 'given',
    ...gpu,
    flashAttention,
    ramForCpuLayers,
    ramOffloadExtras,
    ramAllowance,
    ramNeeded,
    ramIfCpuOnly,
    windowsKeeps,
    wslMemoryCap,
    wslconfig,
    llamaCpp,
    fits,
    vramFits,
    warnings,
    lines,
  };
}
