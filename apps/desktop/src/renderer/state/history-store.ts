import type { ErrorPayload, HeadroomBridge, HistoryPayload } from '@headroom/contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { asErrorPayload } from './error-payload';

/** The history page's data: the Windows timeline and the .wslconfig versions. */
export interface HistoryStoreState {
  readonly history: HistoryPayload | undefined;
  readonly loading: boolean;
  readonly error: ErrorPayload | undefined;
  readonly load: () => Promise<void>;
}

/** The history store over a bridge: loads the history and follows `history.changed`. */
export function createHistoryStore(bridge: HeadroomBridge): StoreApi<HistoryStoreState> {
  const store = createStore<HistoryStoreState>()((set) => ({
    history: undefined,
    loading: false,
    error: undefined,
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
