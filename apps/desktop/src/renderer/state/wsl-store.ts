import type { ErrorPayload, HeadroomBridge, WslSnapshot } from '@headroom/contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { asErrorPayload } from './error-payload';

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
}

/**
 * The WSL store over a bridge: loads the distros, runs the shutdown, and takes every `wsl.changed` push, so the
 * page follows WSL without a reload.
 */
export function createWslStore(bridge: HeadroomBridge): StoreApi<WslState> {
  const store = createStore<WslState>()((set, get) => ({
    snapshot: undefined,
    loading: false,
    shuttingDown: false,
    error: undefined,
    notice: undefined,
    load: async () => {
      set({ loading: true });
      try {
        set({ snapshot: await bridge.invoke('wsl.list'), error: undefined });
      } catch (error) {
        set({ error: asErrorPayload(error) });
      } finally {
        set({ loading: false });
      }
    },
    shutdown: async () => {
      if (get().shuttingDown) return;
      set({ shuttingDown: true, notice: 'Shutting down WSL…', error: undefined });
      try {
        const snapshot = await bridge.invoke('wsl.shutdown');
        set({ snapshot, notice: 'WSL is shut down. Every distribution is stopped.' });
      } catch (error) {
        set({ error: asErrorPayload(error), notice: undefined });
      } finally {
        set({ shuttingDown: false });
      }
    },
  }));
  bridge.on('wsl.changed', (snapshot) => store.setState({ snapshot }));
  return store;
}
