import { memoryLog, type RunningStream, type StreamOptions } from '@headroom/host';
import { afterEach, beforeEach, vi } from 'vitest';
import type { StreamContext } from '../metrics/restarting-stream';

/** A started stream a test drives: what it was started with, what it prints, and how it ends. */
export interface FakeStream {
  readonly options: StreamOptions;
  stopped: boolean;
}

/** Every stream a test started, and the ways to find and end them. */
export interface FakeStreams {
  readonly started: FakeStream[];
  /** Stands in for the host's `startStream`. */
  readonly startStream: (options: StreamOptions) => RunningStream;
  /** The streams of `program` (argv[0]) still running. */
  live(program: string): FakeStream[];
  /** The one running stream of `program`; throws when there is none. */
  only(program: string): FakeStream;
  /** The program ends by itself (WSL shut down, the distro went idle, nvidia-smi died). */
  end(stream: FakeStream, code: number | null, stderr?: string): void;
}

/** Fake streams: nothing is spawned, the test prints and ends them. */
export function fakeStreams(): FakeStreams {
  const started: FakeStream[] = [];
  const live = (program: string): FakeStream[] =>
    started.filter((stream) => stream.options.argv[0] === program && !stream.stopped);
  return {
    started,
    startStream: (options) => {
      const stream: FakeStream = { options, stopped: false };
      started.push(stream);
      return { stop: () => void (stream.stopped = true) };
    },
    live,
    only(program) {
      const stream = live(program)[0];
      if (!stream) throw new Error(`no running ${program}`);
      return stream;
    },
    end(stream, code, stderr = '') {
      stream.stopped = true;
      stream.options.onExit(code, stderr);
    },
  };
}

/** A stream context over fake streams and the global (fake) timers, with a log that keeps its lines. */
export function fakeStreamContext(
  streams: FakeStreams,
  restartDelaysMs: readonly number[] = [1_000, 5_000],
): StreamContext & { readonly log: ReturnType<typeof memoryLog> } {
  return {
    startStream: streams.startStream,
    timers: {
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    clock: () => Date.now(),
    env: {},
    restartDelaysMs,
    log: memoryLog(),
  };
}

/**
 * For each test of the calling file: fake timers from a fixed time and fresh fake streams. Returns the function that
 * gives the current test's streams.
 */
export function useFakeStreams(): () => FakeStreams {
  let current = fakeStreams();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 21, 12));
    current = fakeStreams();
  });
  afterEach(() => vi.useRealTimers());
  return () => current;
}
