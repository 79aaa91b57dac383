import type { Rule } from '../../rule';
import { bannerOf, libcudaShadowed, linuxDriverPackages, passthroughProblem, PROBES } from './gpu-facts';
import { CUDA_VERSION_ERR_ISSUE } from './sources';

/**
 * `cuda-version-error`: the distro's nvidia-smi reached the GPU but printed `CUDA Version: ERR!` (docs/gpu-tools.md
 * "CUDA Version ERR"). Silent when passthrough is broken, since there is no table then.
 */
export const cudaVersionError: Rule = ({ facts }) => {
  const banner = facts.distro && bannerOf(facts.distro.gpu);
  if (!banner?.cudaVersionError || passthroughProblem(facts)) return [];
  const linuxDriver = linuxDriverPackages(facts).length > 0 || libcudaShadowed(facts);
  const label = banner.labels === 'kmd-version' ? 'CUDA UMD Version' : 'CUDA Version';
  return [
    {
      id: 'cuda-version-error',
      severity: 'error',
      category: 'gpu',
      title: `nvidia-smi in WSL prints “${label}: ERR!”: CUDA in the distro is broken`,
      explanation:
        'nvidia-smi inside WSL reaches the GPU but cannot read the CUDA version from the driver, so CUDA programs ' +
        'in the distro (Ollama, llama.cpp, PyTorch) are likely to fail when they start.' +
        (linuxDriver
          ? ' A Linux NVIDIA driver or libcuda in the distro takes the place of WSL’s own, the likely cause (see the finding about it).'
          : ''),
      evidence: [{ probe: PROBES.distroSmi, excerpt: `${label}: ERR!` }],
      fix: {
        kind: 'steps',
        label: 'Repair CUDA in the distro',
        steps: [
          ...(linuxDriver
            ? [
                'Remove the Linux NVIDIA driver first (the fix of “A Linux NVIDIA driver is installed in the distro”).',
              ]
            : []),
          'In PowerShell, run `wsl --shutdown`, then open your distro and run `/usr/lib/wsl/lib/nvidia-smi` again.',
          'If it still prints ERR!, check that `echo $LD_LIBRARY_PATH` puts no other NVIDIA library folder before /usr/lib/wsl/lib.',
          'If it still does, reinstall the current NVIDIA driver on Windows, then run `wsl --shutdown` again.',
        ],
      },
      source: CUDA_VERSION_ERR_ISSUE,
      confidence: 'medium',
    },
  ];
};
