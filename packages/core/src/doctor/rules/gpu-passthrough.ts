/**
 * The GPU rules about reaching the GPU at all: an NVIDIA GPU on the host, one in WDDM mode, passthrough into the
 * distro, and how fast nvidia-smi answers through it.
 */
import type { CaptureFacts } from '../../capture/capture-facts';
import type { Evidence, Finding, FindingFix } from '../finding';
import type { Rule } from '../rule';
import { LATENCY_BANDS_NOTE, latencyBand } from '../../health/passthrough-bands';
import {
  bannerOf,
  distroIsWsl1,
  hostGpus,
  hostWithoutNvidiaGpu,
  linuxDriverPackages,
  passthroughProblem,
  type PassthroughProblem,
  PROBES,
  RESTORE_WSL_DRIVER_STEPS,
  smiWorks,
} from './gpu-facts';
import {
  COULDNT_COMMUNICATE_ISSUE,
  CUDA_ON_WSL_CONSTRAINTS,
  CUDA_ON_WSL_GUIDE,
  CUDA_ON_WSL_NO_LINUX_DRIVER,
  GPU_ACCESS_BLOCKED_ISSUE,
  PASSTHROUGH_HANG_ISSUE,
  WSL_CONF_GPU_SOURCE,
  WSL_GPU_SUPPORT_SOURCE,
  NVIDIA_DRIVER_DOWNLOAD,
  NVIDIA_SMI_DOCS,
  WSL_CUDA_PERFORMANCE,
} from './sources';

const CONSEQUENCE =
  'Until this is fixed, CUDA programs in WSL cannot see the GPU: Ollama and llama.cpp run models on the CPU only, ' +
  'and PyTorch reports `torch.cuda.is_available()` as False.';

const CONSEQUENCE_NEXT_START =
  'Once it does, CUDA programs in WSL cannot see the GPU: Ollama and llama.cpp run models on the CPU only, ' +
  'and PyTorch reports `torch.cuda.is_available()` as False.';

const TITLES: Readonly<Record<PassthroughProblem['cause'], string>> = {
  'gpu-support-off': 'GPU passthrough is turned off in .wslconfig (gpuSupport=false)',
  'safe-mode': 'WSL runs in safe mode (safeMode=true), which starts it without the GPU',
  'wsl-conf-gpu-off': 'GPU passthrough is turned off in the distro’s /etc/wsl.conf ([gpu] enabled=false)',
  blocked: 'WSL cannot use the GPU: access is blocked by the operating system',
  'smi-missing': 'The NVIDIA driver files are missing in WSL (/usr/lib/wsl/lib/nvidia-smi)',
  'libcuda-missing': 'The NVIDIA driver files are missing in WSL (/usr/lib/wsl/lib/libcuda.so.1)',
  'no-devices': 'WSL sees no GPU, although Windows has one',
  'smi-failed': 'nvidia-smi fails inside WSL: the GPU is not reachable',
  'no-gpu-listed': 'WSL sees no GPU, although Windows has one',
};

const SOURCES: Readonly<Record<PassthroughProblem['cause'], string>> = {
  'gpu-support-off': WSL_GPU_SUPPORT_SOURCE,
  'safe-mode': WSL_GPU_SUPPORT_SOURCE,
  'wsl-conf-gpu-off': WSL_CONF_GPU_SOURCE,
  blocked: GPU_ACCESS_BLOCKED_ISSUE,
  'smi-missing': CUDA_ON_WSL_NO_LINUX_DRIVER,
  'libcuda-missing': CUDA_ON_WSL_NO_LINUX_DRIVER,
  'no-devices': CUDA_ON_WSL_CONSTRAINTS,
  'smi-failed': COULDNT_COMMUNICATE_ISSUE,
  'no-gpu-listed': CUDA_ON_WSL_CONSTRAINTS,
};

