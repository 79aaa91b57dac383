import { AsyncLocalStorage } from 'node:async_hooks';

/** How a turn is taken. */
export interface TurnOptions {
  /** The turn stops WSL (a shutdown, a verification): distro lists read across it may be out of date. */
  readonly stopsWsl?: boolean;
  /** Told what holds the turn when this one has to wait for it (for a progress line). */
  readonly onWait?: (holder: string) => void;
}

/**
 * One thing at a time that may start or stop WSL's VM. Setup's checks boot it, a shutdown stops it, a verification
 * does both and the health check runs commands in the running distros: interleaved, a shutdown pressed while the
 * checks boot is followed by their boot and WSL runs again, and a check's `wsl -d` landing after a shutdown starts
 * the distro it found running. Each waits its turn, in the order asked.
 */
export interface WslTurns {
  /**
   * Run `work` once every earlier turn has ended; its result or error is the caller's. Work that asks for a turn
   * from inside its own turn runs at once, so nested calls cannot wait for themselves.
   */
  take<T>(what: string, work: () => Promise<T>, options?: TurnOptions): Promise<T>;
  /** Changes whenever a turn that stops WSL begins or ends: a list read across a change may be out of date. */
  stopEpoch(): number;
  /** Whether a turn that stops WSL holds the turn now. */
  stopping(): boolean;
}

/** A fresh queue of turns; the composition root makes one and hands it to everything that starts or stops WSL. */
export function createWslTurns(): WslTurns {
  const inside = new AsyncLocalStorage<string>();
  /** Settles when the last turn asked for has ended; never rejects. */
  let tail: Promise<void> = Promise.resolve();
  /** What holds the turn and what waits for it, in order. */
  const waiting: string[] = [];
  let epoch = 0;
  let stopping = false;

  return {
    take(what, work, options = {}) {
      if (inside.getStore() !== undefined) return work();
      const holder = waiting[0];
      waiting.push(what);
      // The next turn waits for this one to end, however it ends; a failure is the caller's, through `mine`.
      let ended: () => void = () => undefined;
      const before = tail;
      tail = new Promise<void>((resolve) => (ended = resolve));
      const stopsWsl = options.stopsWsl === true;
      const mine = before.then(async () => {
        if (stopsWsl) {
          epoch += 1;
          stopping = true;
        }
        try {
          return await inside.run(what, work);
        } finally {
          waiting.shift();
          if (stopsWsl) {
            epoch += 1;
            stopping = false;
          }
          ended();
        }
      });
      if (holder !== undefined) options.onWait?.(holder);
      return mine;
    },
    stopEpoch: () => epoch,
    stopping: () => stopping,
  };
}
