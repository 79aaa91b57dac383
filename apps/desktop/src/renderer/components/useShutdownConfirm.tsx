import { useContext, useState, type ReactElement } from 'react';
import { setShutdownWithoutAsking, shutdownWithoutAsking } from '../state/shutdown-preference';
import { StoresContext } from '../state/store-context';
import { ShutdownDialog } from './ShutdownDialog';

/**
 * Ask before stopping work: `ask()` reads which distributions run (waiting for the list when it has not loaded
 * yet, never taking "not loaded" for "nothing runs"), goes on at once (`proceed(false)`) when none does, and
 * otherwise opens the dialog naming them, whose "Shut down" goes on with `proceed(true)`. A user who chose "don't
 * ask again" is not asked. Render `dialog` once in the component; `asking` is true while the list is read.
 */
export function useShutdownConfirm(proceed: (stopRunning: boolean) => void): {
  ask: () => void;
  asking: boolean;
  dialog: ReactElement;
} {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('Headroom’s components need a StoresContext provider.');
  const [running, setRunning] = useState<readonly string[] | undefined>();
  const [asking, setAsking] = useState(false);
  const ask = async (): Promise<void> => {
    setAsking(true);
    const names = await stores.wsl.getState().running();
    setAsking(false);
    // A list that could not be read is asked about: something may run.
    if (names?.length === 0) proceed(false);
    else if (shutdownWithoutAsking()) proceed(true);
    else setRunning(names ?? []);
  };
  return {
    ask: () => void ask(),
    asking,
    dialog: (
      <ShutdownDialog
        open={running !== undefined}
        running={running ?? []}
        offerDontAsk
        onCancel={() => setRunning(undefined)}
        onConfirm={(dontAskAgain) => {
          setRunning(undefined);
          if (dontAskAgain) setShutdownWithoutAsking(true);
          proceed(true);
        }}
      />
    ),
  };
}
