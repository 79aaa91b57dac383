import type { PackageManager } from '../../../distro/nvidia-packages';
import type { Evidence } from '../../finding';
import type { Rule } from '../../rule';
import { distroIsWsl1, distroLibcuda, distroPackages, libcudaShadowed, PROBES } from './gpu-facts';
import { CUDA_ON_WSL_NO_LINUX_DRIVER } from './sources';

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
