import type { DoctorReport, Health } from '../doctor/diagnose';
import { LATENCY_VERY_SLOW_MS, latencyBand } from './passthrough-bands';

export { LATENCY_SLOW_MS } from './passthrough-bands';

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

/** Past this, passthrough is very slow (kept under its old name; the bands live in passthrough-bands.ts). */
export const LATENCY_FAILING_MS = LATENCY_VERY_SLOW_MS;

const RANK: Readonly<Record<Health, number>> = { grey: 0, green: 1, amber: 2, red: 3 };

/**
 * The health light from the last doctor report and the live passthrough latency: red for an error finding or a
 * hang; amber for a warning, a .wslconfig change waiting for WSL's restart, or a slow or very slow latency (the GPU
 * still answers; the words are the doctor's, from passthrough-bands.ts); green when the checks pass; grey when WSL is stopped (normal). The summary names the worst cause.
 */
export function healthOf(report: DoctorReport | undefined, latency?: LiveLatency): HealthState {
  let state: HealthState = report ? fromReport(report) : { health: 'grey', summary: 'Checking…' };
  if (latency) {
    const seconds = `${(latency.ms / 1000).toFixed(1)} s`;
    const band = latencyBand(latency.ms);
    const live: HealthState | undefined = !latency.ok
      ? { health: 'red', summary: 'GPU passthrough hangs: nvidia-smi inside WSL did not answer' }
      : band === 'healthy'
        ? undefined
        : { health: 'amber', summary: `GPU passthrough ${band}, ${seconds}` };
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
