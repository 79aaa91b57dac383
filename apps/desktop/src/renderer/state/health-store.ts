import type { ErrorPayload, HeadroomBridge, HealthSnapshot } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** The health light as the rail shows it, and the "check now" action. */
export interface HealthStoreState {
  readonly health: HealthSnapshot | undefined;
  readonly checking: boolean;
  readonly error: ErrorPayload | undefined;
  readonly load: () => Promise<void>;
  readonly check: () => Promise<void>;
}

/** The health store over a bridge: reads the light, runs a check on demand, and follows `health.changed`. */
export function createHealthStore(bridge: HeadroomBridge): StoreApi<HealthStoreState> {
  const store = createRequestStore<HealthStoreState>((set, get, request) => {
    const run = (channel: 'health.get' | 'health.check'): Promise<void> =>
      request(async () => ({ health: await bridge.invoke(channel) }), { busy: 'checking' });
    return {
      health: undefined,
      checking: false,
      error: undefined,
      load: () => run('health.get'),
      check: () => run('health.check'),
    };
  });
  bridge.on('health.changed', (health) => store.setState({ health }));
  return store;
}
