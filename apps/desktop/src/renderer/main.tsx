import { createBridge } from '@headroom/contract';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { LogFolderButton } from './components/LogFolderButton';
import { Unavailable } from './components/Unavailable';
import { navigate, pageFromHash } from './state/navigation';
import { createStores, StoresContext } from './state/store-context';
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
  const stores = createStores(bridge);
  const setupStore = stores.setup;
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
      <StoresContext.Provider value={stores}>
        <App footer={<LogFolderButton bridge={bridge} />} />
      </StoresContext.Provider>
    </StrictMode>,
  );
}
