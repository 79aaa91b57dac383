/**
 * What the GPU rules read from a capture's facts, in one place: the host's and the distro's driver versions, whether
 * the host has an NVIDIA GPU at all, and why GPU passthrough does not work, when it does not.
 */
import type { CaptureFacts, NvidiaSmiFacts } from '../../capture/capture-facts';
import type { LibcudaFacts } from '../../distro/libcuda';
import type { NvidiaPackage, NvidiaPackages } from '../../distro/nvidia-packages';
import type { KernelRelease } from '../../distro/uname';
import type { GpuQueryRow, NvidiaSmiBanner, NvidiaSmiFailure, NvidiaSmiFailureKind } from '../../nvidia';
import type { Evidence } from '../finding';
import { NVIDIA_DRIVER_DOWNLOAD } from './sources';

/** The probe ids the GPU rules cite. */
export const PROBES = {
  hostSmi: 'host-nvidia-smi',
  hostQuery: 'host-nvidia-smi-query',
  distroSmi: 'distro-nvidia-smi',
  distroQuery: 'distro-nvidia-smi-query',
  libcuda: 'distro-libcuda',
  packages: 'distro-nvidia-packages',
  uname: 'distro-uname',
  wslVersion: 'wsl-version',
  displayDriver: 'reg-display-driver',
  wslconfig: '.wslconfig',
  wslConf: 'distro-wsl-conf',
} as const;

/** A driver version and where it was read. */
export interface VersionSighting {
  readonly version: string;
  readonly evidence: Evidence;
}

/** The banner when nvidia-smi printed one that parsed. */
export function bannerOf(gpu: NvidiaSmiFacts): NvidiaSmiBanner | undefined {
  return gpu.banner?.ok === true ? gpu.banner.value : undefined;
}

/** The query rows when the query parsed. */
export function queryRowsOf(gpu: NvidiaSmiFacts): readonly GpuQueryRow[] | undefined {
  return gpu.query?.ok === true ? gpu.query.value : undefined;
}

function versionLabel(banner: NvidiaSmiBanner): string {
  return banner.labels === 'kmd-version' ? 'KMD Version' : 'Driver Version';
}

/** The driver version an nvidia-smi reported: its query's `driver_version` first, then its banner. */
function smiDriverVersion(
  gpu: NvidiaSmiFacts,
  probes: { readonly plain: string; readonly query: string },
  preferBanner: boolean,
): VersionSighting | undefined {
  const fromQuery = (): VersionSighting | undefined => {
    const version = queryRowsOf(gpu)?.find((row) => row.driverVersion !== null)?.driverVersion ?? null;
    return version === null
      ? undefined
      : { version, evidence: { probe: probes.query, excerpt: `driver_version ${version}` } };
  };
  const fromBanner = (): VersionSighting | undefined => {
    const banner = bannerOf(gpu);
    const version = banner?.driverVersion ?? null;
    return banner === undefined || version === null
      ? undefined
      : { version, evidence: { probe: probes.plain, excerpt: `${versionLabel(banner)}: ${version}` } };
  };
  return preferBanner ? (fromBanner() ?? fromQuery()) : (fromQuery() ?? fromBanner());
}

/** The Windows driver as the host's nvidia-smi reports it (query, then banner). */
export function hostSmiDriverVersion(facts: CaptureFacts): VersionSighting | undefined {
  return smiDriverVersion(facts.hostGpu, { plain: PROBES.hostSmi, query: PROBES.hostQuery }, false);
}

/** The Windows driver as the registry's NVIDIA display adapter gives it (e.g. `32.0.15.6094` = 560.94). */
export function registryDriverVersion(facts: CaptureFacts): VersionSighting | undefined {
  const drivers = facts.windows.displayDrivers;
  const nvidia = drivers?.ok === true ? drivers.value.nvidia : undefined;
  const version = nvidia?.nvidiaVersion;
  if (nvidia === undefined || version === undefined) return undefined;
  return {
    version,
    evidence: {
      probe: PROBES.displayDriver,
      excerpt: `${nvidia.description ?? 'NVIDIA adapter'}: DriverVersion ${nvidia.driverVersion ?? '?'} (${version})`,
    },
  };
}

