import type { ErrorPayload, HeadroomBridge, WslSnapshot } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** What the WSL page shows: the last snapshot, whether work is under way, and the last error. */
export interface WslState {
  readonly snapshot: WslSnapshot | undefined;
  readonly loading: boolean;
  readonly shuttingDown: boolean;
  readonly error: ErrorPayload | undefined;
  /** What just happened, for the status live region. */
  readonly notice: string | undefined;
  readonly load: () => Promise<void>;
  readonly shutdown: () => Promise<void>;
  /**
   * The distros running now, for the shutdown question: when the list has not loaded yet (the first seconds after
   * launch) it is read first, never taken as "nothing runs". Undefined when it could not be read.
   */
  readonly running: () => Promise<readonly string[] | undefined>;
}

/** The names of the running distros in a snapshot. */
function runningIn(snapshot: WslSnapshot): string[] {
  return snapshot.distros.filter((distro) => distro.state === 'Running').map((distro) => distro.name);
}

/**
 * The WSL store over a bridge: loads the distros, runs the shutdown, and takes every `wsl.changed` push, so the
 * page follows WSL without a reload.
 */
export function createWslStore(bridge: HeadroomBridge): StoreApi<WslState> {
  const store = createRequestStore<WslState>((set, get, request) => ({
    snapshot: undefined,
    loading: false,
    shuttingDown: false,
    error: undefined,
    notice: undefined,
    load: () => request(async () => ({ snapshot: await bridge.invoke('wsl.list') }), { busy: 'loading' }),
    shutdown: () =>
      request(
        async () => ({
          snapshot: await bridge.invoke('wsl.shutdown'),
          notice: 'WSL is shut down. Every distribution is stopped.',
        }),
        {
          busy: 'shuttingDown',
          before: { notice: 'Shutting down WSL…', error: undefined },
          failed: { notice: undefined },
        },
      ),
    running: async () => {
      if (!get().snapshot) {
        // A load already under way is joined, not repeated: a second `load` while loading returns at once.
        if (get().loading) await waitForLoad();
        else await get().load();
      }
      const snapshot = get().snapshot;
      return snapshot ? runningIn(snapshot) : undefined;
    },
  }));
  const waitForLoad = (): Promise<void> =>
    new Promise((resolve) => {
      const stop = store.subscribe((state) => {
        if (!state.loading) {
          stop();
          resolve();
        }
      });
    });
  bridge.on('wsl.changed', (snapshot) => store.setState({ snapshot }));
  return store;
}
