import type { ErrorPayload, HeadroomBridge, HealthSnapshot } from '@headroom/contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { asErrorPayload } from './error-payload';

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
  const store = createStore<HealthStoreState>()((set, get) => {
    const run = async (channel: 'health.get' | 'health.check'): Promise<void> => {
      if (get().checking) return;
      set({ checking: true });
      try {
        set({ health: await bridge.invoke(channel), error: undefined });
      } catch (error) {
        set({ error: asErrorPayload(error) });
      } finally {
        set({ checking: false });
      }
    };
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
