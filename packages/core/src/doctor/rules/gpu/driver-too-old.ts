import type { Rule } from '../../rule';
import {
  distroDriverVersion,
  hostSmiDriverVersion,
  registryDriverVersion,
  RESTORE_WSL_DRIVER_STEPS,
} from './gpu-facts';
import { CUDA_ON_WSL_DRIVER_SOURCE, MIN_WSL_DRIVER_BRANCH } from './sources';

/** The driver branch of a Windows driver version (`472.12` → 472); undefined when it does not start with one. */
export function driverBranch(version: string): number | undefined {
  const match = /^\s*(\d+)\./.exec(version);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * `driver-too-old`: the Windows driver is older than R495, the first branch NVIDIA's CUDA on WSL User Guide names
 * for CUDA on WSL 2 ("R495 and later windows will have CUDA support for WSL 2"). The version comes from the host's
 * nvidia-smi, else the registry, else the distro banner's `Driver Version` (the Windows driver).
 */
export const driverTooOld: Rule = ({ facts }) => {
  const sighting = hostSmiDriverVersion(facts) ?? registryDriverVersion(facts) ?? distroDriverVersion(facts);
  const branch = sighting && driverBranch(sighting.version);
  if (!sighting || branch === undefined || branch >= MIN_WSL_DRIVER_BRANCH) return [];
  return [
    {
      id: 'driver-too-old',
      severity: 'error',
      category: 'gpu',
      title: `NVIDIA driver ${sighting.version} is too old for CUDA in WSL (R${MIN_WSL_DRIVER_BRANCH} or later needed)`,
      explanation:
        `NVIDIA's CUDA on WSL User Guide says R${MIN_WSL_DRIVER_BRANCH} and later Windows drivers have CUDA support ` +
        `for WSL 2. Your driver is ${sighting.version}, so CUDA programs in WSL may not find the GPU until you ` +
        `update it on Windows.`,
      evidence: [
        {
          probe: sighting.evidence.probe,
          excerpt: `driver ${sighting.version} < R${MIN_WSL_DRIVER_BRANCH}`,
        },
        sighting.evidence,
      ],
      fix: { kind: 'steps', label: 'Update the NVIDIA driver on Windows', steps: RESTORE_WSL_DRIVER_STEPS },
      source: CUDA_ON_WSL_DRIVER_SOURCE,
    },
  ];
};
