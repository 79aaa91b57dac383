import type { MetricsStatus } from '@headroom/contract';
import { createDistroSampleParser, distroSamplerCommand } from '@headroom/core';
import { STALE_MS } from './gpu-source';
import { restartingStream, type StreamContext } from './restarting-stream';

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
  /** The reader ended by itself (WSL stopped, or the distro went idle). */
  readonly onEnded: () => void;
}

/** The in-distro reader: one long-lived program inside a running distro printing /proc/meminfo and timing nvidia-smi. */
export interface DistroReader {
  /**
   * Read `distro` (ending the reading of another). Nothing happens while it is read already, or for a minute after
   * the reader left it idle.
   */
  start(distro: string): void;
  /** Stop reading; the status says WSL is stopped. */
  stop(): void;
  latest(now: number): DistroLatest;
  /** The distro being read, or undefined. */
  readonly distro: string | undefined;
  readonly status: MetricsStatus['wsl'];
}

/**
 * After the reader left an idle distro, reading it again waits this long: WSL stops an idle distro after 15 s
 * (instanceIdleTimeout), so one still running a minute later is kept up by something else, not by Headroom.
 */
export const IDLE_RETRY_MS = 60_000;

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

  const end = (): void => {
    stream?.stop();
    stream = undefined;
    reading = undefined;
    memory = undefined;
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
      () => {
        stream = undefined;
        end();
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
    get status() {
      return status;
    },
  };
}