/**
 * The Windows driver as the distro's nvidia-smi reports it: the banner's `Driver Version` (inside WSL the Windows
 * driver, never the `NVIDIA-SMI` number, which is the Linux user-mode build), then the distro query.
 */
export function distroDriverVersion(facts: CaptureFacts): VersionSighting | undefined {
  const gpu = facts.distro?.gpu;
  if (gpu === undefined) return undefined;
  return smiDriverVersion(gpu, { plain: PROBES.distroSmi, query: PROBES.distroQuery }, true);
}

/** The host GPUs nvidia-smi lists, from the query (preferred) or the banner, with their memory and driver model. */
export interface HostGpu {
  readonly index: number;
  readonly name: string;
  readonly driverModel: string | null;
  readonly memoryUsedMiB: number | null;
  readonly memoryTotalMiB: number | null;
  readonly probe: string;
}

/** Every host GPU with what is known about it; [] when nvidia-smi failed or was not collected. */
export function hostGpus(facts: CaptureFacts): readonly HostGpu[] {
  const rows = queryRowsOf(facts.hostGpu);
  const banner = bannerOf(facts.hostGpu);
  if (rows && rows.length > 0) {
    return rows.map((row) => {
      const fromBanner = banner?.gpus.find((gpu) => gpu.index === row.index);
      return {
        index: row.index,
        name: row.name === '' ? (fromBanner?.name ?? '') : row.name,
        driverModel: row.driverModel ?? fromBanner?.driverModel ?? null,
        memoryUsedMiB: row.memoryUsedMiB,
        memoryTotalMiB: row.memoryTotalMiB,
        probe: PROBES.hostQuery,
      };
    });
  }
  return (banner?.gpus ?? []).map((gpu) => ({
    index: gpu.index,
    name: gpu.name,
    driverModel: gpu.driverModel,
    memoryUsedMiB: gpu.memoryUsedMiB,
    memoryTotalMiB: gpu.memoryTotalMiB,
    probe: PROBES.hostSmi,
  }));
}

/** nvidia-smi answered with a table or a query that parsed. */
export function smiWorks(gpu: NvidiaSmiFacts): boolean {
  return gpu.failure === undefined && (bannerOf(gpu) !== undefined || queryRowsOf(gpu) !== undefined);
}

const NO_GPU_KINDS: ReadonlySet<NvidiaSmiFailureKind> = new Set(['command-not-found', 'no-devices']);

/**
 * Why the host has no NVIDIA GPU to pass through, as evidence; undefined when it has one or the capture cannot
 * tell. The host's nvidia-smi missing (no NVIDIA driver) or finding no devices says so, and so does a display
 * adapter list without an NVIDIA adapter; an NVIDIA adapter in the registry, or a working nvidia-smi in the distro,
 * overrules a missing nvidia-smi on the host.
 */
export function hostWithoutNvidiaGpu(facts: CaptureFacts): readonly Evidence[] | undefined {
  if (smiWorks(facts.hostGpu) || (facts.distro !== undefined && smiWorks(facts.distro.gpu))) return undefined;
  const drivers = facts.windows.displayDrivers;
  const adapters = drivers?.ok === true ? drivers.value : undefined;
  if (adapters?.nvidia !== undefined) return undefined;
  const evidence: Evidence[] = [];
  const failure = facts.hostGpu.failure;
  if (failure && NO_GPU_KINDS.has(failure.kind)) {
    evidence.push({ probe: PROBES.hostSmi, excerpt: failure.message || failure.kind });
  }
  if (adapters) {
    const names = adapters.adapters.map((adapter) => adapter.description ?? adapter.index);
    evidence.push({
      probe: PROBES.displayDriver,
      excerpt:
        names.length === 0 ? 'no display adapter' : `no NVIDIA display adapter (found: ${names.join(', ')})`,
    });
  }
  return evidence.length === 0 ? undefined : evidence;
}

