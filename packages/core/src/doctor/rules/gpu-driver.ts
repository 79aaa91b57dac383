/**
 * The GPU rules about the driver stack: the Windows driver's age, the driver WSL sees against the host's, a Linux
 * driver installed in the distro, CUDA errors, and the WSL kernel CUDA needs.
 */
import type { CaptureFacts } from '../../capture/capture-facts';
import type { PackageManager } from '../../distro/nvidia-packages';
import { compareKernelVersions } from '../../distro/uname';
import type { Evidence, Finding, FindingFix } from '../finding';
import type { Rule } from '../rule';
import {
  bannerOf,
  distroDriverVersion,
  distroIsWsl1,
  distroKernel,
  distroLibcuda,
  distroPackages,
  hostSmiDriverVersion,
  libcudaShadowed,
  linuxDriverPackages,
  passthroughProblem,
  PROBES,
  registryDriverVersion,
  RESTORE_WSL_DRIVER_STEPS,
} from './gpu-facts';
import {
  CUDA_ON_WSL_CONSTRAINTS,
  CUDA_ON_WSL_DRIVER_SOURCE,
  CUDA_ON_WSL_NO_LINUX_DRIVER,
  CUDA12_MIN_DRIVER_BRANCH,
  CUDA_MINOR_VERSION_COMPATIBILITY,
  CUDA_VERSION_ERR_ISSUE,
  MICROSOFT_CUDA_ON_WSL,
  MICROSOFT_MIN_KERNEL,
  MIN_WSL_DRIVER_BRANCH,
  NVIDIA_MIN_KERNEL,
  NVIDIA_RECOMMENDED_KERNEL,
  OLLAMA_GPU_DOCS,
  OLLAMA_MIN_DRIVER_BRANCH,
  WSL_BANNER_DRIVER_ISSUE,
} from './sources';

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

/** Whether the distro holds Ollama's model folder (`~/.ollama/models` or the service's `/usr/share/ollama`). */
function ollamaModelDir(facts: CaptureFacts): Evidence | undefined {
  const dirs = facts.distro?.modelDirs;
  const dir = dirs?.ok
    ? dirs.value.find((candidate) => /(^|\/)\.?ollama(\/|$)/.test(candidate.path))
    : undefined;
  return dir === undefined ? undefined : { probe: 'distro-model-dirs', excerpt: `dir ${dir.path}` };
}

/**
 * `runtime-driver-too-old`: the Windows driver is new enough for CUDA on WSL (R495) but older than the runtime
 * needs, so passthrough works and the runtime quietly runs on the CPU. Ollama documents driver 550 and newer (570
 * for compute capability 5.0–6.2, docs.ollama.com/gpu); without Ollama, programs built with CUDA 12 need R525
 * (NVIDIA's minor-version compatibility table; CUDA 13 builds need R580).
 */
export const runtimeDriverTooOld: Rule = ({ facts }) => {
  const sighting = hostSmiDriverVersion(facts) ?? registryDriverVersion(facts) ?? distroDriverVersion(facts);
  const branch = sighting && driverBranch(sighting.version);
  if (!sighting || branch === undefined || branch < MIN_WSL_DRIVER_BRANCH) return [];
  const ollama = ollamaModelDir(facts);
  const floor = ollama ? OLLAMA_MIN_DRIVER_BRANCH : CUDA12_MIN_DRIVER_BRANCH;
  if (branch >= floor) return [];
  const runtime = ollama ? 'Ollama' : 'programs built with CUDA 12 (current llama.cpp and PyTorch builds)';
  return [
    {
      id: 'runtime-driver-too-old',
      severity: 'warning',
      category: 'gpu',
      title: `GPU passthrough works, but ${ollama ? 'Ollama' : 'CUDA 12 programs'} will use the CPU: NVIDIA driver ${sighting.version} is older than R${floor}`,
      explanation: ollama
        ? `Ollama documents NVIDIA driver ${OLLAMA_MIN_DRIVER_BRANCH} or newer (570 or newer for GPUs of compute ` +
          `capability 5.0–6.2). With driver ${sighting.version} WSL passes the GPU through, but Ollama does not use ` +
          'it and runs models on the CPU without an error; `ollama ps` shows 100% CPU.'
        : `Programs built with CUDA 12 need driver R${CUDA12_MIN_DRIVER_BRANCH} or newer, and CUDA 13 builds ` +
          `R580 (NVIDIA's CUDA compatibility table). With driver ${sighting.version} WSL passes the GPU through, but ` +
          `${runtime} cannot use it.`,
      evidence: [
        { probe: sighting.evidence.probe, excerpt: `driver ${sighting.version} < R${floor}` },
        sighting.evidence,
        ...(ollama ? [ollama] : []),
      ],
      fix: { kind: 'steps', label: 'Update the NVIDIA driver on Windows', steps: RESTORE_WSL_DRIVER_STEPS },
      source: ollama ? OLLAMA_GPU_DOCS : CUDA_MINOR_VERSION_COMPATIBILITY,
    },
  ];
};

/**
 * `driver-mismatch`: the Windows driver the distro reports (its banner's `Driver Version`, which inside WSL is the
 * Windows driver) differs from the one the host reports (host query or banner; the registry as a last resort). The
 * `NVIDIA-SMI` number is the Linux user-mode build and never equals the Windows driver, so it is not compared.
 * Silent when passthrough is broken: a missing banner is gpu-passthrough-missing's.
 */