function describe(
  problem: PassthroughProblem,
  tcc: boolean,
  linuxDriver: boolean,
  stillWorks: boolean,
): string {
  const line = problem.evidence.find((item) => item.line !== undefined)?.line;
  const where = line === undefined ? 'your .wslconfig' : `line ${line} of your .wslconfig`;
  const notYet = stillWorks
    ? ' The running VM started before this setting and still has the GPU; the next time WSL starts, it will not.'
    : '';
  switch (problem.cause) {
    case 'gpu-support-off':
      return `WSL reads \`gpuSupport=false\` from ${where} and starts its VM without the GPU and without the NVIDIA files in /usr/lib/wsl.${notYet}`;
    case 'safe-mode':
      return `WSL reads \`safeMode=true\` from ${where} and starts without the GPU, GUI apps, swap, a custom kernel or networking.${notYet}`;
    case 'wsl-conf-gpu-off':
      return (
        'The distro’s /etc/wsl.conf says `[gpu] enabled=false`, so WSL does not mount the NVIDIA libraries ' +
        '(nvidia-smi, libcuda) in /usr/lib/wsl/lib when the distro starts. The Windows driver is not at fault.'
      );
    case 'blocked':
      return (
        'nvidia-smi inside WSL reports “GPU access blocked by the operating system”. This has been reported when the GPU ' +
        'runs in TCC mode instead of WDDM, on Windows Server, and with Docker inside WSL.' +
        (tcc ? ' Your GPU runs in TCC mode, the likely cause here.' : '')
      );
    case 'smi-missing':
    case 'libcuda-missing':
      return (
        'The NVIDIA Windows driver provides the Linux side of the GPU (nvidia-smi, libcuda) in /usr/lib/wsl/lib when WSL ' +
        'starts. It is not there, so the distro has no way to reach the GPU.'
      );
    case 'no-devices':
    case 'no-gpu-listed':
      return (
        'nvidia-smi inside WSL finds no GPU while Windows has one.' +
        (tcc ? ' Your GPU runs in TCC mode, which WSL does not support.' : '')
      );
    case 'smi-failed':
      return (
        `nvidia-smi inside WSL fails: “${problem.failure?.message ?? 'no output'}”.` +
        (linuxDriver
          ? ' A Linux NVIDIA driver is installed in the distro, which NVIDIA says must not be done in WSL; it is the likely cause.'
          : '')
      );
  }
}

function fixFor(problem: PassthroughProblem, linuxDriver: boolean): FindingFix {
  if (problem.wslconfigKey !== undefined) {
    const setting = problem.wslconfigKey === 'wsl2.gpuSupport' ? 'gpuSupport=false' : 'safeMode=true';
    return {
      kind: 'unset-wslconfig',
      label: `Remove ${setting} from .wslconfig and restart WSL`,
      keys: [problem.wslconfigKey],
    };
  }
  if (problem.cause === 'wsl-conf-gpu-off') {
    const line = problem.evidence.find((item) => item.line !== undefined)?.line;
    return {
      kind: 'steps',
      label: 'Turn the GPU back on in /etc/wsl.conf',
      steps: [
        `In the distro, edit /etc/wsl.conf (\`sudo nano /etc/wsl.conf\`) and change \`enabled=false\`${
          line === undefined ? '' : ` on line ${line}`
        } under \`[gpu]\` to \`enabled=true\` (or delete the line: the GPU is on by default).`,
        'In PowerShell, run `wsl --shutdown`, then open your distro again.',
        'Check in the distro: `/usr/lib/wsl/lib/nvidia-smi` lists your GPU.',
      ],
    };
  }
  if (linuxDriver) {
    return {
      kind: 'steps',
      label: 'Remove the Linux NVIDIA driver from the distro',
      steps: [
        'Follow the fix of “A Linux NVIDIA driver is installed in the distro” to remove its packages.',
        'In PowerShell, run `wsl --shutdown`, then open your distro again.',
        'Check in the distro: `/usr/lib/wsl/lib/nvidia-smi` lists your GPU.',
      ],
    };
  }
  const wddm =
    problem.cause === 'blocked' || problem.cause === 'no-devices' || problem.cause === 'no-gpu-listed'
      ? [
          'On Windows, run `nvidia-smi` and check that the Driver-Model column says WDDM (WSL does not support TCC).',
        ]
      : [];
  return {
    kind: 'steps',
    label: 'Bring the GPU back into WSL',
    steps: [...wddm, ...RESTORE_WSL_DRIVER_STEPS],
  };
}

