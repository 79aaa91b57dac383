import type { CaptureFacts } from '../../../capture/capture-facts';
import type { Rule } from '../../rule';
import { bannerOf, distroIsWsl1, PROBES } from './gpu-facts';
import { PASSTHROUGH_HANG_ISSUE } from './sources';

/** Above this, the distro's nvidia-smi counts as slow (ms). */
export const SLOW_PASSTHROUGH_MS = 2000;

/** What a healthy passthrough answers in (ms), for the explanation. */
export const HEALTHY_PASSTHROUGH_MS = 500;

/** NVIDIA on CUDA's overheads in WSL 2 and the work done on them: why passthrough latency matters. */
const WSL_CUDA_PERFORMANCE =
  'https://developer.nvidia.com/blog/leveling-up-cuda-performance-on-wsl2-with-new-enhancements/';

const DISTRO_FACTS_OF_THE_BATCH = [
  'meminfo',
  'nproc',
  'kernel',
  'osRelease',
  'libcuda',
  'nvidiaPackages',
  'wslConf',
  'mounts',
] as const;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * `passthrough-hang`: the distro's nvidia-smi did not answer before its time limit (timed out, or `timeout`'s
 * exit 124). CUDA programs take the same path to the GPU and hang the same way.
 */
export const passthroughHang: Rule = ({ facts }) => {
  const gpu = facts.distro?.gpu;
  if (!gpu?.timedOut || distroIsWsl1(facts)) return [];
  const byTimeout = gpu.failure?.exitCode === 124;
  return [
    {
      id: 'passthrough-hang',
      severity: 'error',
      category: 'gpu',
      title: 'nvidia-smi hangs inside WSL: GPU passthrough is stuck',
      explanation:
        'nvidia-smi inside WSL did not answer before Headroom stopped it. CUDA programs in WSL (Ollama, llama.cpp, ' +
        'PyTorch) reach the GPU the same way, so they will hang too, when loading a model or in the middle of an ' +
        'answer. Restarting WSL sets up the GPU passthrough again.',
      evidence: [
        {
          probe: PROBES.distroSmi,
          excerpt: byTimeout
            ? 'stopped by `timeout` at its time limit (exit 124)'
            : 'no answer before the time limit (the probe was stopped)',
        },
      ],
      fix: {
        kind: 'shutdown-and-verify',
        label:
          'Restart WSL (`wsl --shutdown`) and check that nvidia-smi answers; if it hangs again, update the NVIDIA driver on Windows and WSL (`wsl --update`)',
      },
      source: PASSTHROUGH_HANG_ISSUE,
    },
  ];
};

/**
 * How long the distro's nvidia-smi took, as far as the capture can tell. A capture runs every in-distro probe in one
 * batch and gives each the batch's duration: then the time is shared among the nvidia-smi runs of the batch (the plain
 * one and the query), an estimate (`batched`). A batch that started the VM (it printed WSL's boot warnings) includes
 * the boot, and tells nothing.
 */
export function distroSmiTiming(facts: CaptureFacts): { ms: number; batchMs?: number } | undefined {
  const distro = facts.distro;
  const durationMs = distro?.gpu.durationMs;
  if (!distro || durationMs === undefined) return undefined;
  const batched = DISTRO_FACTS_OF_THE_BATCH.some((key) => distro[key] !== undefined);
  if (!batched) return { ms: durationMs };
  if (facts.wsl.bootWarnings.length > 0) return undefined;
  const runs = distro.gpu.query === undefined ? 1 : 2;
  return { ms: durationMs / runs, batchMs: durationMs };
}

/**
 * `passthrough-slow`: the distro's nvidia-smi answered, but took over 2 s (healthy is under 0.5 s). When the time is
 * an estimate from a batch of probes, the finding says so and its confidence is medium.
 */
export const passthroughSlow: Rule = ({ facts }) => {
  const gpu = facts.distro?.gpu;
  if (!gpu || gpu.timedOut || gpu.failure || !bannerOf(gpu) || distroIsWsl1(facts)) return [];
  const timing = distroSmiTiming(facts);
  if (!timing || timing.ms <= SLOW_PASSTHROUGH_MS) return [];
  const estimate = timing.batchMs !== undefined;
  return [
    {
      id: 'passthrough-slow',
      severity: 'error',
      category: 'runtime',
      title: `GPU passthrough is slow: nvidia-smi takes ${estimate ? 'about ' : ''}${seconds(timing.ms)} in WSL`,
      explanation:
        `nvidia-smi inside WSL took ${estimate ? 'about ' : ''}${seconds(timing.ms)} to answer; healthy is under ` +
        `${seconds(HEALTHY_PASSTHROUGH_MS)}. Ollama, llama.cpp and PyTorch reach the GPU through the same ` +
        `passthrough, so a slow answer here means a slow or struggling GPU path for them too.` +
        (estimate
          ? ' Headroom timed nvidia-smi together with its other checks in the distro, so the figure is an estimate.'
          : ''),
      evidence: [
        {
          probe: PROBES.distroSmi,
          excerpt:
            timing.batchMs === undefined
              ? `answered in ${seconds(timing.ms)}`
              : `the in-distro probes took ${seconds(timing.batchMs)}: about ${seconds(timing.ms)} per nvidia-smi run`,
        },
      ],
      fix: {
        kind: 'shutdown-and-verify',
        label:
          'Restart WSL (`wsl --shutdown`) and time nvidia-smi again; if it stays slow, update the NVIDIA driver on Windows and WSL (`wsl --update`)',
      },
      source: WSL_CUDA_PERFORMANCE,
      ...(estimate ? { confidence: 'medium' as const } : {}),
    },
  ];
};
