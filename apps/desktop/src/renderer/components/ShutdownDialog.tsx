import { describeShutdownImpact } from '@headroom/core';
import { ConfirmDialog } from './ConfirmDialog';

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
  return (
    <ConfirmDialog
      open={open}
      title="Shut down WSL?"
      body={describeShutdownImpact(running)}
      confirmLabel="Shut down"
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