/**
 * `gpu-passthrough-missing`: the distro cannot reach the GPU. Its nvidia-smi is missing or fails (access blocked,
 * no devices, cannot communicate), WSL's libcuda.so.1 is absent, its table lists no GPU, or .wslconfig turns the GPU
 * off (gpuSupport=false, safeMode=true; reported even when the VM did not run). A hang is passthrough-hang's; a host
 * without an NVIDIA GPU is no-nvidia-gpu's.
 */
export const gpuPassthroughMissing: Rule = ({ facts }) => {
  const problem = passthroughProblem(facts);
  if (!problem) return [];
  const tcc = hostGpus(facts).some((gpu) => gpu.driverModel === 'TCC');
  const linuxDriver = linuxDriverPackages(facts).length > 0;
  const stillWorks = facts.distro !== undefined && smiWorks(facts.distro.gpu);
  const finding: Finding = {
    id: 'gpu-passthrough-missing',
    severity: 'error',
    category: 'gpu',
    title: TITLES[problem.cause],
    explanation: `${describe(problem, tcc, linuxDriver, stillWorks)} ${stillWorks ? CONSEQUENCE_NEXT_START : CONSEQUENCE}`,
    evidence: problem.evidence,
    fix: fixFor(problem, linuxDriver),
    source: SOURCES[problem.cause],
    ...(problem.failure?.evidence === 'exit-code' ? { confidence: 'medium' as const } : {}),
  };
  return [finding];
};

/** The display adapters Windows lists that are not NVIDIA's: from the registry, else from the host facts. */
function otherAdapters(facts: Parameters<Rule>[0]['facts']): string[] {
  const drivers = facts.windows.displayDrivers;
  const fromRegistry =
    drivers?.ok === true
      ? drivers.value.adapters.flatMap((adapter) => (adapter.description ? [adapter.description] : []))
      : [];
  const names =
    fromRegistry.length > 0
      ? fromRegistry
      : (facts.host.gpuControllers ?? []).map((controller) => controller.model);
  return [...new Set(names.filter((name) => !/nvidia/i.test(name)))];
}

/**
 * `no-nvidia-gpu`: the host has no NVIDIA GPU (or no NVIDIA driver), so there is nothing to pass through to WSL.
 * Reported instead of gpu-passthrough-missing. An error when both the host's nvidia-smi and the registry say so (GPU
 * inference, what Headroom is for, is impossible); a `medium`-confidence warning when only one probe says so.
 */
export const noNvidiaGpu: Rule = ({ facts }) => {
  const evidence = hostWithoutNvidiaGpu(facts);
  if (!evidence) return [];
  const others = otherAdapters(facts);
  return [
    {
      id: 'no-nvidia-gpu',
      severity: evidence.length < 2 ? 'warning' : 'error',
      category: 'gpu',
      title:
        others.length > 0 ? `${others.join(' / ')} found, no NVIDIA GPU` : 'No NVIDIA GPU found on this PC',
      explanation:
        `Windows shows ${others.length > 0 ? `${others.join(' and ')} but ` : ''}no NVIDIA GPU, or no NVIDIA driver for one, so there is nothing for WSL to pass through: ` +
        'local models will run on the CPU only. If this PC has an NVIDIA GPU, its Windows driver is not installed.',
      evidence,
      fix: {
        kind: 'open-page',
        label: 'Install the NVIDIA driver for your GPU (if this PC has one)',
        url: NVIDIA_DRIVER_DOWNLOAD,
      },
      source: `${CUDA_ON_WSL_GUIDE}#step-1-install-nvidia-driver-for-gpu-support`,
      ...(evidence.length < 2 ? { confidence: 'medium' as const } : {}),
    },
  ];
};