export const driverMismatch: Rule = ({ facts }) => {
  if (passthroughProblem(facts)) return [];
  const distro = distroDriverVersion(facts);
  const fromSmi = hostSmiDriverVersion(facts);
  const host = fromSmi ?? registryDriverVersion(facts);
  if (!distro || !host || distro.version === host.version) return [];
  return [
    {
      id: 'driver-mismatch',
      severity: 'error',
      category: 'gpu',
      title: `WSL uses NVIDIA driver ${distro.version}, but Windows runs ${host.version}`,
      explanation:
        `Inside WSL, nvidia-smi's “Driver Version” is the Windows driver the distro is using (the NVIDIA-SMI number ` +
        `beside it is the Linux build and always differs, which is normal). Here the distro reports ${distro.version} ` +
        `while Windows runs ${host.version}, so the distro is not on the driver Windows runs now. Headroom's rule of thumb (its own observation, no ` +
        `public source explains the mechanism): this follows a driver update while WSL kept running, and CUDA ` +
        `programs in WSL may fail or misbehave until WSL restarts on the current driver.`,
      evidence: [
        { probe: distro.evidence.probe, excerpt: `distro driver ${distro.version} ≠ host ${host.version}` },
        distro.evidence,
        host.evidence,
      ],
      fix: {
        kind: 'shutdown-and-verify',
        label: 'Restart WSL (`wsl --shutdown`) so the distro picks up the current driver, then check again',
      },
      source: WSL_BANNER_DRIVER_ISSUE,
      confidence: 'medium',
    },
  ];
};

/** The command that removes packages with each package manager (none for `none`). */
const REMOVE: Readonly<Record<Exclude<PackageManager, 'none'>, string>> = {
  dpkg: 'sudo apt remove --purge',
  rpm: 'sudo dnf remove',
  pacman: 'sudo pacman -Rns',
};

const TOOLKIT_NOTE =
  'To build CUDA programs in WSL, install only the `cuda-toolkit-<version>` package (never `cuda`, `cuda-<version>` ' +
  'or `cuda-drivers`, which bring a Linux driver back).';

/**
 * `linux-driver-in-distro`: the distro has a Linux NVIDIA driver (nvidia-driver, libnvidia-compute, cuda-drivers,
 * nvidia-utils, the kernel module…) installed, or its loader resolves libcuda.so.1 outside /usr/lib/wsl/lib. NVIDIA's
 * CUDA on WSL guide: "users must not install any NVIDIA GPU Linux driver within WSL 2". The fix names the packages
 * found and removes them with the distro's package manager.
 */
export const linuxDriverInDistro: Rule = ({ facts }) => {
  if (!facts.distro || distroIsWsl1(facts)) return [];
  const packages = distroPackages(facts);
  const found = packages?.linuxDriverPackages ?? [];
  const shadowed = libcudaShadowed(facts);
  if (found.length === 0 && !shadowed) return [];
  const names = found.map((item) => item.name);
  const evidence: Evidence[] = [];
  if (found.length > 0) {
    evidence.push({
      probe: PROBES.packages,
      excerpt: found.map((item) => `${item.name} ${item.version}`.trim()).join(', '),
    });
  }
  const libcuda = distroLibcuda(facts);
  if (shadowed && libcuda?.resolvedPath !== undefined) {
    evidence.push({
      probe: PROBES.libcuda,
      excerpt: `libcuda.so.1 => ${libcuda.resolvedPath} (not /usr/lib/wsl/lib)`,
    });
  }
  const manager = packages?.manager;
  const remove =
    names.length > 0 && manager !== undefined && manager !== 'none'
      ? [`In the distro, run \`${REMOVE[manager]} ${names.join(' ')}\`.`]
      : [];
  const runfile =
    names.length === 0 && libcuda?.resolvedPath !== undefined
      ? [
          `${libcuda.resolvedPath} comes from no package Headroom can see. If you installed NVIDIA's Linux driver ` +
            'with a .run installer, remove it with `sudo nvidia-installer --uninstall`, then run `sudo ldconfig`.',
        ]
      : [];
  return [
    {
      id: 'linux-driver-in-distro',
      severity: 'error',
      category: 'gpu',
      title: 'A Linux NVIDIA driver is installed in the distro',
      explanation:
        'In WSL the GPU driver is the Windows one: WSL provides its Linux side (libcuda, nvidia-smi) in ' +
        '/usr/lib/wsl/lib. A Linux NVIDIA driver installed in the distro puts its own libraries in front of those, ' +
        'and CUDA programs then fail to reach the GPU or report errors. Removing the Linux driver brings WSL’s ' +
        'libraries back; your Windows driver is not touched.',
      evidence,
      fix: {
        kind: 'steps',
        label:
          names.length > 0
            ? `Remove ${names.join(', ')} and restart WSL`
            : 'Remove the Linux driver and restart WSL',
        steps: [
          ...remove,
          ...runfile,
          'In PowerShell, run `wsl --shutdown`, then open your distro again.',
          'Check in the distro: `ldconfig -p | grep libcuda.so.1` shows /usr/lib/wsl/lib only, and `/usr/lib/wsl/lib/nvidia-smi` lists your GPU.',
          TOOLKIT_NOTE,
        ],
      },
      source: CUDA_ON_WSL_NO_LINUX_DRIVER,
    },
  ];
};

/**
 * `cuda-version-error`: the distro's nvidia-smi reached the GPU but printed `CUDA Version: ERR!` (docs/gpu-tools.md "CUDA Version ERR").
 * Silent when passthrough is broken, since there is no table then.
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
 * `kernel-too-old`: the WSL kernel is older than the GPU stack needs. NVIDIA's CUDA on WSL User Guide ("WSL 2 Support Constraints") asks for
 * "at least 4.19.121+" and recommends 5.10.16.3 or later; Microsoft's "Enable NVIDIA CUDA on WSL" asks for 5.10.43.3
 * or higher. Below NVIDIA's minimum is an error; between it and Microsoft's figure the sources disagree, so it is a
 * warning with medium confidence. WSL 1 distros are left to the WSL rules.
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
