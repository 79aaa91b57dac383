import { formatBytes, formatGiB, GIB, type Explained } from './format';
import { kvCacheBytes, type KvCacheType } from './kv-cache';
import { type ModelShape } from './model-shape';

/**
 * The allowances and rules `planFit` uses, each stated so the output can say where a number comes from.
 * GPU side (docs/gpu-tools.md "VRAM estimate": "compute buffer (~0.1–1.2 GB) + CUDA context (~0.3–0.5 GB)"): Headroom
 * takes the top of both ranges, rounded to 1 GiB and 0.5 GiB, so the plan errs toward one layer too few on the GPU
 * rather than an out-of-memory error at load. RAM side: 1 GiB for llama.cpp's host-side buffers and 2 GiB for the
 * Linux distro and page cache are Headroom's own allowances, not measurements, and WSL gets at least 8 GB for
 * the distro, package installs and builds beside the model. Windows keeps max(8 GiB, 25 % of host
 * RAM): WSL clamps `memory` only at 100 % of RAM (microsoft/WSL WslCoreConfig.cpp), so nothing else stops a large
 * value from starving the desktop, the browser and the GPU driver's own system memory. Swap is WSL's default ratio,
 * 25 % of `memory`, capped at 8 GB: it is a safety net, weights paged to swap make generation crawl, and the swap
 * file grows on C:. Two logical processors stay with Windows when the host's count is known.
 */
