import type { CaptureFacts } from '../capture/capture-facts';
import { hostSmiDriverVersion, hostWithoutNvidiaGpu, registryDriverVersion } from '../doctor/rules/gpu-facts';
import type { WslConfigCheck } from '../wslconfig/check';
import type { VmResources } from '../wslconfig/vm-resources';
import type { VerifyState } from './verify-machine';

/** One verification check: what was expected, what WSL showed, and whether they agree. */
export interface VerifyCheck {
  readonly id: 'vm-stopped' | 'memory' | 'processors' | 'swap' | 'config-warnings' | 'gpu' | 'driver-match';
  readonly ok: boolean;
  readonly expected: string;
  readonly observed: string;
  readonly message: string;
}

/** What a successful verification records, so later changes (driver, WSL, kernel) can be compared with it. */
export interface VerifyBaseline {
  readonly configHash: string;
  readonly hostDriver: string | null;
  readonly wslVersion: string | null;
  readonly kernel: string | null;
  readonly gpu: string | null;
  readonly verifiedAt: string;
}

/** MemTotal counts as the configured memory within 90–100.5 % of it: the guest kernel keeps some for itself. */
export const MEMORY_TOLERANCE = { low: 0.9, high: 1.005 } as const;

/** Whether an observed MemTotal shows the configured memory (see {@link MEMORY_TOLERANCE}). */
export function memoryMatches(observedBytes: number, expectedBytes: number): boolean {
  return (
    observedBytes >= expectedBytes * MEMORY_TOLERANCE.low &&
    observedBytes <= expectedBytes * MEMORY_TOLERANCE.high
  );
}

/** Whether an observed SwapTotal shows the configured swap (within 2 % or 64 MiB). */
export function swapMatches(observedBytes: number, expectedBytes: number): boolean {
  return Math.abs(observedBytes - expectedBytes) <= Math.max(64 * 2 ** 20, expectedBytes * 0.02);
}

const GiB = 2 ** 30;
const gib = (bytes: number): string => `${(bytes / GiB).toFixed(1)} GiB`;

function check(
  id: VerifyCheck['id'],
  ok: boolean,
  expected: string,
  observed: string,
  message: string,
): VerifyCheck {
  return { id, ok, expected, observed, message };
}

/**
 * Compare the freshly booted VM with what .wslconfig asks for: memory (with the stated tolerance), processors, swap,
 * the warnings WSL printed at boot (and the lines it ignores), the GPU inside WSL and the driver versions.
 */
