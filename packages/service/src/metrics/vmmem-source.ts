import { restartingStream, type StreamContext } from './restarting-stream';

/** The VmmemWSL source: one long-lived program printing the bytes WSL's VM holds, one number per line. */
export interface VmmemSource {
  /** Start the program (a running one starts again). */
  start(): void;
  /** Stop it and forget its reading. */
  stop(): void;
  /** The bytes WSL's VM holds at `now`, or undefined when no recent reading came. */
  latest(now: number): number | undefined;
}

/** How long a VmmemWSL reading counts as current (it comes every 5 s). */
export const VMMEM_STALE_MS = 12_000;

/** The VmmemWSL source over a stream context, running `command` (see `VMMEM_WATCH_COMMAND` in @headroom/host); restarted when it dies. */
export function createVmmemSource(
  context: StreamContext,
  command: readonly [string, ...string[]],
): VmmemSource {
  let last: { time: number; bytes: number } | undefined;
  let stream: { stop(): void } | undefined;

  const stop = (): void => {
    stream?.stop();
    stream = undefined;
    last = undefined;
  };

  return {
    start() {
      stop();
      stream = restartingStream(
        context,
        'the VmmemWSL reader',
        () => {
          let buffer = '';
          return {
            argv: command,
            onText: (text) => {
              buffer += text;
              const lines = buffer.split(/\r?\n/);
              buffer = lines.pop() ?? '';
              for (const line of lines) {
                if (/^\d+$/.test(line.trim())) last = { time: context.clock(), bytes: Number(line.trim()) };
              }
            },
          };
        },
        () => 'restart',
      );
    },
    stop,
    latest(now) {
      return last && now - last.time <= VMMEM_STALE_MS ? last.bytes : undefined;
    },
  };
}
