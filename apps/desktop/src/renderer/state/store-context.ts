import type { HeadroomBridge } from '@headroom/contract';
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createDoctorStore, type DoctorStoreState } from './doctor-store';
import { createHealthStore, type HealthStoreState } from './health-store';
import { createHistoryStore, type HistoryStoreState } from './history-store';
import { createMetricsStore, type MetricsState } from './metrics-store';
import { createSettingsStore, type SettingsStoreState } from './settings-store';
import { createWslconfigStore, type WslconfigStoreState } from './wslconfig-store';
import { createSetupStore, type SetupStoreState } from './setup-store';
import { createSupportStore, type SupportStoreState } from './support-store';
import { createVerifyStore, type VerifyState } from './verify-store';
import { createWslStore, type WslState } from './wsl-store';

/** The state of each of the window's stores, by name. */
export interface StoreStates {
  readonly wsl: WslState;
  readonly verify: VerifyState;
  readonly setup: SetupStoreState;
  readonly metrics: MetricsState;
  readonly health: HealthStoreState;
  readonly history: HistoryStoreState;
  readonly doctor: DoctorStoreState;
  readonly settings: SettingsStoreState;
  readonly wslconfig: WslconfigStoreState;
  readonly support: SupportStoreState;
}

/** Every store of the window, each over the same bridge. */
export type Stores = { readonly [K in keyof StoreStates]: StoreApi<StoreStates[K]> };

/** The window's stores over one bridge, so components never build their own. */
export function createStores(bridge: HeadroomBridge): Stores {
  return {
    wsl: createWslStore(bridge),
    verify: createVerifyStore(bridge),
    setup: createSetupStore(bridge),
    metrics: createMetricsStore(bridge),
    health: createHealthStore(bridge),
    history: createHistoryStore(bridge),
    doctor: createDoctorStore(bridge),
    settings: createSettingsStore(bridge),
    wslconfig: createWslconfigStore(bridge),
    support: createSupportStore(bridge),
  };
}

/** Hands every store to the component tree: one provider at the root. */
export const StoresContext = createContext<Stores | undefined>(undefined);

/** Select from the store called `name` of the nearest provider. */
function useStoreOf<K extends keyof StoreStates, T>(name: K, selector: (state: StoreStates[K]) => T): T {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('Headroom’s components need a StoresContext provider.');
  return useStore(stores[name], selector);
}

/** Select from the WSL store. */
export const useWsl = <T>(selector: (state: WslState) => T): T => useStoreOf('wsl', selector);
/** Select from the verify store. */
export const useVerify = <T>(selector: (state: VerifyState) => T): T => useStoreOf('verify', selector);
/** Select from the setup wizard's store. */
export const useSetup = <T>(selector: (state: SetupStoreState) => T): T => useStoreOf('setup', selector);
/** Select from the metrics store. */
export const useMetrics = <T>(selector: (state: MetricsState) => T): T => useStoreOf('metrics', selector);
/** Select from the health store. */
export const useHealth = <T>(selector: (state: HealthStoreState) => T): T => useStoreOf('health', selector);
/** Select from the history store. */
export const useHistory = <T>(selector: (state: HistoryStoreState) => T): T =>
  useStoreOf('history', selector);
/** Select from the Diagnostics store. */
export const useDoctor = <T>(selector: (state: DoctorStoreState) => T): T => useStoreOf('doctor', selector);
/** Select from the Settings store. */
export const useSettings = <T>(selector: (state: SettingsStoreState) => T): T =>
  useStoreOf('settings', selector);
/** Select from the .wslconfig editor's store. */
export const useWslconfig = <T>(selector: (state: WslconfigStoreState) => T): T =>
  useStoreOf('wslconfig', selector);
/** Select from the support bundle's store. */
export const useSupport = <T>(selector: (state: SupportStoreState) => T): T =>
  useStoreOf('support', selector);