/** Why the distro cannot use the GPU, when it cannot; see passthroughProblem. */
export interface PassthroughProblem {
  /** What the capture shows, most telling first. */
  readonly cause:
    | 'gpu-support-off'
    | 'safe-mode'
    | 'wsl-conf-gpu-off'
    | 'blocked'
    | 'smi-missing'
    | 'libcuda-missing'
    | 'no-devices'
    | 'smi-failed'
    | 'no-gpu-listed';
  readonly evidence: readonly Evidence[];
  /** The failure of the distro's nvidia-smi, when it failed. */
  readonly failure?: NvidiaSmiFailure;
  /** The .wslconfig line that turns the GPU off, when one does. */
  readonly wslconfigKey?: 'wsl2.gpuSupport' | 'wsl2.safeMode';
}

/** The .wslconfig settings that take the GPU away from WSL, most telling first. */
const GPU_OFF_SETTINGS = [
  { key: 'wsl2.gpuSupport', value: false, cause: 'gpu-support-off', excerpt: 'gpuSupport=false' },
  { key: 'wsl2.safeMode', value: true, cause: 'safe-mode', excerpt: 'safeMode=true' },
] as const;

/** A .wslconfig setting that takes the GPU away from WSL, with its line. */
function wslconfigGpuOff(facts: CaptureFacts): PassthroughProblem | undefined {
  const applied = facts.wslconfig?.applied ?? [];
  for (const off of GPU_OFF_SETTINGS) {
    const setting = applied.find((candidate) => candidate.key === off.key && candidate.value === off.value);
    if (setting) {
      return {
        cause: off.cause,
        wslconfigKey: off.key,
        evidence: [{ probe: PROBES.wslconfig, excerpt: off.excerpt, line: setting.line }],
      };
    }
  }
  return undefined;
}

const FAILURE_CAUSES: Readonly<Record<NvidiaSmiFailureKind, PassthroughProblem['cause']>> = {
  'gpu-access-blocked': 'blocked',
  'command-not-found': 'smi-missing',
  'no-devices': 'no-devices',
  'couldnt-communicate': 'smi-failed',
  'nvml-missing': 'smi-failed',
  'driver-library-mismatch': 'smi-failed',
  crashed: 'smi-failed',
  unknown: 'smi-failed',
};

/** The distro is WSL 1 (its kernel is the fake `4.4.0-NNNNN-Microsoft`): no GPU there, a WSL rule's business. */
export function distroIsWsl1(facts: CaptureFacts): boolean {
  const kernel = facts.distro?.kernel;
  return kernel?.ok === true && kernel.value.wsl1;
}

/** The distro's kernel release, when `uname -r` was read. */
export function distroKernel(facts: CaptureFacts): KernelRelease | undefined {
  const kernel = facts.distro?.kernel;
  return kernel?.ok === true ? kernel.value : undefined;
}

/**
 * Why GPU passthrough does not work, or undefined when nothing shows it broken. A .wslconfig that turns the GPU off
 * counts without distro facts; everything else needs them (the VM ran): the distro's nvidia-smi failing (but not
 * hanging: that is passthrough-hang), WSL's libcuda.so.1 absent from /usr/lib/wsl/lib, or a complete table that
 * lists no GPU. Never reported for a WSL 1 distro, nor when the host has no NVIDIA GPU.
 */
