import type { CaptureFacts } from '../../capture/capture-facts';
import { memoryMatches, swapMatches } from '../../verify/verify-checks';
import { formatSize } from '../../wslconfig/suggest';
import { vmResources } from '../../wslconfig/vm-resources';
import type { Evidence, Finding } from '../finding';
import type { DoctorInput, Rule } from '../rule';
import { bannerOf, type HostGpu, hostGpus } from './gpu-facts';
import { OLLAMA_GPU_SPLIT, WSL_CONFIG_DOCS, WSL_CONFIG_SOURCE, WSL_IDLE_TIMEOUT_SOURCE } from './sources';

const GiB = 2 ** 30;

const gib = (bytes: number): string => `${(bytes / GiB).toFixed(1)} GiB`;

/** What WSL will create the VM with from the current .wslconfig, when the host is known. */
function expectedResources({ facts }: DoctorInput) {
  const { totalMemoryBytes, logicalProcessors } = facts.host;
  if (totalMemoryBytes === undefined || logicalProcessors === undefined) return undefined;
  return vmResources(facts.wslconfig?.settings ?? {}, { totalMemoryBytes, logicalProcessors });
}

/**
 * The running VM disagrees with .wslconfig (MemTotal, nproc, swap): the file changed after the VM started, and WSL
 * only reads it when it creates the VM, so it was not fully shut down since the edit.
 */
export const wslconfigNotApplied: Rule = (input) => {
  const expected = expectedResources(input);
  const distro = input.facts.distro;
  if (!expected || !distro?.meminfo?.ok) return [];
  // A WSL 1 distro has no VM: it sees the host's memory and processors, and .wslconfig does not apply to it.
  if (distro.kernel?.ok && distro.kernel.value.wsl1) return [];
  const mem = distro.meminfo.value;
  const differences: string[] = [];
  const memTotal = mem.memTotalKiB * 1024;
  if (!memoryMatches(memTotal, expected.memoryBytes)) {
    differences.push(`memory ${gib(memTotal)} in WSL, .wslconfig gives ${gib(expected.memoryBytes)}`);
  }
  if (distro.nproc?.ok && distro.nproc.value !== expected.processors) {
    differences.push(`${distro.nproc.value} processors in WSL, .wslconfig gives ${expected.processors}`);
  }
  const swap = mem.swapTotalKiB * 1024;
  if (!swapMatches(swap, expected.swapBytes)) {
    differences.push(`swap ${gib(swap)} in WSL, .wslconfig gives ${gib(expected.swapBytes)}`);
  }
  if (differences.length === 0) return [];
  const finding: Finding = {
    id: 'wslconfig-not-applied',
    severity: 'error',
    category: 'configuration',
    title: 'WSL is still running with its old settings',
    explanation: `WSL reads .wslconfig only when it creates its VM, and the running VM does not match the file (${differences.join('; ')}). Closing the terminal is not enough: WSL keeps a distro for 15 s after its last process (instanceIdleTimeout 15000 ms) and the VM for 60 s after that (vmIdleTimeout 60000 ms, WslCoreConfig.h). Shut WSL down fully (wsl --shutdown), then start your distro again. (MemTotal counts as applied within 90–100.5 % of memory, Headroom's rule of thumb: the kernel keeps some.)`,
    evidence: differences.map((excerpt) => ({
      probe: excerpt.startsWith('memory') || excerpt.startsWith('swap') ? 'distro-meminfo' : 'distro-nproc',
      excerpt,
    })),
    fix: { kind: 'shutdown-and-verify', label: 'Shut down WSL and verify' },
    source: WSL_IDLE_TIMEOUT_SOURCE,
    pendingRestart: true,
  };
  return [finding];
};

