import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { HealthStoreState } from './health-store';
import type { HistoryStoreState } from './history-store';
import type { MetricsState } from './metrics-store';
import type { SetupStoreState } from './setup-store';
import type { VerifyState } from './verify-store';
import type { WslState } from './wsl-store';

/** Hands the WSL store to the component tree, so components never build their own bridge. */
export const WslStoreContext = createContext<StoreApi<WslState> | undefined>(undefined);

/** Select from the WSL store of the nearest provider. */
export function useWsl<T>(selector: (state: WslState) => T): T {
  const store = useContext(WslStoreContext);
  if (!store) throw new Error('useWsl needs a WslStoreContext provider.');
  return useStore(store, selector);
}

/** Hands the verify store to the component tree. */
export const VerifyStoreContext = createContext<StoreApi<VerifyState> | undefined>(undefined);

/** Select from the verify store of the nearest provider. */
export function useVerify<T>(selector: (state: VerifyState) => T): T {
  const store = useContext(VerifyStoreContext);
  if (!store) throw new Error('useVerify needs a VerifyStoreContext provider.');
  return useStore(store, selector);
}

/** Hands the setup wizard's store to the component tree. */
export const SetupStoreContext = createContext<StoreApi<SetupStoreState> | undefined>(undefined);

/** Select from the setup store of the nearest provider. */
export function useSetup<T>(selector: (state: SetupStoreState) => T): T {
  const store = useContext(SetupStoreContext);
  if (!store) throw new Error('useSetup needs a SetupStoreContext provider.');
  return useStore(store, selector);
}

/** Hands the metrics store to the component tree. */
export const MetricsStoreContext = createContext<StoreApi<MetricsState> | undefined>(undefined);

/** Select from the metrics store of the nearest provider. */
export function useMetrics<T>(selector: (state: MetricsState) => T): T {
  const store = useContext(MetricsStoreContext);
  if (!store) throw new Error('useMetrics needs a MetricsStoreContext provider.');
  return useStore(store, selector);
}

/** Hands the health store to the component tree. */
export const HealthStoreContext = createContext<StoreApi<HealthStoreState> | undefined>(undefined);

/** Select from the health store of the nearest provider. */
export function useHealth<T>(selector: (state: HealthStoreState) => T): T {
  const store = useContext(HealthStoreContext);
  if (!store) throw new Error('useHealth needs a HealthStoreContext provider.');
  return useStore(store, selector);
}

/** Hands the history store to the component tree. */
export const HistoryStoreContext = createContext<StoreApi<HistoryStoreState> | undefined>(undefined);

/** Select from the history store of the nearest provider. */
export function useHistory<T>(selector: (state: HistoryStoreState) => T): T {
  const store = useContext(HistoryStoreContext);
  if (!store) throw new Error('useHistory needs a HistoryStoreContext provider.');
  return useStore(store, selector);
}
