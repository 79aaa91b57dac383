import { METRIC_IDS, type MetricsStatus } from '@headroom/contract';

/** The series that only exist while WSL runs: their last reading says nothing once WSL has stopped. */
const WSL_SERIES = [
  METRIC_IDS.wslMemUsed,
  METRIC_IDS.wslMemTotal,
  METRIC_IDS.wslSwapUsed,
  METRIC_IDS.wslLatency,
] as const;

/**
 * The dashboard's "now" figures: the newest reading of each series, except that WSL's are blank while the service
 * says WSL is stopped. A snapshot fetched on returning to the page can carry WSL's last values from before a shutdown
 * (no sample marks the stop when nobody watched), and a figure must never show a stopped VM's memory as current.
 */
export function nowFigures(
  latest: Readonly<Record<string, number | null>>,
  status: MetricsStatus | undefined,
): Readonly<Record<string, number | null>> {
  if (status?.wsl.state !== 'stopped') return latest;
  const figures: Record<string, number | null> = { ...latest };
  for (const id of WSL_SERIES) figures[id] = null;
  return figures;
}
