import { createBridge } from '@headroom/contract';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { LogFolderButton } from './components/LogFolderButton';
import { Unavailable } from './components/Unavailable';
import { navigate, pageFromHash } from './state/navigation';
import { createSetupStore } from './state/setup-store';
import { createHealthStore } from './state/health-store';
import { createHistoryStore } from './state/history-store';
import { createMetricsStore } from './state/metrics-store';
import {
  HealthStoreContext,
  HistoryStoreContext,
  MetricsStoreContext,
  SetupStoreContext,
  VerifyStoreContext,
  WslStoreContext,
} from './state/store-context';
import { createVerifyStore } from './state/verify-store';
import { createWslStore } from './state/wsl-store';
import { pickTransport } from './transport/pick-transport';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);
const transport = pickTransport(window);

if ('error' in transport) {
  root.render(<Unavailable reason={transport.error} />);
} else {
  const bridge = createBridge(transport, {
    onInvalidPush: (channel, issue) =>
      console.warn(`Dropped a ${channel} push that broke the contract: ${issue}`),
  });
  const setupStore = createSetupStore(bridge);
  // Opened on #setup (the tray's "Set up Headroom…" with no window yet): a finished setup starts over, as a
  // reopened one does.
  if (pageFromHash(window.location.hash) === 'setup') {
    const stop = setupStore.subscribe((state) => {
      if (!state.loaded) return;
      stop();
      state.reopen();
    });
  }
  bridge.on('app.show', ({ page }) => {
    if (page === 'setup') setupStore.getState().reopen();
    navigate(page);
  });
  root.render(
    <StrictMode>
      <WslStoreContext.Provider value={createWslStore(bridge)}>
        <VerifyStoreContext.Provider value={createVerifyStore(bridge)}>
          <SetupStoreContext.Provider value={setupStore}>
            <MetricsStoreContext.Provider value={createMetricsStore(bridge)}>
              <HealthStoreContext.Provider value={createHealthStore(bridge)}>
                <HistoryStoreContext.Provider value={createHistoryStore(bridge)}>
                  <App footer={<LogFolderButton bridge={bridge} />} />
                </HistoryStoreContext.Provider>
              </HealthStoreContext.Provider>
            </MetricsStoreContext.Provider>
          </SetupStoreContext.Provider>
        </VerifyStoreContext.Provider>
      </WslStoreContext.Provider>
    </StrictMode>,
  );
}
