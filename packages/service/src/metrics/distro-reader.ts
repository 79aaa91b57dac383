import type { MetricsStatus } from '@headroom/contract';
import { createDistroSampleParser, distroSamplerCommand } from '@headroom/core';
import { STALE_MS } from './gpu-source';
import { describeExit, restartingStream, type StreamContext } from './restarting-stream';

/** WSL's memory from /proc/meminfo, in KiB. */
export interface WslMemory {
  readonly totalKiB: number;
  readonly availableKiB: number;
  readonly swapTotalKiB: number;
  readonly swapFreeKiB: number;
}

/** The last timed nvidia-smi inside WSL. */
export type LatencyReading = NonNullable<MetricsStatus['latency']>;

/** What the in-distro reader read last. */
export interface DistroLatest {
  /** WSL's memory, while recent (within {@link STALE_MS}). */
  readonly memory: WslMemory | undefined;
  /** The last timed nvidia-smi, however old: a new measurement is a new object. */
  readonly latency: LatencyReading | undefined;
}

/** What the reader tells its owner as it happens. */
export interface DistroReaderEvents {
  /** nvidia-smi inside WSL hung or failed: a marker's label for the time axis. */
  readonly onPassthroughFailure: (label: string) => void;
  /** The reader ended by itself after reading (WSL stopped, or the distro went idle); not told for an early exit. */
  readonly onEnded: () => void;
}

/** The in-distro reader: one long-lived program inside a running distro printing /proc/meminfo and timing nvidia-smi. */
export interface DistroReader {
  /**
   * Read `distro` (ending the reading of another). Nothing happens while it is read already, for a minute after
   * the reader left it idle, or while it backs off after the reader ended there before its first reading.
   */
  start(distro: string): void;
  /** Stop reading; the status says WSL is stopped. */
  stop(): void;
  latest(now: number): DistroLatest;
  /** The distro being read, or undefined. */
  readonly distro: string | undefined;
  /** The reader has read the distro at least once since it started (memory, a timing, or idle): WSL is up. */
  readonly healthy: boolean;
  readonly status: MetricsStatus['wsl'];
}

/**
 * After the reader left an idle distro, reading it again waits this long: WSL stops an idle distro after 15 s
 * (instanceIdleTimeout), so one still running a minute later is kept up by something else, not by Headroom.
 */
export const IDLE_RETRY_MS = 60_000;

/**
 * After the reader ended before its first reading (a distro without `sh`, a failing wsl.exe), reading that distro
 * again waits this long, growing with each such end: a minute, then 2, 5 and 10 minutes.
 */
export const EARLY_EXIT_BACKOFF_MS: readonly number[] = [60_000, 120_000, 300_000, 600_000];

/** The words for a timed nvidia-smi inside `distro`. */
function latencyMessage(distro: string, ms: number, exitCode: number): string {
  if (exitCode === 0) return `nvidia-smi inside ${distro} answered in ${(ms / 1000).toFixed(2)} s.`;
  return exitCode === 124
    ? `nvidia-smi inside ${distro} did not answer within 10 s: GPU passthrough hangs.`
    : `nvidia-smi inside ${distro} failed (exit code ${exitCode}).`;
}

/**
 * The in-distro reader over a stream context. It is never restarted when it ends: it ends when WSL stops or the
 * distro goes idle, and reading again without a new start would keep the VM up.
 */
export function createDistroReader(context: StreamContext, events: DistroReaderEvents): DistroReader {
  let status: MetricsStatus['wsl'] = { state: 'stopped' };
  let stream: { stop(): void } | undefined;
  let reading: string | undefined;
  let memory: { time: number; value: WslMemory } | undefined;
  let latency: LatencyReading | undefined;
  /** A distro the reader left because nothing else ran there is not read again before this time. */
  let idle: { distro: string; until: number } | undefined;
  /** Distros whose reader ended before its first reading: how often in a row, and when to try again. */
  const backoff = new Map<string, { exits: number; until: number }>();
  let healthy = false;

  const end = (): void => {
    stream?.stop();
    stream = undefined;
    reading = undefined;
    memory = undefined;
    healthy = false;
  };

  const read = (distro: string): void => {
    reading = distro;
    status = { state: 'starting', distro };
    stream = restartingStream(
      context,
      `the reader inside ${distro}`,
      () => {
        const parser = createDistroSampleParser();
        return {
          argv: ['wsl.exe', '-d', distro, ...distroSamplerCommand()],
          onText: (text) => {
            for (const sample of parser.push(text)) {
              const now = context.clock();
              // Any reading (memory, a timed nvidia-smi, or idle) shows the reader runs there.
              healthy = true;
              backoff.delete(distro);
              if (sample.kind === 'meminfo') {
                const { memTotalKiB, memAvailableKiB, swapTotalKiB, swapFreeKiB } = sample.meminfo;
                memory = {
                  time: now,
                  value: { totalKiB: memTotalKiB, availableKiB: memAvailableKiB, swapTotalKiB, swapFreeKiB },
                };
                status = { state: 'running', distro };
              } else if (sample.kind === 'latency') {
                const ok = sample.exitCode === 0;
                latency = {
                  time: now,
                  ms: sample.ms,
                  ok,
                  message: latencyMessage(distro, sample.ms, sample.exitCode),
                };
                if (!ok)
                  events.onPassthroughFailure(
                    sample.exitCode === 124 ? 'nvidia-smi hung' : 'nvidia-smi failed',
                  );
              } else {
                idle = { distro, until: now + IDLE_RETRY_MS };
                status = {
                  state: 'idle',
                  distro,
                  message: `Nothing else runs in ${distro}, so Headroom stopped reading it and lets WSL stop it.`,
                };
              }
            }
          },
        };
      },
      (code, stderr) => {
        const early = !healthy;
        stream = undefined;
        end();
        if (early) {
          // It never read: the distro cannot run the reader (no sh), or wsl.exe failed. Looking at WSL again at once
          // would start it again at once; the owner's regular look retries after the backoff.
          const exits = (backoff.get(distro)?.exits ?? 0) + 1;
          const wait = EARLY_EXIT_BACKOFF_MS[Math.min(exits, EARLY_EXIT_BACKOFF_MS.length) - 1] ?? 600_000;
          backoff.set(distro, { exits, until: context.clock() + wait });
          status = {
            state: 'stopped',
            distro,
            message: `Headroom could not read ${distro} (${describeExit(code, stderr)}); it tries again in ${Math.round(wait / 60_000)} min.`,
          };
          return 'stay-down';
        }
        // Idle, or WSL stopped: the owner's next look at WSL decides.
        if (status.state !== 'idle') status = { state: 'stopped' };
        events.onEnded();
        return 'stay-down';
      },
    );
  };

  return {
    start(distro) {
      if (reading === distro) return;
      if (idle?.distro === distro && context.clock() < idle.until) return;
      if (context.clock() < (backoff.get(distro)?.until ?? 0)) return;
      end();
      read(distro);
    },
    stop() {
      end();
      status = { state: 'stopped' };
    },
    latest(now) {
      return { memory: memory && now - memory.time <= STALE_MS ? memory.value : undefined, latency };
    },
    get distro() {
      return reading;
    },
    get healthy() {
      return healthy;
    },
    get status() {
      return status;
    },
  };
}
