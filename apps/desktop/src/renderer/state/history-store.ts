import type { ErrorPayload, HeadroomBridge, HistoryPayload, VersionDiff } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

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
  const store = createRequestStore<HistoryStoreState>((set, get, request) => ({
    history: undefined,
    loading: false,
    error: undefined,
    diff: undefined,
    notice: undefined,
    showDiff: async (id) => {
      if (id === undefined) set({ diff: undefined });
      else await request(async () => ({ diff: await bridge.invoke('history.diff', { id }) }));
    },
    restore: (id) =>
      request(async () => ({
        history: await bridge.invoke('history.restore', { id }),
        diff: undefined,
        notice:
          '.wslconfig is back to that version (the file before it was kept). It applies at WSL’s next start.',
      })),
    load: () => request(async () => ({ history: await bridge.invoke('history.list') }), { busy: 'loading' }),
  }));
  bridge.on('history.changed', (history) => store.setState({ history }));
  return store;
}
