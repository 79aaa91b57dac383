import { createBridge, type ErrorPayload, type HeadroomBridge, type Transport } from '@headroom/contract';

/** What the fake service answers on a channel: a value, or a failure in the contract's words. */
type Answer = (request: unknown) => unknown;

/** A failure the fake service answers with. */
export class ServiceFailure extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

/** A promise a test settles when it chooses, to see a store while its request runs. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** A promise settled by the test. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A bridge over a fake service: the real `createBridge`, so answers and pushes pass the contract's schemas. */
export interface FakeBridge {
  readonly bridge: HeadroomBridge;
  /** Every request, in order. */
  readonly calls: { channel: string; request: unknown }[];
  /** Answer `channel` with what `answer` returns (or resolves to); a thrown {@link ServiceFailure} fails the call. */
  answer(channel: string, answer: Answer): void;
  /** Answer `channel` when the test settles the returned promise, to see a store while its request runs. */
  hold(channel: string): Deferred<unknown>;
  /** Push `payload` on `channel`. */
  push(channel: string, payload: unknown): void;
}

/** A fake service behind a real bridge; a channel without an answer fails as `unavailable`. */
export function fakeBridge(): FakeBridge {
  const answers = new Map<string, Answer>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: string; request: unknown }[] = [];
  const transport: Transport = {
    async invoke(channel, request) {
      calls.push({ channel, request });
      const answer = answers.get(channel);
      try {
        if (!answer) throw new ServiceFailure({ code: 'unavailable', message: `No answer for ${channel}.` });
        return { ok: true, value: await answer(request) };
      } catch (error) {
        if (error instanceof ServiceFailure) return { ok: false, error: error.payload };
        throw error;
      }
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  return {
    bridge: createBridge(transport),
    calls,
    answer: (channel, answer) => void answers.set(channel, answer),
    hold(channel) {
      const held = deferred<unknown>();
      answers.set(channel, () => held.promise);
      return held;
    },
    push: (channel, payload) => listeners.get(channel)?.forEach((listener) => listener(payload)),
  };
}
