import type { ErrorPayload, HeadroomBridge, WslconfigDocument } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import type { DiffLine } from '../components/DiffLines';
import { createRequestStore } from './request';

/** The .wslconfig editor: the file, the form's unsaved edits, and their diff before saving. */
export interface WslconfigStoreState {
  readonly document: WslconfigDocument | undefined;
  /** Unsaved values by full key (`wsl2.swap`); '' removes the key. */
  readonly edits: Readonly<Record<string, string>>;
  readonly diff: readonly DiffLine[] | undefined;
  readonly saving: boolean;
  readonly notice: string | undefined;
  readonly error: ErrorPayload | undefined;
  readonly load: () => Promise<void>;
  readonly edit: (key: string, value: string) => void;
  /** Show the diff of the edits. */
  readonly review: () => Promise<void>;
  readonly save: () => Promise<void>;
  readonly discard: () => void;
}

const asEdits = (edits: Readonly<Record<string, string>>) =>
  Object.entries(edits).map(([key, value]) => ({ key, value }));

/** The editor's store over a bridge. */
export function createWslconfigStore(bridge: HeadroomBridge): StoreApi<WslconfigStoreState> {
  return createRequestStore<WslconfigStoreState>((set, get, request) => ({
    document: undefined,
    edits: {},
    diff: undefined,
    saving: false,
    notice: undefined,
    error: undefined,
    load: () => request(async () => ({ document: await bridge.invoke('wslconfig.read') })),
    edit: (key, value) => set({ edits: { ...get().edits, [key]: value }, diff: undefined }),
    review: () =>
      request(async () => ({
        diff: (await bridge.invoke('wslconfig.preview', { edits: asEdits(get().edits) })).diff,
      })),
    save: () =>
      request(
        async () => ({
          document: await bridge.invoke('wslconfig.save', { edits: asEdits(get().edits) }),
          edits: {},
          diff: undefined,
          notice: 'Saved. A backup was kept. WSL applies it at its next start.',
        }),
        { busy: 'saving' },
      ),
    discard: () => set({ edits: {}, diff: undefined }),
  }));
}