export function verifyChecks(input: {
  readonly machine: VerifyState;
  readonly facts: CaptureFacts;
  readonly expected: VmResources;
  readonly wslconfig: WslConfigCheck | undefined;
}): VerifyCheck[] {
  const { machine, facts, expected, wslconfig } = input;
  const mem = facts.distro?.meminfo?.ok ? facts.distro.meminfo.value : undefined;
  const nproc = facts.distro?.nproc?.ok ? facts.distro.nproc.value : undefined;
  const checks: VerifyCheck[] = [
    check(
      'vm-stopped',
      machine.sawStopped,
      'no distro running after wsl --shutdown',
      machine.sawStopped ? 'stopped' : 'still running',
      machine.sawStopped ? 'WSL stopped completely, so the next start read .wslconfig.' : 'WSL did not stop.',
    ),
  ];

  const memTotal = mem ? mem.memTotalKiB * 1024 : undefined;
  const memoryOk =
    memTotal !== undefined &&
    memTotal >= expected.memoryBytes * MEMORY_TOLERANCE.low &&
    memTotal <= expected.memoryBytes * MEMORY_TOLERANCE.high;
  checks.push(
    check(
      'memory',
      memoryOk,
      gib(expected.memoryBytes),
      memTotal === undefined ? 'unknown' : gib(memTotal),
      memoryOk
        ? "WSL has the memory .wslconfig gives it (MemTotal within 90–100.5 % of it, Headroom's rule of thumb: the kernel keeps some)."
        : "WSL does not have the memory .wslconfig gives it (MemTotal outside 90–100.5 % of it, Headroom's rule of thumb).",
    ),
  );
  const processorsOk = nproc === expected.processors;
  checks.push(
    check(
      'processors',
      processorsOk,
      String(expected.processors),
      nproc === undefined ? 'unknown' : String(nproc),
      processorsOk
        ? 'WSL has the processors .wslconfig gives it.'
        : 'WSL does not have the processors .wslconfig gives it.',
    ),
  );
  const swap = mem ? mem.swapTotalKiB * 1024 : undefined;
  const swapOk =
    swap !== undefined &&
    Math.abs(swap - expected.swapBytes) <= Math.max(64 * 2 ** 20, expected.swapBytes * 0.02);
  checks.push(
    check(
      'swap',
      swapOk,
      gib(expected.swapBytes),
      swap === undefined ? 'unknown' : gib(swap),
      swapOk ? 'Swap is as .wslconfig says.' : 'Swap differs from .wslconfig.',
    ),
  );

  const ignored = wslconfig?.problems.filter((problem) => problem.ignoredByWsl) ?? [];
  const warnings = facts.wsl.bootWarnings;
  const configOk = warnings.length === 0 && ignored.length === 0;
  checks.push(
    check(
      'config-warnings',
      configOk,
      'no warnings',
      configOk ? 'none' : [...warnings, ...ignored.map((p) => `line ${p.line}: ${p.code}`)].join('; '),
      configOk
        ? 'WSL read every line of .wslconfig.'
        : ignored.map((p) => p.message).join(' ') || `WSL warned at boot: ${warnings.join(' ')}`,
    ),
  );

  const hostRows = facts.hostGpu.query?.ok ? facts.hostGpu.query.value : [];
  const noHostGpu = hostWithoutNvidiaGpu(facts) !== undefined;
  const hostDriver =
    hostRows[0]?.driverVersion ??
    hostSmiDriverVersion(facts)?.version ??
    registryDriverVersion(facts)?.version ??
    null;
  const banner = facts.distro?.gpu.banner?.ok ? facts.distro.gpu.banner.value : undefined;
  if (hostRows.length === 0 && noHostGpu) {
    checks.push(
      check('gpu', true, 'no NVIDIA GPU on the host', 'none', 'There is no NVIDIA GPU to pass through.'),
    );
  } else if (hostRows.length === 0) {
    // nvidia-smi on Windows failed, hung or printed what Headroom cannot read: the check was not made.
    const why = facts.hostGpu.timedOut
      ? 'nvidia-smi on Windows did not answer'
      : (nonEmpty(facts.hostGpu.failure?.message) ??
        (facts.hostGpu.collected ? 'nvidia-smi on Windows gave no GPU Headroom could read' : 'not read'));
    checks.push(
      check(
        'gpu',
        false,
        'the host GPU, read by nvidia-smi on Windows',
        why,
        `Headroom could not read the GPU on Windows (${why}), so it could not check that WSL sees it.`,
      ),
    );
  } else {
    const seen = banner !== undefined && banner.gpus.length > 0 && !facts.distro?.gpu.failure;
    checks.push(
      check(
        'gpu',
        seen,
        `${hostRows.length} GPU(s) visible in WSL`,
        seen
          ? `${banner.gpus.length} GPU(s)`
          : facts.distro?.gpu.timedOut
            ? 'nvidia-smi did not answer'
            : (nonEmpty(facts.distro?.gpu.failure?.message) ?? 'none'),
        seen ? 'WSL sees the GPU.' : 'WSL does not see the GPU.',
      ),
    );
  }
  const distroDriver = banner?.driverVersion ?? null;
  const driverOk = hostDriver === null ? noHostGpu : distroDriver === hostDriver;
  checks.push(
    check(
      'driver-match',
      driverOk,
      hostDriver ?? (noHostGpu ? 'no host driver' : 'unknown'),
      distroDriver ?? 'unknown',
      driverOk
        ? hostDriver === null
          ? 'There is no NVIDIA driver on Windows to compare.'
          : 'WSL uses the Windows driver.'
        : hostDriver === null
          ? 'Headroom could not read the Windows driver, so it could not compare it with the one WSL reports.'
          : 'The driver WSL reports differs from the Windows driver.',
    ),
  );
  return checks;
}

/** The baseline of a successful verification. */
export function verifyBaseline(facts: CaptureFacts, configHash: string, verifiedAt: string): VerifyBaseline {
  const version =
    facts.wsl.version?.ok && facts.wsl.version.value.kind === 'store'
      ? facts.wsl.version.value.versions
      : undefined;
  const host = facts.hostGpu.query?.ok ? facts.hostGpu.query.value[0] : undefined;
  const kernel = facts.distro?.kernel?.ok ? facts.distro.kernel.value.release : null;
  return {
    configHash,
    hostDriver: host?.driverVersion ?? null,
    wslVersion: version?.wsl ?? null,
    kernel,
    gpu: host?.name ?? null,
    verifiedAt,
  };
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
