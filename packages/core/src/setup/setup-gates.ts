import type { CaptureFacts } from '../capture/capture-facts';
import type { DoctorReport } from '../doctor/diagnose';
import type { Finding } from '../doctor/finding';
import { bannerOf, hostGpus, hostWithoutNvidiaGpu, queryRowsOf, smiWorks } from '../doctor/rules/gpu-facts';

/** The four gates of the setup wizard's first step, in the order a user fixes them. */
export type SetupGateId = 'wsl' | 'distro' | 'host-gpu' | 'wsl-gpu';

/** One gate: whether it holds, a line from the evidence, and the doctor's findings that belong to it. */
export interface SetupGate {
  readonly id: SetupGateId;
  readonly title: string;
  /** `unknown`: the probes that would tell were not collected or did not parse. */
  readonly status: 'pass' | 'warn' | 'fail' | 'unknown';
  readonly summary: string;
  readonly findings: readonly Finding[];
}

/** The gates and the findings that belong to none (.wslconfig, memory, where models live). */
export interface SetupGates {
  readonly gates: readonly SetupGate[];
  readonly others: readonly Finding[];
  /** No gate failed. */
  readonly ready: boolean;
  /** Every failing gate is about the GPU: models can still run on the CPU. */
  readonly gpuOnly: boolean;
}

/** Which gate each finding belongs to; a finding not listed is about the configuration or the runtime. */
const GATE_OF: Readonly<Record<string, SetupGateId>> = {
  'wsl-not-installed': 'wsl',
  'kernel-too-old': 'wsl',
  'wsl1-distro': 'distro',
  'no-nvidia-gpu': 'host-gpu',
  'host-nvidia-smi-failed': 'host-gpu',
  'runtime-driver-too-old': 'host-gpu',
  'wsl-service-failed': 'wsl',
  'wsl-list-failed': 'wsl',
  'host-gpu-tcc': 'host-gpu',
  'driver-too-old': 'host-gpu',
  'gpu-passthrough-missing': 'wsl-gpu',
  'passthrough-hang': 'wsl-gpu',
  'passthrough-slow': 'wsl-gpu',
  'driver-mismatch': 'wsl-gpu',
  'cuda-version-error': 'wsl-gpu',
  'linux-driver-in-distro': 'wsl-gpu',
};

const TITLES: Readonly<Record<SetupGateId, string>> = {
  wsl: 'WSL is installed and current',
  distro: 'Your Linux distribution runs on WSL 2',
  'host-gpu': 'Windows sees an NVIDIA GPU',
  'wsl-gpu': 'Linux sees the GPU',
};

function wslSummary(facts: CaptureFacts): string | undefined {
  if (facts.wsl.installed === false) return 'wsl.exe was not found.';
  const version = facts.wsl.version;
  if (version?.ok !== true) return undefined;
  if (version.value.kind === 'inbox')
    return 'The WSL built into Windows, which is older than the Microsoft Store WSL.';
  return `WSL ${version.value.versions.wsl}, kernel ${version.value.versions.kernel}.`;
}

function defaultDistro(facts: CaptureFacts): { name: string; version: 1 | 2 } | undefined {
  const distros = facts.wsl.distros;
  if (distros?.ok !== true) return undefined;
  const distro = distros.value.find((candidate) => candidate.isDefault) ?? distros.value[0];
  return distro ? { name: distro.name, version: distro.version } : undefined;
}

function distroSummary(facts: CaptureFacts): string | undefined {
  const distro = defaultDistro(facts);
  if (facts.wsl.distros?.ok === true && !distro)
    return 'There is no Linux distribution yet: install one with wsl --install -d Ubuntu, then check again.';
  return distro ? `${distro.name} (default) on WSL ${distro.version}.` : undefined;
}

function hostGpuSummary(facts: CaptureFacts): string | undefined {
  const gpus = hostGpus(facts);
  if (gpus.length > 0) {
    return `${gpus
      .map((gpu) =>
        gpu.memoryTotalMiB === null
          ? gpu.name
          : `${gpu.name}, ${(gpu.memoryTotalMiB / 1024).toFixed(0)} GiB of VRAM`,
      )
      .join('; ')}.`;
  }
  if (facts.hostGpu.timedOut) return 'nvidia-smi on Windows did not answer.';
  // Only a missing nvidia-smi or one that found no device says "no GPU"; a failure or garbage is not a look.
  return hostWithoutNvidiaGpu(facts) ? 'nvidia-smi on Windows found no NVIDIA GPU.' : undefined;
}