export function passthroughProblem(facts: CaptureFacts): PassthroughProblem | undefined {
  if (hostWithoutNvidiaGpu(facts) !== undefined) return undefined;
  const distro = facts.distro;
  const fromConfig = wslconfigGpuOff(facts);
  const distroEvidence: Evidence[] = [];
  let cause: PassthroughProblem['cause'] | undefined;
  let failure: NvidiaSmiFailure | undefined;
  if (distro && !distroIsWsl1(facts)) {
    const gpu = distro.gpu;
    if (gpu.failure && !gpu.timedOut) {
      failure = gpu.failure;
      cause = FAILURE_CAUSES[gpu.failure.kind];
      distroEvidence.push({
        probe: PROBES.distroSmi,
        excerpt:
          gpu.failure.kind === 'command-not-found'
            ? `/usr/lib/wsl/lib/nvidia-smi: not found (${gpu.failure.message})`
            : gpu.failure.message || `exit code ${String(gpu.failure.exitCode)}`,
      });
    }
    const libcuda = distroLibcuda(facts);
    if (libcuda && !libcuda.wslLibcudaPresent) {
      cause ??= 'libcuda-missing';
      distroEvidence.push({ probe: PROBES.libcuda, excerpt: 'no /usr/lib/wsl/lib/libcuda.so.1' });
    }
    const banner = bannerOf(gpu);
    if (cause === undefined && banner?.complete === true && banner.gpus.length === 0) {
      cause = 'no-gpu-listed';
      distroEvidence.push({ probe: PROBES.distroSmi, excerpt: 'the table lists no GPU' });
    }
  }
  if (fromConfig) return { ...fromConfig, evidence: [...fromConfig.evidence, ...distroEvidence] };
  const wslConfOff = wslConfGpuOff(facts);
  if (wslConfOff) return { cause: 'wsl-conf-gpu-off', evidence: [wslConfOff, ...distroEvidence] };
  if (cause === undefined) return undefined;
  return { cause, evidence: distroEvidence, ...(failure ? { failure } : {}) };
}

/**
 * The distro's /etc/wsl.conf turns the GPU off (`[gpu] enabled=false`): WSL's init then does not mount the GPU
 * libraries (microsoft/WSL `src/linux/init/config.cpp`). WSL's booleans are true/false in any case, 1 and 0.
 */
export function wslConfGpuOff(facts: CaptureFacts): Evidence | undefined {
  const wslConf = facts.distro?.wslConf;
  if (wslConf?.ok !== true) return undefined;
  const entry = wslConf.value.entries.find((candidate) => candidate.key.toLowerCase() === 'gpu.enabled');
  if (!entry || !['false', '0'].includes(entry.value.toLowerCase())) return undefined;
  return { probe: PROBES.wslConf, excerpt: `[gpu] enabled=${entry.value}`, line: entry.line };
}

/** The distro's NVIDIA packages, when the probe was read. */
export function distroPackages(facts: CaptureFacts): NvidiaPackages | undefined {
  const packages = facts.distro?.nvidiaPackages;
  return packages?.ok === true ? packages.value : undefined;
}

/** The packages of a Linux NVIDIA driver installed in the distro; [] when none or not collected. */
export function linuxDriverPackages(facts: CaptureFacts): readonly NvidiaPackage[] {
  return distroPackages(facts)?.linuxDriverPackages ?? [];
}

/** Where libcuda comes from in the distro, when the probe was read. */
export function distroLibcuda(facts: CaptureFacts): LibcudaFacts | undefined {
  const libcuda = facts.distro?.libcuda;
  return libcuda?.ok === true ? libcuda.value : undefined;
}

/** The loader resolves libcuda.so.1 outside /usr/lib/wsl/lib: a Linux driver's libcuda shadows WSL's. */
export function libcudaShadowed(facts: CaptureFacts): boolean {
  const libcuda = distroLibcuda(facts);
  return libcuda?.resolvedPath !== undefined && !libcuda.resolvesToWsl;
}

/** Steps that bring the Windows driver's files back into WSL: update the driver and WSL, then restart WSL. */
export const RESTORE_WSL_DRIVER_STEPS: readonly string[] = [
  `Install the current NVIDIA driver for your GPU on Windows (${NVIDIA_DRIVER_DOWNLOAD}). It is the only NVIDIA driver WSL needs.`,
  'In PowerShell, run `wsl --update`.',
  'In PowerShell, run `wsl --shutdown`, then open your distro again.',
  'Check in the distro: `/usr/lib/wsl/lib/nvidia-smi` lists your GPU.',
];
