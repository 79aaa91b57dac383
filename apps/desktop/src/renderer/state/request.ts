import type { ErrorPayload } from '@headroom/contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { asErrorPayload } from './error-payload';

/** A store that shows the last failure of its requests. */
export interface ErrorState {
  readonly error: ErrorPayload | undefined;
}

/** The keys of a store's boolean flags (`loading`, `checking`, …). */
export type FlagKey<S> = { [K in keyof S]-?: S[K] extends boolean ? K : never }[keyof S];

/** How a request shows itself in its store, beside its answer and its error. */
export interface RequestOptions<S> {
  /**
   * The flag that is true while the request runs. A request while it is true does nothing, unless `overlap` (a
   * newer request, such as sizing another goal, must run).
   */
  readonly busy?: FlagKey<S>;
  readonly overlap?: boolean;
  /** Set when the request starts (a progress notice, an old error cleared). */
  readonly before?: Partial<S>;
  /** Set with the error when the request fails (a notice withdrawn, a guess taken back). */
  readonly failed?: Partial<S>;
  /** Set when the request ends either way. */
  readonly after?: Partial<S>;
  /** False when a newer request has been made since: then neither its answer nor its error is set. */
  readonly current?: () => boolean;
}

/**
 * Run one request of a store: `task` resolves to what to set (its error then cleared), or undefined to set nothing;
 * a rejection sets `error` in the contract's words. Returns the function that runs them.
 */
export type Request<S> = (
  task: () => Promise<Partial<S> | undefined>,
  options?: RequestOptions<S>,
) => Promise<void>;

/**
 * The loading / error / done pattern of every store, over the store's `set` and `get`: the busy flag up while the
 * request runs, the answer or the error set when it ends, a stale answer dropped.
 */
export function createRequest<S extends ErrorState>(
  set: (partial: Partial<S>) => void,
  get: () => S,
): Request<S> {
  const flag = (key: FlagKey<S> | undefined, value: boolean): Partial<S> =>
    key === undefined ? {} : ({ [key]: value } as Partial<S>);
  return async (task, options = {}) => {
    const { busy, current = () => true } = options;
    if (busy !== undefined && !options.overlap && get()[busy]) return;
    set({ ...flag(busy, true), ...options.before });
    try {
      const answer = await task();
      if (answer && current()) set({ ...answer, error: undefined });
    } catch (error) {
      if (current()) set({ ...options.failed, error: asErrorPayload(error) } as Partial<S>);
    } finally {
      set({ ...flag(busy, false), ...options.after });
    }
  };
}

/** A zustand store whose actions run their requests through {@link createRequest}: `init` gets `request` beside `set` and `get`. */
export function createRequestStore<S extends ErrorState>(
  init: (set: (partial: Partial<S>) => void, get: () => S, request: Request<S>) => S,
): StoreApi<S> {
  return createStore<S>()((set, get) => init(set, get, createRequest<S>(set, get)));
}
