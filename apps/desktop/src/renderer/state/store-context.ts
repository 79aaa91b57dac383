import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { WslState } from './wsl-store';

/** Hands the WSL store to the component tree, so components never build their own bridge. */
export const WslStoreContext = createContext<StoreApi<WslState> | undefined>(undefined);

/** Select from the WSL store of the nearest provider. */
export function useWsl<T>(selector: (state: WslState) => T): T {
  const store = useContext(WslStoreContext);
  if (!store) throw new Error('useWsl needs a WslStoreContext provider.');
  return useStore(store, selector);
}
