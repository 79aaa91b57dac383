import type { ErrorPayload, HeadroomBridge, SupportBundleInfo } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** Diagnostics' "Save support bundle": redaction on by default, the bundle written, and what the last action did. */
export interface SupportStoreState {
  /** Replace the user's name, profile folder and computer name (on unless the user turns it off). */
  readonly redact: boolean;
  /** Collecting and zipping: it takes seconds. */
  readonly saving: boolean;
  readonly bundle: SupportBundleInfo | undefined;
  /** What the last action did, for the live region. */
  readonly notice: string | undefined;
  readonly error: ErrorPayload | undefined;
  readonly setRedact: (redact: boolean) => void;
  readonly save: () => Promise<void>;
  /** Open the bundle's folder; where this window cannot, say where it is. */
  readonly openFolder: () => Promise<void>;
}

/** The size of a file in words: `42 KB`. */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** The support store over a bridge. */
export function createSupportStore(bridge: HeadroomBridge): StoreApi<SupportStoreState> {
  return createRequestStore<SupportStoreState>((set, get, request) => ({
    redact: true,
    saving: false,
    bundle: undefined,
    notice: undefined,
    error: undefined,
    setRedact: (redact) => set({ redact }),
    save: () =>
      request(
        async () => {
          const bundle = await bridge.invoke('support.saveBundle', { redact: get().redact });
          return {
            bundle,
            notice: `Saved the support bundle (${sizeInWords(bundle.bytes)}${bundle.redacted ? ', your names replaced' : ''}): ${bundle.path}`,
          };
        },
        {
          busy: 'saving',
          before: {
            notice: 'Collecting what Windows, WSL and the GPU say… this takes a few seconds.',
            bundle: undefined,
          },
          failed: { notice: undefined },
        },
      ),
    openFolder: () =>
      request(async () => {
        const answer = await bridge.invoke('support.openFolder');
        return {
          notice: answer.opened ? `Opened ${answer.path}.` : `${answer.message ?? ''} ${answer.path}`.trim(),
        };
      }),
  }));
}
