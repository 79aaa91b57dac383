/** The event providers Headroom reads, by the `System/Provider/@Name` Windows writes. */
export const PROVIDERS = {
  windowsUpdate: 'Microsoft-Windows-WindowsUpdateClient',
  userPnp: 'Microsoft-Windows-UserPnp',
  display: 'Display',
  nvlddmkm: 'nvlddmkm',
  applicationError: 'Application Error',
  errorReporting: 'Windows Error Reporting',
  kernelPower: 'Microsoft-Windows-Kernel-Power',
  kernelGeneral: 'Microsoft-Windows-Kernel-General',
  user32: 'User32',
  eventLog: 'EventLog',
  serviceControlManager: 'Service Control Manager',
} as const;

/** One of the provider names in {@link PROVIDERS}. */
export type KnownProvider = (typeof PROVIDERS)[keyof typeof PROVIDERS];

/** Provider names compare without regard to case, as the event log does. */
export function sameProvider(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
