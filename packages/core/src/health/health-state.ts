import type { DoctorReport, Health } from '../doctor/diagnose';

/** The last timed nvidia-smi inside WSL: how long it took and whether it answered. */
export interface LiveLatency {
  readonly ms: number;
  readonly ok: boolean;
}

/** The light and its one line, as the tray and the window's rail show them. */
export interface HealthState {
  readonly health: Health;
  readonly summary: string;
}

/** The light in one word each, as the tray, the window's rail and `headroom doctor` say it. */
export const HEALTH_WORDS: Readonly<Record<Health, string>> = {
  green: 'OK',
  amber: 'Needs attention',
  red: 'Broken',
  grey: 'WSL stopped',
};

/** Passthrough latency bands (docs/decisions.md "Passthrough latency bands": healthy under 0.5 s, failing past 2 s). */
export const LATENCY_SLOW_MS = 500;
/** Past this, passthrough is failing. */
export const LATENCY_FAILING_MS = 2_000;

const RANK: Readonly<Record<Health, number>> = { grey: 0, green: 1, amber: 2, red: 3 };

/**
 * The health light from the last doctor report and the live passthrough latency: red for an error finding, a hang
 * or a latency past 2 s; amber for a warning, a .wslconfig change waiting for WSL's restart, or a latency of
 * 0.5–2 s; green when the checks pass; grey when WSL is stopped (normal). The summary names the worst cause.
 */
export function healthOf(report: DoctorReport | undefined, latency?: LiveLatency): HealthState {
  let state: HealthState = report ? fromReport(report) : { health: 'grey', summary: 'Checking…' };
  if (latency) {
    const seconds = `${(latency.ms / 1000).toFixed(1)} s`;
    const live: HealthState | undefined = !latency.ok
      ? { health: 'red', summary: 'GPU passthrough hangs: nvidia-smi inside WSL did not answer' }
      : latency.ms >= LATENCY_FAILING_MS
        ? { health: 'red', summary: `GPU passthrough failing, ${seconds}` }
        : latency.ms >= LATENCY_SLOW_MS
          ? { health: 'amber', summary: `GPU passthrough slow, ${seconds}` }
          : undefined;
    if (live && RANK[live.health] > RANK[state.health]) state = live;
  }
  return state;
}

function fromReport(report: DoctorReport): HealthState {
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const broken = errors.find((finding) => finding.pendingRestart !== true);
  const pending = errors.find((finding) => finding.pendingRestart === true);
  const warning = report.findings.find((finding) => finding.severity === 'warning');
  switch (report.health) {
    case 'red':
      return { health: 'red', summary: broken?.title ?? 'Something is broken' };
    case 'amber':
      return {
        health: 'amber',
        summary: pending
          ? `Waiting for a WSL restart: ${pending.title}`
          : (warning?.title ??
            (report.notRead.length > 0
              ? `Could not check: ${report.notRead.map((item) => item.probe).join(', ')}`
              : 'Needs attention')),
      };
    case 'green':
      return { health: 'green', summary: 'OK' };
    case 'grey':
      return { health: 'grey', summary: 'WSL stopped (normal)' };
  }
}
