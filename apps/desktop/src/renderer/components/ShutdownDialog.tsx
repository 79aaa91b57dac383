import { describeShutdownImpact } from '@headroom/core';
import { useEffect, useRef } from 'react';

/** What the shutdown confirmation needs: which distros will stop, and what to do on each answer. */
export interface ShutdownDialogProps {
  readonly open: boolean;
  readonly running: readonly string[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * Ask before stopping work: names the running distros and says what stops with them. A native modal dialog, so
 * focus is trapped, Esc cancels and Enter confirms (the confirm button has focus).
 */
export function ShutdownDialog({ open, running, onConfirm, onCancel }: ShutdownDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shutdown-title"
      aria-describedby="shutdown-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="shutdown-title">Shut down WSL?</h2>
      <p id="shutdown-body">{describeShutdownImpact(running)}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--danger" autoFocus onClick={onConfirm}>
          Shut down
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
