/**
 * Windows-side facts read with `reg query` (research/windows-events.md §5): the probes' argument lists, reg.exe's
 * output parser, and the typed facts. Pure: decoded text and exit codes in, facts out.
 */
export {
  getRegNumber,
  getRegString,
  getRegValue,
  parseRegQuery,
  REG_VALUE_TYPES,
  type RegKey,
  type RegQueryResult,
  type RegValue,
  type RegValueType,
} from './reg-query';
export {
  DISPLAY_CLASS_KEY,
  GRAPHICS_DRIVERS_KEY,
  HVCI_KEY,
  nvidiaVersionFromDriverVersion,
  readDisplayDrivers,
  readGpuScheduling,
  readMemoryIntegrity,
  readShellFolders,
  readWindowsFacts,
  readWindowsVersion,
  REG_PROBE_IDS,
  REG_PROBES,
  USER_SHELL_FOLDERS_KEY,
  WINDOWS_RELEASES,
  WINDOWS_VERSION_KEY,
  windowsReleaseOfBuild,
  type DisplayAdapter,
  type DisplayDriversFact,
  type GpuSchedulingFact,
  type MemoryIntegrityFact,
  type RegProbe,
  type RegProbeId,
  type RegProbeOutput,
  type ShellFoldersFact,
  type UserFolder,
  type WindowsFacts,
  type WindowsVersionFact,
} from './windows-facts';
