import { HeadroomError, type ErrorPayload } from '@headroom/contract';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createRequest } from './request';
import { deferred } from './testing/fake-bridge';

interface State {
  readonly value: number | undefined;
  readonly loading: boolean;
  readonly notice: string | undefined;
  readonly error: ErrorPayload | undefined;
}

const storeOf = () => {
  const store = createStore<State>()(() => ({
    value: undefined,
    loading: false,
    notice: undefined,
    error: undefined,
  }));
  return { store, request: createRequest<State>(store.setState, store.getState) };
};

describe('createRequest', () => {
  it('raises the busy flag while the request runs and sets its answer, clearing the last error', async () => {
    const { store, request } = storeOf();
    store.setState({ error: { code: 'internal', message: 'old' } });
    const answer = deferred<number>();
    const running = request(async () => ({ value: await answer.promise }), { busy: 'loading' });
    expect(store.getState().loading).toBe(true);
    answer.resolve(7);
    await running;
    expect(store.getState()).toMatchObject({ value: 7, loading: false, error: undefined });
  });

  it('shows a failure in the service’s words, with what the failure takes back', async () => {
    const { store, request } = storeOf();
    await request(
      () =>
        Promise.reject(new HeadroomError({ code: 'wsl-failed', message: 'WSL said no.', detail: 'E_FAIL' })),
      { busy: 'loading', before: { notice: 'Working…' }, failed: { notice: undefined } },
    );
    expect(store.getState()).toMatchObject({
      error: { code: 'wsl-failed', message: 'WSL said no.', detail: 'E_FAIL' },
      notice: undefined,
      loading: false,
    });
    await request(() => Promise.reject(new Error('socket closed')));
    expect(store.getState().error).toEqual({ code: 'internal', message: 'socket closed' });
  });

  it('does nothing while the same request runs, unless it may overlap', async () => {
    const { store, request } = storeOf();
    const first = deferred<number>();
    const running = request(async () => ({ value: await first.promise }), { busy: 'loading' });
    let calls = 0;
    await request(() => Promise.resolve({ value: ++calls }), { busy: 'loading' });
    expect(calls).toBe(0);
    await request(() => Promise.resolve({ value: ++calls }), { busy: 'loading', overlap: true });
    expect(store.getState().value).toBe(1);
    first.resolve(2);
    await running;
    expect(store.getState().value).toBe(2);
  });

  it('drops the answer and the error of a request that is no longer current', async () => {
    const { store, request } = storeOf();
    let seq = 0;
    const fetch = (answer: Promise<number>) => {
      const mine = ++seq;
      return request(async () => ({ value: await answer }), { current: () => mine === seq });
    };
    const older = deferred<number>();
    const olderDone = fetch(older.promise);
    await fetch(Promise.resolve(2));
    older.reject(new Error('too late'));
    await olderDone;
    expect(store.getState()).toMatchObject({ value: 2, error: undefined });
  });

  it('sets nothing for an answer of undefined, and always what ends the request', async () => {
    const { store, request } = storeOf();
    store.setState({ error: { code: 'internal', message: 'kept' } });
    await request(() => Promise.resolve(undefined), {
      before: { notice: 'Working…' },
      after: { notice: 'Done.' },
    });
    expect(store.getState()).toMatchObject({ notice: 'Done.', error: { message: 'kept' } });
  });
});
