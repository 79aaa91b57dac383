/**
 * The standard probes of a capture (docs/architecture.md "Capture format"), by id. Host-side probes run on Windows;
 * distro probes run inside the default distro in one batched `wsl -d X -e sh -c ...` and are split back into one record
 * each.
 */
export const HOST_PROBE_IDS = [
  'wsl-version',
  'wsl-list-verbose',
  'wsl-list-running',
  'wsl-status',
  'host-nvidia-smi',
  'host-nvidia-smi-query',
] as const;

/** Probes that run inside the default distro. */
export const DISTRO_PROBE_IDS = [
  'distro-meminfo',
  'distro-nproc',
  'distro-uname',
  'distro-os-release',
  'distro-nvidia-smi',
  'distro-nvidia-smi-query',
  'distro-libcuda',
  'distro-nvidia-packages',
  'distro-wsl-conf',
  'distro-mounts',
  'distro-model-dirs',
] as const;

/** Every standard probe id. */
export const STANDARD_PROBE_IDS = [...HOST_PROBE_IDS, ...DISTRO_PROBE_IDS] as const;

/** A standard probe id. */
export type StandardProbeId = (typeof STANDARD_PROBE_IDS)[number];

/**
 * The fields of the `-query` probes, in order (docs/architecture.md "Capture format"), used with
 * `--format=csv,nounits`.
 */
export const GPU_QUERY_FIELDS = [
  'index',
  'name',
  'uuid',
  'driver_version',
  'driver_model.current',
  'memory.total',
  'memory.used',
  'memory.reserved',
  'utilization.gpu',
  'temperature.gpu',
  'power.draw',
] as const;
