import type { CaptureFacts } from '../capture/capture-facts';
import { compareVersions } from '../wsl/version';
import { verifyBaseline, type VerifyBaseline } from './verify-checks';

/** One thing that differs from the last verified setup, in words: `driver 552.12 → 560.94`. */
export interface BaselineChange {
  readonly what: 'driver' | 'wsl' | 'kernel' | 'gpu';
  readonly from: string;
  readonly to: string;
  /** The new version is lower than the verified one (a rollback, or an older kernel shipped by an update). */
  readonly older: boolean;
  readonly text: string;
}

/** The leading dotted number of a version (`5.15.167.4-microsoft-standard-WSL2` → `5.15.167.4`). */
function numericPart(version: string): string {
  return /^\d+(?:\.\d+)*/.exec(version.trim())?.[0] ?? version.trim();
}

const NAMES: Readonly<Record<BaselineChange['what'], string>> = {
  driver: 'driver',
  wsl: 'WSL',
  kernel: 'kernel',
  gpu: 'GPU',
};

/**
 * What changed since the last verified setup: the host's NVIDIA driver, the WSL version, the WSL kernel (from the
 * distro when it ran, else from `wsl --version`) and the GPU. Only what both sides know is compared, so a check that
 * did not start WSL never reports a kernel change it cannot see.
 */
export function baselineChanges(baseline: VerifyBaseline, facts: CaptureFacts): BaselineChange[] {
  const now = verifyBaseline(facts, baseline.configHash, baseline.verifiedAt);
  const versionKernel =
    facts.wsl.version?.ok === true && facts.wsl.version.value.kind === 'store'
      ? facts.wsl.version.value.versions.kernel
      : null;
  const current: Readonly<Record<BaselineChange['what'], string | null>> = {
    driver: now.hostDriver,
    wsl: now.wslVersion,
    kernel: now.kernel ?? versionKernel,
    gpu: now.gpu,
  };
  const before: Readonly<Record<BaselineChange['what'], string | null>> = {
    driver: baseline.hostDriver,
    wsl: baseline.wslVersion,
    kernel: baseline.kernel,
    gpu: baseline.gpu,
  };
  const changes: BaselineChange[] = [];
  for (const what of ['driver', 'wsl', 'kernel', 'gpu'] as const) {
    const from = before[what];
    const to = current[what];
    if (from === null || to === null) continue;
    const versioned = what !== 'gpu';
    const [a, b] = versioned ? [numericPart(from), numericPart(to)] : [from, to];
    if (a === b) continue;
    const older = versioned && compareVersions(b, a) < 0;
    changes.push({
      what,
      from: a,
      to: b,
      older,
      text: `${NAMES[what]} ${a} → ${b}${older ? ' — older' : ''}`,
    });
  }
  return changes;
}
