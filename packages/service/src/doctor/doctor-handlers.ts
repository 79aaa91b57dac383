import type { DoctorFixPreview, DoctorReportPayload, HealthArea } from '@headroom/contract';
import {
  applyWslConfigFixes,
  decodeConfigBytes,
  diffLines,
  setWslConfigValues,
  unsetWslConfigKeys,
  WslConfigEditError,
  type DoctorReport,
  type Finding,
  type FindingFix,
} from '@headroom/core';
import { openJsonDocument, type JsonDocument, type WslConfigStore } from '@headroom/host';
import { toSetupFinding } from '../finding-view';
import type { HealthMonitor } from '../health/health-monitor';
import { ServiceError } from '../service-error';

/** What the Diagnostics page's channels need. */
export interface DoctorDeps {
  readonly health: HealthMonitor;
  /** The user's .wslconfig with its history: a fix is written through it, with a backup first. */
  readonly store: WslConfigStore;
  /** Where .wslconfig lives, shown above a fix's diff. */
  readonly wslconfigPath: string;
  /** The JSON file that keeps the muted findings' ids. */
  readonly mutedFile: string;
  /** Told after a fix wrote .wslconfig (the history changed). */
  readonly onWritten?: () => void;
}

/** The Diagnostics page's handlers. */
export interface DoctorHandlers {
  report(): Promise<DoctorReportPayload>;
  check(): Promise<DoctorReportPayload>;
  previewFix(findingId: string): Promise<DoctorFixPreview>;
  fix(findingId: string): Promise<{ message: string; report: DoctorReportPayload }>;
  mute(findingId: string, muted: boolean): Promise<DoctorReportPayload>;
}

/** A .wslconfig fix: one Headroom runs itself. */
type WslconfigFix = Extract<FindingFix, { kind: 'set-wslconfig' | 'unset-wslconfig' | 'edit-wslconfig' }>;

/** Whether a finding's fix is a .wslconfig edit Headroom can run. */
export function isWslconfigFix(fix: FindingFix): fix is WslconfigFix {
  return fix.kind === 'set-wslconfig' || fix.kind === 'unset-wslconfig' || fix.kind === 'edit-wslconfig';
}

/** The bytes of .wslconfig after a fix: only the lines the fix names change. */
export function fixedBytes(bytes: Uint8Array, fix: WslconfigFix): Uint8Array {
  return fix.kind === 'set-wslconfig'
    ? setWslConfigValues(bytes, fix.assignments)
    : fix.kind === 'unset-wslconfig'
      ? unsetWslConfigKeys(bytes, fix.keys)
      : applyWslConfigFixes(bytes, fix.fixes);
}

const AREA_BY_ID: Readonly<Record<string, HealthArea>> = {
  'driver-mismatch': 'updates',
  'driver-too-old': 'updates',
  'runtime-driver-too-old': 'updates',
  'kernel-too-old': 'updates',
  'memory-ceiling': 'memory',
  'autoreclaim-gradual': 'memory',
  'vram-headroom-low': 'memory',
};

/** The Overview card a finding belongs to: by its id where that says more, else by its category. */
export function areaOf(finding: Pick<Finding, 'id' | 'category'>): HealthArea {
  const byId = AREA_BY_ID[finding.id];
  if (byId) return byId;
  if (finding.id.startsWith('wslconfig-')) return 'wslconfig';
  switch (finding.category) {
    case 'configuration':
      return 'wslconfig';
    case 'wsl':
      return 'wsl';
    case 'gpu':
    case 'runtime':
      return 'gpu';
  }
}

/** Probe ids in words, for "what was not checked". */
const PROBE_WORDS: Readonly<Record<string, string>> = {
  'wsl-version': 'WSL’s version (wsl --version)',
  'wsl-list-verbose': 'the distributions (wsl --list --verbose)',
  'wsl-list-running': 'the running distributions',
  'wsl-status': 'wsl --status',
  'host-nvidia-smi': 'the GPU on Windows (nvidia-smi)',
  'host-nvidia-smi-query': 'the GPU’s memory on Windows',
  'distro-meminfo': 'the memory inside WSL',
  'distro-nproc': 'the processors inside WSL',
  'distro-uname': 'the WSL kernel',
  'distro-os-release': 'the distribution’s version',
  'distro-nvidia-smi': 'the GPU inside WSL (nvidia-smi)',
  'distro-nvidia-smi-query': 'the GPU’s memory inside WSL',
  'distro-libcuda': 'the CUDA library inside WSL',
  'distro-nvidia-packages': 'NVIDIA packages inside WSL',
  'distro-wsl-conf': '/etc/wsl.conf',
  'distro-mounts': 'the mounts inside WSL',
  'distro-model-dirs': 'the model folders inside WSL',
};

