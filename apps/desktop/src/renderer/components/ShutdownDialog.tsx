import { describeShutdownImpact } from '@headroom/core';
import { useId, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** What the shutdown confirmation needs: which distros will stop, and what to do on each answer. */
export interface ShutdownDialogProps {
  readonly open: boolean;
  readonly running: readonly string[];
  /** "Shut down", with whether "don't ask again" was ticked. */
  readonly onConfirm: (dontAskAgain: boolean) => void;
  readonly onCancel: () => void;
  /** Offer "don't ask again" (the shutdowns Headroom does on its own while applying or verifying). */
  readonly offerDontAsk?: boolean;
}

/**
 * Ask before stopping work: names the running distros and says what stops with them, with "don't ask again" (undone
 * in Settings). A native modal dialog, so focus is trapped, Esc cancels and Enter confirms (the confirm button has
 * focus).
 */
export function ShutdownDialog({
  open,
  running,
  onConfirm,
  onCancel,
  offerDontAsk = false,
}: ShutdownDialogProps) {
  const [dontAsk, setDontAsk] = useState(false);
  const id = useId();
  return (
    <ConfirmDialog
      open={open}
      title="Shut down WSL?"
      body={describeShutdownImpact(running)}
      confirmLabel="Shut down"
      danger
      onConfirm={() => onConfirm(offerDontAsk && dontAsk)}
      onCancel={onCancel}
    >
      {offerDontAsk ? (
        <p className="dialog__option">
          <input
            id={id}
            type="checkbox"
            checked={dontAsk}
            onChange={(event) => setDontAsk(event.target.checked)}
          />{' '}
          <label htmlFor={id}>Don’t ask again (Settings can turn the question back on)</label>
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