/**
 * `host-nvidia-smi-failed`: nvidia-smi on Windows hung (error: a driver that does not answer cannot pass a GPU
 * through either), or failed or printed nothing readable while Windows lists an NVIDIA display adapter (warning: the
 * GPU is there, but Headroom could not read it). Without this, a failed nvidia-smi read as "no GPU".
 */
export const hostNvidiaSmiFailed: Rule = ({ facts }) => {
  const host = facts.hostGpu;
  if (!host.collected || smiWorks(host)) return [];
  const drivers = facts.windows.displayDrivers;
  const adapter = drivers?.ok === true ? drivers.value.nvidia : undefined;
  const unreadable = host.query?.ok === false ? host.query.unreadable.reason : undefined;
  const failed =
    host.failure && host.failure.kind !== 'command-not-found' && host.failure.kind !== 'no-devices';
  if (!host.timedOut && !(adapter && (failed || unreadable))) return [];
  const adapterName = adapter?.description ?? 'an NVIDIA display adapter';
  const steps = [
    'Restart Windows, then open Headroom again.',
    `If nvidia-smi still fails, reinstall the NVIDIA driver for your GPU (${NVIDIA_DRIVER_DOWNLOAD}).`,
  ];
  if (host.timedOut) {
    return [
      {
        id: 'host-nvidia-smi-failed',
        severity: 'error',
        category: 'gpu',
        title: 'nvidia-smi on Windows does not answer',
        explanation:
          "nvidia-smi.exe did not answer within Headroom's time limit. It only asks the NVIDIA driver, so a driver " +
          "that hangs is the likely cause (Headroom's rule of thumb), and WSL's GPU passthrough goes through the " +
          'same driver.',
        evidence: [{ probe: PROBES.hostQuery, excerpt: 'no answer (timed out)' }],
        fix: { kind: 'steps', label: 'Restart Windows', steps },
        source: NVIDIA_SMI_DOCS,
      },
    ];
  }
  return [
    {
      id: 'host-nvidia-smi-failed',
      severity: 'warning',
      category: 'gpu',
      title: `nvidia-smi on Windows failed, though Windows lists ${adapterName}`,
      explanation:
        'Windows lists an NVIDIA display adapter, but nvidia-smi.exe failed or printed nothing Headroom could read, ' +
        'so Headroom could not read the GPU, its driver or its VRAM. This is not "no GPU": the checks that need ' +
        'them were not made.',
      evidence: [
        { probe: PROBES.hostQuery, excerpt: nonEmptyText(host.failure?.message) ?? unreadable ?? 'failed' },
        { probe: PROBES.displayDriver, excerpt: adapterName },
      ],
      fix: { kind: 'steps', label: 'Restart Windows', steps },
      source: NVIDIA_SMI_DOCS,
    },
  ];
};

/**
 * `host-gpu-tcc`: a host GPU runs in the TCC driver model. NVIDIA's CUDA on WSL guide ("WSL 2 Support Constraints") supports WDDM only ("It
 * will not be available on Quadro GPUs in TCC mode"); microsoft/WSL#11865 shows an L40S in TCC that WSL cannot see.
 */