/** What was not checked, in words; the probes inside WSL say that the check does not start a stopped WSL. */
export function notCheckedWords(ids: readonly string[]): string[] {
  const inside = ids.filter((id) => id.startsWith('distro-'));
  const words = ids.filter((id) => !id.startsWith('distro-')).map((id) => PROBE_WORDS[id] ?? id);
  if (inside.length > 0)
    words.push(
      `Inside WSL (${inside.map((id) => PROBE_WORDS[id] ?? id).join(', ')}): WSL was not running, and the checks never start it.`,
    );
  return words;
}

interface MutedState {
  readonly muted: readonly string[];
}

function acceptMuted(value: unknown): MutedState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const muted = (value as { muted?: unknown }).muted;
  return Array.isArray(muted) && muted.every((id) => typeof id === 'string') ? { muted } : undefined;
}

/** Build the Diagnostics handlers over the health monitor (whose check is the doctor's) and the .wslconfig store. */
export function createDoctorHandlers(deps: DoctorDeps): DoctorHandlers {
  const mutedDocument: JsonDocument<MutedState> = openJsonDocument(deps.mutedFile, acceptMuted);

  const view = async (report: DoctorReport): Promise<DoctorReportPayload> => {
    const muted = new Set((await mutedDocument.read())?.muted ?? []);
    const light = deps.health.latest();
    return {
      health: report.health,
      checkedAt: light?.checkedAt ?? new Date().toISOString(),
      findings: report.findings.map((finding) => ({
        ...toSetupFinding(finding),
        area: areaOf(finding),
        muted: muted.has(finding.id),
        pendingRestart: finding.pendingRestart === true,
      })),
      notChecked: notCheckedWords(report.notChecked),
      changes: [...(light?.changes ?? [])],
    };
  };

  const check = async (): Promise<DoctorReportPayload> => {
    await deps.health.check();
    const report = deps.health.report();
    if (!report) throw new ServiceError('internal', 'The health check gave no report.');
    return view(report);
  };

  const current = (findingId: string): WslconfigFix => {
    const finding = deps.health.report()?.findings.find((candidate) => candidate.id === findingId);
    if (!finding)
      throw new ServiceError('invalid-request', 'Run the checks again first: that finding is not current.');
    if (!isWslconfigFix(finding.fix))
      throw new ServiceError(
        'unavailable',
        `Headroom cannot do "${finding.fix.label}" itself; follow the steps shown.`,
      );
    return finding.fix;
  };

  const edit = (bytes: Uint8Array, fix: WslconfigFix): Uint8Array => {
    try {
      return fixedBytes(bytes, fix);
    } catch (error) {
      if (error instanceof WslConfigEditError) throw new ServiceError('invalid-request', error.message);
      throw error;
    }
  };

  return {
    async report() {
      const report = deps.health.report();
      return report ? view(report) : check();
    },
    check,
    async previewFix(findingId) {
      const fix = current(findingId);
      const snapshot = await deps.store.read();
      const after = edit(snapshot.bytes, fix);
      return {
        findingId,
        label: fix.label,
        diff: diffLines(decodeConfigBytes(snapshot.bytes).text, decodeConfigBytes(after).text).map(
          ({ kind, text }) => ({ kind, text }),
        ),
        path: deps.wslconfigPath,
      };
    },
    async fix(findingId) {
      const fix = current(findingId);
      const snapshot = await deps.store.read();
      await deps.store.write(edit(snapshot.bytes, fix), {
        expectedHash: snapshot.hash,
        reason: `diagnostics: ${fix.label}`,
      });
      deps.onWritten?.();
      return {
        message: `Done: ${fix.label}. A backup of the old .wslconfig was kept. It applies at WSL's next start.`,
        report: await check(),
      };
    },
    async mute(findingId, muted) {
      const ids = new Set((await mutedDocument.read())?.muted ?? []);
      if (muted) ids.add(findingId);
      else ids.delete(findingId);
      await mutedDocument.write({ muted: [...ids].sort() });
      const report = deps.health.report();
      return report ? view(report) : check();
    },
  };
}