/** WSL's memory (set or the 50 % default) is below what the user's target model needs inside WSL. */
export const memoryCeiling: Rule = (input) => {
  const { target } = input;
  const expected = expectedResources(input);
  if (!target || !expected || target.ramBytes <= expected.memoryBytes) return [];
  const host = input.facts.host.totalMemoryBytes ?? 0;
  const keepForWindows = Math.max(8 * GiB, host * 0.25);
  const recommended = Math.min(
    Math.ceil(target.ramBytes / GiB) * GiB,
    Math.floor((host - keepForWindows) / GiB) * GiB,
  );
  const fits = recommended >= target.ramBytes;
  const configured = typeof input.facts.wslconfig?.settings['wsl2.memory'] === 'number';
  const finding: Finding = {
    id: 'memory-ceiling',
    severity: 'error',
    category: 'configuration',
    title: `WSL has ${gib(expected.memoryBytes)}; ${target.label} needs ${gib(target.ramBytes)}`,
    explanation: `WSL's VM gets ${gib(expected.memoryBytes)} (${configured ? 'from memory= in .wslconfig' : 'the default: half of your RAM'}), but ${target.label} needs about ${gib(target.ramBytes)} inside WSL (${target.reasoning}). Loading it will fail or swap.${
      fits
        ? ` Raising memory to ${formatSize(BigInt(recommended))} still leaves Windows ${gib(host - recommended)}, no less than it needs (Headroom's rule of thumb: max(8 GB, 25 % of the RAM)).`
        : " Even leaving Windows only the minimum it needs (Headroom's rule of thumb: max(8 GB, 25 % of the RAM)), this machine does not have enough RAM: use a smaller model, a shorter context or a smaller KV cache type."
    }`,
    evidence: [
      {
        probe: 'wslconfig',
        excerpt: `memory: ${gib(expected.memoryBytes)}; needed: ${gib(target.ramBytes)}`,
      },
      ...(fits
        ? [
            {
              probe: 'host',
              excerpt: `RAM ${gib(host)}; with memory=${formatSize(BigInt(recommended))} Windows keeps ${gib(host - recommended)}`,
            },
          ]
        : []),
    ],
    fix: fits
      ? {
          kind: 'set-wslconfig',
          label: `Set memory=${formatSize(BigInt(recommended))}`,
          assignments: [{ key: 'wsl2.memory', value: formatSize(BigInt(recommended)) }],
        }
      : {
          kind: 'steps',
          label: 'Pick a smaller model or context',
          steps: ['Run `headroom fit` with a smaller model, quantisation or context length.'],
        },
    source: WSL_CONFIG_SOURCE,
    confidence: 'medium',
  };
  return [finding];
};

/** Where the memory figures come from, for the UI's "Why?" on WSL's defaults. */
export const MEMORY_DOCS = WSL_CONFIG_DOCS;

/** Above this share of a GPU's memory in use, little is left for a model or a longer context. */
export const VRAM_IN_USE_LIMIT = 0.9;

const percent = (share: number): string => `${Math.round(share * 100)} %`;

const label = (gpu: HostGpu): string => `GPU ${gpu.index}${gpu.name === '' ? '' : ` (${gpu.name})`}`;

/** Local LLM runtimes as nvidia-smi's Processes section names them (Windows paths are cut at the front). */
const RUNTIME_PROCESS = /(ollama|llama-server|llama-cli|llama\.cpp|lm studio|lms\.exe|koboldcpp|vllm)/i;

/** The runtimes nvidia-smi (on Windows or in the distro) lists on the GPU, by their shown names; [] for none. */
function runtimesOnGpu(facts: CaptureFacts): string[] {
  const processes = [bannerOf(facts.hostGpu), facts.distro ? bannerOf(facts.distro.gpu) : undefined].flatMap(
    (banner) => banner?.processes ?? [],
  );
  const names = processes.flatMap((process) => {
    const found = RUNTIME_PROCESS.exec(process.name)?.[1]?.toLowerCase();
    if (found === undefined) return [];
    if (found === 'ollama') return ['Ollama'];
    if (found === 'koboldcpp') return ['KoboldCpp'];
    if (found === 'vllm') return ['vLLM'];
    if (found === 'lm studio' || found === 'lms.exe') return ['LM Studio'];
    return ['llama.cpp'];
  });
  return [...new Set(names)];
}

/**
 * `vram-headroom-low`: a host GPU has more than 90 % of its memory in use. A model or a context that does not fit in
 * what is left is split between the GPU and system memory, and the part on the CPU runs slower. When nvidia-smi
 * shows an LLM runtime (Ollama, llama.cpp, LM Studio …) on the GPU, the memory is most likely the model it keeps
 * loaded, which those runtimes do by design: information, not a warning.
 */
export const vramHeadroomLow: Rule = ({ facts }) => {
  const full = hostGpus(facts).flatMap((gpu) => {
    const { memoryUsedMiB: used, memoryTotalMiB: total } = gpu;
    if (used === null || total === null || total <= 0 || used / total <= VRAM_IN_USE_LIMIT) return [];
    return [{ gpu, used, total, share: used / total }];
  });
  const [first] = full;
  if (!first) return [];
  const evidence: Evidence[] = full.map(({ gpu, used, total, share }) => ({
    probe: gpu.probe,
    excerpt: `${label(gpu)}: ${used} of ${total} MiB in use (${percent(share)}), ${total - used} MiB free`,
  }));
  const runtimes = runtimesOnGpu(facts);
  const title =
    (full.length === 1
      ? `Little VRAM left on ${label(first.gpu)}: ${first.total - first.used} MiB free (${percent(first.share)} in use)`
      : `Little VRAM left on ${full.length} GPUs (over ${percent(VRAM_IN_USE_LIMIT)} in use)`) +
    (runtimes.length > 0 ? `, held by ${runtimes.join(' and ')}` : '');
  return [
    {
      id: 'vram-headroom-low',
      severity: runtimes.length > 0 ? 'info' : 'warning',
      category: 'runtime',
      title,
      explanation:
        `${full.map(({ gpu, share }) => `${label(gpu)} has ${percent(share)} of its memory in use`).join('; ')} ` +
        `(over ${percent(VRAM_IN_USE_LIMIT)} counts as little left, Headroom's rule of thumb). ` +
        'A model, or a longer context, that does not fit in what is left is split between the GPU and system memory ' +
        '(Ollama then shows a split such as “48%/52% CPU/GPU”), and the part on the CPU runs slower. ' +
        (runtimes.length > 0
          ? `nvidia-smi lists ${runtimes.join(' and ')} on the GPU: runtimes keep a loaded model in VRAM, so this is expected while it holds yours.`
          : 'If that memory holds the model you are using, this is expected.'),
      evidence,
      fix: {
        kind: 'steps',
        label: 'Free some VRAM',
        steps: [
          'See what holds the memory: `nvidia-smi` on Windows lists the programs, `ollama ps` in WSL lists loaded models.',
          'Unload models you are not using (`ollama stop <model>`) and close other programs that use the GPU.',
          'Or pick a smaller model or quantisation, or a shorter context.',
        ],
      },
      source: OLLAMA_GPU_SPLIT,
    },
  ];
};
