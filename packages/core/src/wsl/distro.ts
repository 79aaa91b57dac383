/**
 * The states `wsl --list --verbose` prints. WSL hard-codes them in English whatever the display language
 * (microsoft/WSL src/windows/inc/wsl.h), which is why that table is safe to parse.
 */
export const DISTRO_STATES = [
  'Running',
  'Stopped',
  'Installing',
  'Uninstalling',
  'Converting',
  'Exporting',
] as const;

/** A state from {@link DISTRO_STATES}, or `Unknown` for a word a future WSL may add. */
export type DistroState = (typeof DISTRO_STATES)[number] | 'Unknown';

/** One registered WSL distribution as `wsl --list --verbose` reports it. */
export interface WslDistro {
  readonly name: string;
  readonly isDefault: boolean;
  readonly state: DistroState;
  /** 1 for the WSL 1 translation layer (no GPU, no memory limit), 2 for the VM. */
  readonly version: 1 | 2;
}
