import type { ErrorPayload, HeadroomBridge, HistoryPayload, VersionDiff } from '@headroom/contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { asErrorPayload } from './error-payload';

/** The history page's data: the Windows timeline and the .wslconfig versions. */
export interface HistoryStoreState {
  readonly history: HistoryPayload | undefined;
  readonly loading: boolean;
  readonly error: ErrorPayload | undefined;
  readonly load: () => Promise<void>;
  /** The open version's diff against the file now. */
  readonly diff: VersionDiff | undefined;
  readonly showDiff: (id: string | undefined) => Promise<void>;
  /** Write a saved version back; `notice` says what happened. */
  readonly restore: (id: string) => Promise<void>;
  readonly notice: string | undefined;
}

/** The history store over a bridge: loads the history and follows `history.changed`. */
export function createHistoryStore(bridge: HeadroomBridge): StoreApi<HistoryStoreState> {
  const store = createStore<HistoryStoreState>()((set) => ({
    history: undefined,
    loading: false,
    error: undefined,
    diff: undefined,
    notice: undefined,
    showDiff: async (id) => {
      if (id === undefined) {
        set({ diff: undefined });
        return;
      }
      try {
        set({ diff: await bridge.invoke('history.diff', { id }), error: undefined });
      } catch (error) {
        set({ error: asErrorPayload(error) });
      }
    },
    restore: async (id) => {
      try {
        const history = await bridge.invoke('history.restore', { id });
        set({
          history,
          diff: undefined,
          error: undefined,
          notice:
            '.wslconfig is back to that version (the file before it was kept). It applies at WSL’s next start.',
        });
      } catch (error) {
        set({ error: asErrorPayload(error) });
      }
    },
    load: async () => {
      set({ loading: true });
      try {
        set({ history: await bridge.invoke('history.list'), error: undefined });
      } catch (error) {
        set({ error: asErrorPayload(error) });
      } finally {
        set({ loading: false });
      }
    },
  }));
  bridge.on('history.changed', (history) => store.setState({ history }));
  return store;
}
