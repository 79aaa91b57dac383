import type { HealthSnapshot } from '@headroom/contract';
import {
  diagnose,
  healthOf,
  readCaptureFacts,
  STANDARD_RULES,
  timelineOf,
  baselineChanges,
  type Capture,
  type DoctorReport,
  type LiveLatency,
  type CaptureFacts,
  type TargetNeed,
  type VerifyBaseline,
  type TimelineEntry,
} from '@headroom/core';
import { nullLog, type Log } from '@headroom/host';

/** What the monitor needs: a collection that never starts WSL, and the live passthrough latency when sampled. */
export interface HealthMonitorDeps {
  /** Collect the standard probes without starting a stopped VM (the doctor's collection). */
  readonly collect: () => Promise<Capture>;
  /** The last timed nvidia-smi inside WSL, while the metrics sample it. */
  readonly latency?: () => LiveLatency | undefined;
  /** What the setup's saved goal needs on the checked machine: WSL's memory is judged against it. */
  readonly target?: (facts: CaptureFacts) => Promise<TargetNeed | undefined>;
  /** The last verified setup, to say what changed since (driver, WSL, kernel, GPU). */
  readonly baseline?: () => Promise<VerifyBaseline | undefined>;
  readonly clock?: () => Date;
  /** Where failures of the timed checks go; default none. */
  readonly log?: Log;
}

/** The light health check, run on demand and on a timer; tells its listeners when the light changes. */
export interface HealthMonitor {
  /** Run a check now (one at a time: a second call while one runs shares it). */
  check(): Promise<HealthSnapshot>;
  /** Settles once the check under way, if any, has ended, without starting one; never rejects. */
  settled(): Promise<void>;
  /** The last light, or undefined before the first check. */
  latest(): HealthSnapshot | undefined;
  /** Check every `intervalMs`; returns the stop function. */
  watch(intervalMs: number): () => void;
  /** The doctor's report of the last check, or undefined before the first check. */
  report(): DoctorReport | undefined;
  /** Listen to changes of colour or line; returns the function that stops listening. */
  onChange(listener: (snapshot: HealthSnapshot) => void): () => void;
  /** The Windows events of the last check that matter for the setup (updates, drivers, crashes), newest first. */
  timeline(): readonly TimelineEntry[];
  /** Listen to each check's timeline; returns the function that stops listening. */
  onTimeline(listener: (entries: readonly TimelineEntry[]) => void): () => void;
}

/**
 * The health monitor: the doctor's rules over a collection that never boots the VM, summed up with the live latency
 * into the light. Listeners hear only real changes (colour or line), not every check.
 */
export function createHealthMonitor(deps: HealthMonitorDeps): HealthMonitor {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? nullLog;
  const listeners = new Set<(snapshot: HealthSnapshot) => void>();
  let last: HealthSnapshot | undefined;
  let lastReport: DoctorReport | undefined;
  let lastTimeline: readonly TimelineEntry[] = [];
  const timelineListeners = new Set<(entries: readonly TimelineEntry[]) => void>();
  let running: Promise<HealthSnapshot> | undefined;

  const run = async (): Promise<HealthSnapshot> => {
    const facts = readCaptureFacts(await deps.collect());
    const target = await deps.target?.(facts).catch((error: unknown) => {
      log.warn("judging the setup's saved goal in the health check (judged without it)", error);
      return undefined;
    });
    const report = diagnose({ facts, ...(target ? { target } : {}) }, STANDARD_RULES);
    lastReport = report;
    lastTimeline = timelineOf(facts.events);
    timelineListeners.forEach((listener) => listener(lastTimeline));
    const { health, summary } = healthOf(report, deps.latency?.());
    const count = (severity: string): number =>
      report.findings.filter((finding) => finding.severity === severity).length;
    const baseline = await deps.baseline?.().catch((error: unknown) => {
      log.warn('reading the last verified baseline for the health check (compared with none)', error);
      return undefined;
    });
    const changes = baseline ? baselineChanges(baseline, facts).map((change) => change.text) : [];
    const snapshot: HealthSnapshot = {
      health,
      summary,
      checkedAt: clock().toISOString(),
      counts: { error: count('error'), warning: count('warning'), info: count('info') },
      changes,
      ...(report.notRead.length > 0
        ? { notRead: report.notRead.map(({ probe, reason }) => ({ probe, reason })) }
        : {}),
    };
    const changed =
      last?.health !== health ||
      last.summary !== summary ||
      last.changes.join('\n') !== changes.join('\n') ||
      JSON.stringify(last.notRead) !== JSON.stringify(snapshot.notRead);
    last = snapshot;
    if (changed) listeners.forEach((listener) => listener(snapshot));
    return snapshot;
  };

  const check = (): Promise<HealthSnapshot> => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    check,
    settled: async () => {
      // Its outcome is the caller's of check(), which reports a failure; here only its end matters.
      await Promise.allSettled(running ? [running] : []);
    },
    latest: () => last,
    report: () => lastReport,
    watch(intervalMs) {
      const timer = setInterval(() => {
        check().catch((error: unknown) => log.warn('running the timed health check', error));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    timeline: () => lastTimeline,
    onTimeline(listener) {
      timelineListeners.add(listener);
      return () => timelineListeners.delete(listener);
    },
  };
}
