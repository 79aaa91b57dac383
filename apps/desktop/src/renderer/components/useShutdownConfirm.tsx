import { useState, type ReactElement } from 'react';
import { useWsl } from '../state/store-context';
import { ShutdownDialog } from './ShutdownDialog';

/**
 * Ask before stopping work: `ask()` goes on at once (`proceed(false)`) when no distribution runs, else opens the
 * dialog naming them, whose "Shut down" goes on with `proceed(true)`. Render `dialog` once in the component.
 */
export function useShutdownConfirm(proceed: (stopRunning: boolean) => void): {
  ask: () => void;
  dialog: ReactElement;
} {
  const distros = useWsl((s) => s.snapshot?.distros);
  const [open, setOpen] = useState(false);
  const running = distros?.filter((d) => d.state === 'Running').map((d) => d.name) ?? [];
  return {
    ask: () => (running.length > 0 ? setOpen(true) : proceed(false)),
    dialog: (
      <ShutdownDialog
        open={open}
        running={running}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          proceed(true);
        }}
      />
    ),
  };
}