function wslGpuSummary(facts: CaptureFacts): string | undefined {
  const gpu = facts.distro?.gpu;
  if (!gpu?.collected) return undefined;
  if (gpu.timedOut) return 'nvidia-smi inside WSL did not answer.';
  if (!smiWorks(gpu)) return 'nvidia-smi inside WSL failed.';
  const name = queryRowsOf(gpu)?.[0]?.name ?? bannerOf(gpu)?.gpus[0]?.name ?? 'the GPU';
  const seconds = gpu.durationMs === undefined ? '' : ` in ${(gpu.durationMs / 1000).toFixed(1)} s`;
  return `nvidia-smi inside WSL answered${seconds} and sees ${name}.`;
}

function statusOf(findings: readonly Finding[], known: boolean): SetupGate['status'] {
  if (findings.some((finding) => finding.severity === 'error')) return 'fail';
  if (findings.some((finding) => finding.severity === 'warning')) return 'warn';
  return known ? 'pass' : 'unknown';
}

/**
 * Sort a doctor report into the wizard's four gates, each with a summary read from the facts (the WSL and kernel
 * versions, the distro, the GPU and its VRAM, how fast nvidia-smi answered inside WSL). A gate fails on an error
 * finding, warns on a warning, and is unknown when nothing was collected that could show it holds.
 */
export function setupGates(facts: CaptureFacts, report: DoctorReport): SetupGates {
  const summaries: Readonly<Record<SetupGateId, string | undefined>> = {
    wsl: wslSummary(facts),
    distro: distroSummary(facts),
    'host-gpu': hostGpuSummary(facts),
    'wsl-gpu': wslGpuSummary(facts),
  };
  const gates = (Object.keys(TITLES) as SetupGateId[]).map((id): SetupGate => {
    const findings = report.findings.filter((finding) => GATE_OF[finding.id] === id);
    const summary = summaries[id];
    const noDistro =
      id === 'distro' && facts.wsl.distros?.ok === true && facts.wsl.distros.value.length === 0;
    const status = noDistro ? 'fail' : statusOf(findings, summary !== undefined);
    return {
      id,
      title: TITLES[id],
      status,
      summary:
        (status === 'fail' || status === 'warn') && !noDistro
          ? (findings[0]?.title ?? summary ?? '')
          : (summary ?? 'Not checked: Headroom could not read this.'),
      findings,
    };
  });
  const failing = gates.filter((gate) => gate.status === 'fail');
  return {
    gates,
    others: report.findings.filter((finding) => GATE_OF[finding.id] === undefined),
    ready: failing.length === 0,
    gpuOnly: failing.length > 0 && failing.every((gate) => gate.id === 'host-gpu' || gate.id === 'wsl-gpu'),
  };
}

/** MemTotal inside the VM in bytes, when the distro's /proc/meminfo was read: what WSL gave the VM. */
export function wslMemTotalBytes(facts: CaptureFacts): number | undefined {
  const meminfo = facts.distro?.meminfo;
  return meminfo?.ok === true ? meminfo.value.memTotalKiB * 1024 : undefined;
}

/** A host GPU with its VRAM, for sizing: what nvidia-smi on Windows reported (free = total − used). */
export interface SetupGpu {
  readonly name: string;
  readonly vramTotalMiB: number;
  readonly vramFreeMiB: number;
}

/** The host's NVIDIA GPUs whose VRAM nvidia-smi reported; [] when it reported none. */
export function setupGpus(facts: CaptureFacts): SetupGpu[] {
  return hostGpus(facts).flatMap((gpu) =>
    gpu.memoryTotalMiB === null
      ? []
      : [
          {
            name: gpu.name,
            vramTotalMiB: gpu.memoryTotalMiB,
            vramFreeMiB: Math.max(0, gpu.memoryTotalMiB - (gpu.memoryUsedMiB ?? 0)),
          },
        ],
  );
}