export const FIT_RULES = {
  computeBufferBytes: 1 * GIB,
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
  readonly gpuOverhead: Explained<number>;
  readonly vramForAllLayers: Explained<number>;
  readonly layersOnGpu: Explained<number>;
  readonly vramUsed: Explained<number>;
  readonly ramForCpuLayers: Explained<number>;
  readonly ramAllowance: Explained<number>;
  readonly ramNeeded: Explained<number>;
  /** The RAM WSL would need with no layer on the GPU (shown when no free VRAM was given). */
  readonly ramIfCpuOnly: Explained<number>;
  readonly windowsKeeps: Explained<number> | undefined;
  readonly wslMemoryCap: Explained<number> | undefined;
  readonly wslconfig: WslConfigAdvice;
  readonly llamaCpp: Explained<string>;
  /** False when the RAM the plan needs does not fit beside Windows' share. */
  readonly fits: boolean;
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

/** The GPU side: per-layer costs, what all layers need, and how many layers fit in the free VRAM. */
function planGpu(input: FitInput) {
  const { model } = input;
  const weights = explained(model.weightsBytes, `Weights: ${model.weightsSource}`);
  const weightsPerLayer = explained(
    model.weightsBytes / model.layers,
    `Weights per layer: ${formatGiB(model.weightsBytes)} ÷ ${model.layers} layers = ` +
      formatBytes(model.weightsBytes / model.layers),
  );
  const kvCache = kvCacheBytes(
    { layers: model.layers, kvHeads: model.kvHeads, keyDim: model.keyDim, valueDim: model.valueDim },
    input.ctx,
    input.kvType,
  );
  const kvPerLayer = explained(
    kvCache.value / model.layers,
    `KV cache per layer: ${formatBytes(kvCache.value)} ÷ ${model.layers} layers = ${formatBytes(kvCache.value / model.layers)}`,
  );
  const overhead = FIT_RULES.computeBufferBytes + FIT_RULES.cudaContextBytes;
  const gpuOverhead = explained(
    overhead,
    `GPU overhead: ${formatBytes(FIT_RULES.computeBufferBytes)} compute buffer + ` +
      `${formatBytes(FIT_RULES.cudaContextBytes)} CUDA context = ${formatBytes(overhead)} ` +
      '(the top of the ~0.1–1.2 GB and ~0.3–0.5 GB llama.cpp logs show)',
  );
  const allLayers = model.weightsBytes + kvCache.value + overhead;
  const vramForAllLayers = explained(
    allLayers,
    `VRAM for all ${model.layers} layers: ${formatGiB(model.weightsBytes)} weights + ${formatBytes(kvCache.value)} ` +
      `KV cache + ${formatBytes(overhead)} overhead = ${formatGiB(allLayers)}`,
  );
  const perLayer = weightsPerLayer.value + kvPerLayer.value;
  let layersOnGpu: Explained<number>;
  if (input.vramFreeGiB === undefined) {
    layersOnGpu = explained(
      model.layers,
      `Layers on the GPU: all ${model.layers} (no free VRAM given: a card needs ${formatGiB(allLayers)} free for that)`,
    );
  } else {
    const free = input.vramFreeGiB * GIB;
    const budget = free - overhead;
    if (budget <= 0) {
      layersOnGpu = explained(
        0,
        `Layers on the GPU: 0 (${formatGiB(free)} free is not more than the ${formatBytes(overhead)} overhead)`,
      );
    } else {
      const fitting = budget / perLayer;
      const count = Math.min(model.layers, Math.floor(fitting));
      layersOnGpu = explained(
        count,
        `Layers on the GPU: (${formatGiB(free)} free − ${formatBytes(overhead)} overhead) ÷ ` +
          `(${formatBytes(weightsPerLayer.value)} weights + ${formatBytes(kvPerLayer.value)} KV per layer) = ` +
          `${fitting.toFixed(2)} → ${layerCountText(count, model.layers)}`,
      );
    }
  }
  const used = layersOnGpu.value * perLayer + overhead;
  const vramUsed = explained(
    used,
    `VRAM used: ${layersOnGpu.value} × ${formatBytes(perLayer)} + ${formatBytes(overhead)} overhead = ` +
      formatGiB(used) +
      (input.vramFreeGiB === undefined ? '' : ` of ${formatGiB(input.vramFreeGiB * GIB)} free`),
  );
  return {
    weights,
    weightsPerLayer,
    kvCache,
    kvPerLayer,
    gpuOverhead,
    vramForAllLayers,
    layersOnGpu,
    vramUsed,
  };
}

/** The `[wsl2]` advice: memory from what is needed (capped beside Windows' share), swap and processors. */
function planWslConfig(input: FitInput, neededBytes: number, capGiB: number | undefined) {
  const neededGiB = Math.ceil(neededBytes / GIB - 1e-9);
  const wanted = Math.max(FIT_RULES.minimumWslMemoryGiB, neededGiB);
  const memoryGiB = capGiB === undefined ? wanted : Math.max(1, Math.min(wanted, capGiB));
  let memoryWhy: string;
  if (capGiB !== undefined && wanted > capGiB) {
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
  const gpu = planGpu(input);
  const perLayer = gpu.weightsPerLayer.value + gpu.kvPerLayer.value;
  const cpuLayers = model.layers - gpu.layersOnGpu.value;
  const ramForCpuLayers = explained(
    cpuLayers * perLayer,
    cpuLayers === 0
      ? 'RAM for CPU layers: none, every layer is on the GPU'
      : `RAM for CPU layers: ${cpuLayers} × (${formatBytes(gpu.weightsPerLayer.value)} weights + ` +
          `${formatBytes(gpu.kvPerLayer.value)} KV) = ${formatGiB(cpuLayers * perLayer)}`,
  );
  const allowance = FIT_RULES.hostRuntimeBytes + FIT_RULES.linuxBaselineBytes;
  const ramAllowance = explained(
    allowance,
    `RAM allowance: ${formatBytes(FIT_RULES.hostRuntimeBytes)} llama.cpp host buffers + ` +
      `${formatBytes(FIT_RULES.linuxBaselineBytes)} Linux and page cache = ${formatBytes(allowance)} ` +
      "(Headroom's allowance, not a measurement)",
  );
  const needed = ramForCpuLayers.value + allowance;
  const ramNeeded = explained(
    needed,
    `RAM needed inside WSL: ${formatGiB(ramForCpuLayers.value)} + ${formatBytes(allowance)} = ${formatGiB(needed)}`,
  );

  const cpuOnly = model.weightsBytes + gpu.kvCache.value + allowance;
  const ramIfCpuOnly = explained(
    cpuOnly,
    `RAM with no layer on the GPU: ${formatGiB(model.weightsBytes)} weights + ${formatBytes(gpu.kvCache.value)} KV ` +
      `cache + ${formatBytes(allowance)} = ${formatGiB(cpuOnly)}`,
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
        "(its desktop, browser and GPU driver; WSL's memory= may otherwise take up to all of RAM)",
    );
    capGiB = Math.max(0, Math.floor((host - keep) / GIB + 1e-9));
    wslMemoryCap = explained(
      capGiB * GIB,
      `WSL memory cap: ${formatGiB(host)} − ${formatGiB(keep)}, in whole GB = ${capGiB} GiB`,
    );
  }
  const wslconfig = planWslConfig(input, needed, capGiB);
  const fits = capGiB === undefined || Math.ceil(needed / GIB - 1e-9) <= capGiB;

  const layers = gpu.layersOnGpu.value;
  const quantizedKv = input.kvType !== 'f16';
  const flags = [
    `-ngl ${layers >= model.layers ? 999 : layers}`,
    `-c ${input.ctx}`,
    ...(quantizedKv ? [`-ctk ${input.kvType}`, `-ctv ${input.kvType}`, '-fa'] : []),
  ].join(' ');
  const llamaCpp = explained(
    flags,
    `llama.cpp flags: ${flags} (${layerCountText(layers, model.layers)} layers on the GPU` +
      `${quantizedKv ? '; a quantized V cache needs flash attention: -fa, written -fa on in builds that take a value' : ''})`,
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
  if (!fits && capGiB !== undefined) {
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
        '(max(8 GiB, 25 % of RAM))',
    );
  }
  warnings.push(...model.notes);

  const lines = [
    gpu.weights,
    gpu.weightsPerLayer,
    gpu.kvCache,
    gpu.kvPerLayer,
    gpu.gpuOverhead,
    gpu.vramForAllLayers,
    gpu.layersOnGpu,
    gpu.vramUsed,
    ramForCpuLayers,
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
    ramForCpuLayers,
    ramAllowance,
    ramNeeded,
    ramIfCpuOnly,
    windowsKeeps,
    wslMemoryCap,
    wslconfig,
    llamaCpp,
    fits,
    warnings,
    lines,
  };
}