export const hostGpuTcc: Rule = ({ facts }) => {
  const gpus = hostGpus(facts);
  const tcc = gpus.filter((gpu) => gpu.driverModel === 'TCC');
  const [first] = tcc;
  if (!first) return [];
  const mixed = gpus.some((gpu) => gpu.driverModel === 'WDDM');
  const evidence: Evidence[] = tcc.map((gpu) => ({
    probe: gpu.probe,
    excerpt: `GPU ${gpu.index}${gpu.name === '' ? '' : ` ${gpu.name}`}: ${
      gpu.probe === 'host-nvidia-smi-query' ? 'driver_model.current' : 'Driver-Model'
    } TCC`,
  }));
  const which = tcc.map((gpu) => `GPU ${gpu.index}${gpu.name === '' ? '' : ` (${gpu.name})`}`).join(', ');
  return [
    {
      id: 'host-gpu-tcc',
      severity: 'error',
      category: 'gpu',
      title: `${which} ${tcc.length === 1 ? 'runs' : 'run'} in TCC mode; WSL needs WDDM`,
      explanation:
        'NVIDIA’s CUDA on WSL User Guide supports GPUs in the WDDM driver model only. A GPU in TCC mode is not passed ' +
        'through to WSL: nvidia-smi inside WSL then reports “GPU access blocked by the operating system” or no GPU ' +
        '(microsoft/WSL#11865), and CUDA programs there cannot use it.' +
        (mixed
          ? ' Your other GPU runs in WDDM, but one report says a TCC GPU next to it can keep WSL from seeing any GPU (microsoft/WSL#13027).'
          : ''),
      evidence,
      fix: {
        kind: 'steps',
        label: 'Switch the GPU to WDDM',
        steps: [
          ...tcc.map(
            (gpu) =>
              `In PowerShell as administrator, run \`nvidia-smi -i ${gpu.index} -dm 0\` (0 = WDDM, 1 = TCC).`,
          ),
          'Restart Windows.',
          'Check in the distro: `/usr/lib/wsl/lib/nvidia-smi` lists the GPU. Some data-center GPUs cannot run in WDDM; nvidia-smi then refuses the change, and WSL cannot use that GPU.',
        ],
      },
      source: CUDA_ON_WSL_CONSTRAINTS,
    },
  ];
};

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
 * How long the distro's nvidia-smi alone took, as the capture measured it inside the distro (the batch script times
 * each probe). Undefined when it could not be timed alone: the duration of the whole batch includes the other probes
 * and, when the check started the VM, its boot, so it is no passthrough figure.
 */
export function distroSmiTiming(facts: CaptureFacts): { ms: number } | undefined {
  const durationMs = facts.distro?.gpu.durationMs;
  return durationMs === undefined ? undefined : { ms: durationMs };
}

/**
 * `passthrough-slow`: the distro's nvidia-smi, timed alone inside the distro, answered in the "very slow" band (2 s
 * and more, Headroom's rule of thumb). A warning: the GPU works. A boot of the VM is never counted (distroSmiTiming).
 */
export const passthroughSlow: Rule = ({ facts }) => {
  const gpu = facts.distro?.gpu;
  if (!gpu || gpu.timedOut || gpu.failure || !bannerOf(gpu) || distroIsWsl1(facts)) return [];
  const timing = distroSmiTiming(facts);
  if (!timing || latencyBand(timing.ms) !== 'very slow') return [];
  return [
    {
      id: 'passthrough-slow',
      severity: 'warning',
      category: 'runtime',
      title: `GPU passthrough very slow: nvidia-smi took ${seconds(timing.ms)} in WSL`,
      explanation:
        `nvidia-smi inside WSL, timed on its own, took ${seconds(timing.ms)} to answer. The GPU works, but Ollama, ` +
        'llama.cpp and PyTorch reach it through the same passthrough, so they may be slow to start too. The bands ' +
        `are ${LATENCY_BANDS_NOTE}.`,
      evidence: [{ probe: PROBES.distroSmi, excerpt: `answered in ${seconds(timing.ms)}` }],
      fix: {
        kind: 'shutdown-and-verify',
        label:
          'Restart WSL (`wsl --shutdown`) and time nvidia-smi again; if it stays slow, update the NVIDIA driver on Windows and WSL (`wsl --update`)',
      },
      source: WSL_CUDA_PERFORMANCE,
    },
  ];
};

function nonEmptyText(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
