import type { ErrorPayload, HeadroomBridge, VerifyRequest, VerifyResult } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** What the verify card shows: the step under way, the last result, and the last error. */
export interface VerifyState {
  readonly running: boolean;
  /** The loop's current step in words, for the live region. */
  readonly progress: string | undefined;
  readonly result: VerifyResult | undefined;
  /** The request the result answers, so a view can tell a result for other edits from its own. */
  readonly request: VerifyRequest | undefined;
  readonly error: ErrorPayload | undefined;
  readonly run: (request: VerifyRequest) => Promise<void>;
  readonly cancel: () => Promise<void>;
  /** Write .wslconfig back as it was before the edits that failed to verify. */
  readonly rollBack: () => Promise<void>;
  /** What the last roll back did, for the live region. */
  readonly notice: string | undefined;
  /** Forget the last result (a new setup starts clean); nothing happens while a verification runs. */
  readonly clear: () => void;
}

/** The verify store over a bridge: runs the shutdown-and-verify loop and follows its `verify.progress` pushes. */
export function createVerifyStore(bridge: HeadroomBridge): StoreApi<VerifyState> {
  const store = createRequestStore<VerifyState>((set, get, request) => ({
    running: false,
    progress: undefined,
    result: undefined,
    request: undefined,
    error: undefined,
    notice: undefined,
    clear: () => {
      if (!get().running) set({ result: undefined, request: undefined, error: undefined, notice: undefined });
    },
    run: (edits) =>
      request(async () => ({ result: await bridge.invoke('verify.run', edits) }), {
        busy: 'running',
        before: {
          progress: 'Starting…',
          result: undefined,
          request: edits,
          error: undefined,
          notice: undefined,
        },
        after: { progress: undefined },
      }),
    rollBack: () =>
      request(async () => {
        const { restored } = await bridge.invoke('verify.rollBack');
        const result = get().result;
        return {
          notice: restored
            ? '.wslconfig is back as it was before these changes. It applies at WSL’s next start.'
            : 'There was nothing to roll back.',
          ...(result ? { result: { ...result, canRollBack: false } } : {}),
        };
      }),
    cancel: async () => {
      if (!get().running) return;
      await request(async () => (await bridge.invoke('verify.cancel'), undefined), {
        before: { progress: 'Cancelling…' },
      });
    },
  }));
  bridge.on('verify.progress', ({ message }) => {
    if (store.getState().running) store.setState({ progress: message });
  });
  return store;
}
