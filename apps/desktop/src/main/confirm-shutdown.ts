import { describeShutdownImpact } from '@headroom/core';
import { dialog } from 'electron';

/**
 * Ask before the tray shuts WSL down, naming the running distros, in the same words as the window's dialog.
 * Resolves true only when the user chose "Shut down"; Esc and closing the box cancel.
 */
export async function confirmShutdown(running: readonly string[]): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Headroom',
    message: 'Shut down WSL?',
    detail: describeShutdownImpact(running),
    buttons: ['Shut down', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
