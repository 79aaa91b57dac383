function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * What `wsl --shutdown` will stop, in the words every confirmation uses (the window's dialog and the tray's):
 * the running distros by name, and what goes down with them.
 */
export function describeShutdownImpact(running: readonly string[]): string {
  if (running.length === 0)
    return 'No distribution is running. Shutting down also stops the WSL virtual machine.';
  return `This stops ${listNames(running)}. Programs running inside (model servers, shells, containers) stop too, and unsaved work in them is lost.`;
}
