import { compareKernelVersions } from '../../../distro/uname';
import type { CaptureFacts } from '../../../capture/capture-facts';
import type { Evidence, Finding, FindingFix } from '../../finding';
import type { Rule } from '../../rule';
import { distroIsWsl1, distroKernel, PROBES } from './gpu-facts';
import {
  CUDA_ON_WSL_CONSTRAINTS,
  MICROSOFT_CUDA_ON_WSL,
  MICROSOFT_MIN_KERNEL,
  NVIDIA_MIN_KERNEL,
  NVIDIA_RECOMMENDED_KERNEL,
} from './sources';

/** The kernel WSL runs, and where it was read. */
interface KernelSighting {
  readonly release: string;
  readonly version: readonly number[];
  readonly evidence: Evidence;
}

/** The leading numeric groups of a kernel version (`5.10.16.3-1` → [5, 10, 16, 3]); [] when it has none. */
export function kernelNumbers(text: string): number[] {
  const numbers = /^\s*(\d+(?:\.\d+)*)/.exec(text)?.[1];
  return numbers === undefined ? [] : numbers.split('.').map(Number);
}

/** The running kernel from the distro's `uname -r`, else the kernel `wsl --version` names. */
function wslKernel(facts: CaptureFacts): KernelSighting | undefined {
  const uname = distroKernel(facts);
  if (uname) {
    return {
      release: uname.release,
      version: uname.version,
      evidence: { probe: PROBES.uname, excerpt: uname.release },
    };
  }
  const version = facts.wsl.version;
  if (version?.ok !== true || version.value.kind !== 'store') return undefined;
  const kernel = version.value.versions.kernel;
  return {
    release: kernel,
    version: kernelNumbers(kernel),
    evidence: { probe: PROBES.wslVersion, excerpt: `Kernel version: ${kernel}` },
  };
}

const dotted = (version: readonly number[]): string => version.join('.');

/**
 * `kernel-too-old`: the WSL kernel is older than the GPU stack needs. NVIDIA's CUDA on WSL User Guide
 * ("WSL 2 Support Constraints") asks "at least 4.19.121+" and recommends 5.10.16.3 or later; Microsoft's "Enable
 * NVIDIA CUDA on WSL" asks for 5.10.43.3 or higher. Below NVIDIA's minimum is an error; between it and Microsoft's
 * figure the sources disagree, so it is a warning with medium confidence. WSL 1 distros are left to the WSL rules.
 */
export const kernelTooOld: Rule = ({ facts }) => {
  if (distroIsWsl1(facts)) return [];
  const kernel = wslKernel(facts);
  if (!kernel || kernel.version.length === 0) return [];
  const belowNvidia = compareKernelVersions(kernel.version, NVIDIA_MIN_KERNEL) < 0;
  if (!belowNvidia && compareKernelVersions(kernel.version, MICROSOFT_MIN_KERNEL) >= 0) return [];
  const custom = facts.wslconfig?.applied.find((setting) => setting.key === 'wsl2.kernel');
  const fix: FindingFix = custom
    ? {
        kind: 'unset-wslconfig',
        label: 'Stop using the custom kernel set in .wslconfig (kernel=…) and restart WSL',
        keys: ['wsl2.kernel'],
      }
    : { kind: 'wsl-update', label: 'Update WSL and its kernel (`wsl --update`), then restart WSL' };
  const evidence: Evidence[] = [
    kernel.evidence,
    ...(custom
      ? [{ probe: PROBES.wslconfig, excerpt: `kernel=${String(custom.value)}`, line: custom.line }]
      : []),
  ];
  const customNote = custom
    ? ' Your .wslconfig makes WSL run its own kernel file, which `wsl --update` does not replace.'
    : '';
  const finding: Finding = belowNvidia
    ? {
        id: 'kernel-too-old',
        severity: 'error',
        category: 'gpu',
        title: `WSL kernel ${kernel.release} is older than ${dotted(NVIDIA_MIN_KERNEL)}, the minimum for CUDA on WSL`,
        explanation:
          `NVIDIA's CUDA on WSL User Guide asks for a WSL kernel of at least ${dotted(NVIDIA_MIN_KERNEL)} and ` +
          `recommends ${dotted(NVIDIA_RECOMMENDED_KERNEL)} or later. Yours is ${kernel.release}, so CUDA programs in ` +
          `WSL may not reach the GPU until the kernel is updated.${customNote}`,
        evidence,
        fix,
        source: CUDA_ON_WSL_CONSTRAINTS,
      }
    : {
        id: 'kernel-too-old',
        severity: 'warning',
        category: 'gpu',
        title: `WSL kernel ${kernel.release} is older than ${dotted(MICROSOFT_MIN_KERNEL)}, which Microsoft asks for CUDA`,
        explanation:
          `Microsoft's “Enable NVIDIA CUDA on WSL” asks for a kernel of ${dotted(MICROSOFT_MIN_KERNEL)} or higher; ` +
          `NVIDIA's CUDA on WSL User Guide accepts ${dotted(NVIDIA_MIN_KERNEL)} and recommends ` +
          `${dotted(NVIDIA_RECOMMENDED_KERNEL)} or later. Yours is ${kernel.release}: CUDA may work, but the kernel is ` +
          `below Microsoft's figure, and updating it takes one command.${customNote}`,
        evidence,
        fix,
        source: MICROSOFT_CUDA_ON_WSL,
        confidence: 'medium',
      };
  return [finding];
};
