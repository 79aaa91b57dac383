import type { Evidence } from '../../finding';
import type { Rule } from '../../rule';
import { hostGpus, type HostGpu } from './gpu-facts';
import { OLLAMA_GPU_SPLIT } from './sources';

/** Above this share of a GPU's memory in use, little is left for a model or a longer context. */
export const VRAM_IN_USE_LIMIT = 0.9;

const percent = (share: number): string => `${Math.round(share * 100)} %`;

const label = (gpu: HostGpu): string => `GPU ${gpu.index}${gpu.name === '' ? '' : ` (${gpu.name})`}`;

/**
 * `vram-headroom-low`: a host GPU has more than 90 % of its memory in use. A model or a context that does not fit in
 * what is left is split between the GPU and system memory, and the part on the CPU runs slower.
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
    excerpt: `${label(gpu)}: ${used} of ${total} MiB in use (${percent(share)})`,
  }));
  const title =
    full.length === 1
      ? `Little VRAM left on ${label(first.gpu)}: ${first.total - first.used} MiB free (${percent(first.share)} in use)`
      : `Little VRAM left on ${full.length} GPUs (over ${percent(VRAM_IN_USE_LIMIT)} in use)`;
  return [
    {
      id: 'vram-headroom-low',
      severity: 'warning',
      category: 'runtime',
      title,
      explanation:
        `${full.map(({ gpu, share }) => `${label(gpu)} has ${percent(share)} of its memory in use`).join('; ')}. ` +
        'A model, or a longer context, that does not fit in what is left is split between the GPU and system memory ' +
        '(Ollama then shows a split such as “48%/52% CPU/GPU”), and the part on the CPU runs slower. If that ' +
        'memory holds the model you are using, this is expected.',
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
