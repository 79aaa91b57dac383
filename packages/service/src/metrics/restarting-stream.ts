import type { Log, RunningStream, StreamOptions } from '@headroom/host';

/** The timers the sampler runs on; tests hand in fake ones. */
export interface SamplerTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What every long-lived source needs to run its program: how to start it, time, its environment and the log. */
export interface StreamContext {
  readonly startStream: (options: StreamOptions) => RunningStream;
  readonly timers: SamplerTimers;
  readonly clock: () => number;
  /** The environment of nvidia-smi.exe, wsl.exe and PowerShell (the simulator's puts its fakes first on PATH). */
  readonly env: NodeJS.ProcessEnv;
  /** Waits before restarting a stream that died, growing with each death. */
  readonly restartDelaysMs: readonly number[];
  readonly log: Log;
}

/** What a source decides when its program ended by itself. */
export type ExitDecision = 'restart' | 'stay-down';

/** A stream that ran this long before dying starts again at the shortest wait. */
const HEALTHY_RUN_MS = 60_000;

/** The exit of a program in words, for the log: its code and the first line of what it printed on stderr. */
export function describeExit(code: number | null, stderr: string): string {
  const firstLine = stderr.trim().split('\n')[0]?.trim() ?? '';
  const how = code === null ? 'could not start or was killed' : `exit code ${code}`;
  return firstLine === '' ? how : `${how}: ${firstLine}`;
}

/**
 * Start a long-lived program and restart it with growing waits when it dies, until it is stopped. `name` says what
 * it is in the log (`the nvidia-smi stream`); every death and every failure to read its output is logged there.
 */
export function restartingStream(
  context: StreamContext,
  name: string,
  start: () => Pick<StreamOptions, 'argv' | 'onText'>,
  onExit: (code: number | null, stderr: string) => ExitDecision,
): { stop(): void } {
  let stream: RunningStream | undefined;
  let timer: unknown;
  let deaths = 0;
  let stopped = false;
  const launch = (): void => {
    const startedAt = context.clock();
    const { argv, onText } = start();
    stream = context.startStream({
      argv,
      env: context.env,
      onText: (text) => {
        try {
          onText(text);
        } catch (error) {
          context.log.error(`reading the output of ${name}`, error);
        }
      },
      onExit: (code, stderr) => {
        stream = undefined;
        if (stopped) return;
        if (context.clock() - startedAt >= HEALTHY_RUN_MS) deaths = 0;
        const exit = describeExit(code, stderr);
        if (onExit(code, stderr) === 'stay-down') {
          context.log.info(`${name} exited; it is not restarted`, exit);
          return;
        }
        const delays = context.restartDelaysMs;
        const wait = delays[Math.min(deaths, delays.length - 1)] ?? 60_000;
        deaths += 1;
        context.log.warn(`restarting ${name} in ${wait} ms after it exited`, exit);
        timer = context.timers.setTimeout(launch, wait);
      },
    });
  };
  launch();
  return {
    stop() {
      stopped = true;
      context.timers.clearTimeout(timer);
      stream?.stop();
    },
  };
}
