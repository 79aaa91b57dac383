/**
 * The in-distro probes (docs/architecture.md "Capture format"): their shell commands, the one batched script that runs
 * them all through a single `wsl -d X -e sh -c …`, the splitter of its output, and a parser per probe. Pure: text in,
 * facts out.
 */
export {
  buildDistroProbeScript,
  distroProbeBatchCommand,
  PROBE_MARKER,
  shellQuote,
  splitDistroProbeOutput,
  type DistroProbeBlock,
} from './batch';
export {
  DISTRO_NVIDIA_SMI,
  DISTRO_PROBE_COMMANDS,
  DISTRO_PROBE_TIMEOUT_SECONDS,
  LIBCUDA_DIRS,
  WSL_LIB_DIR,
  type DistroProbeId,
} from './commands';
export { readDistroFacts, type DistroFacts } from './facts';
export { parseLibcuda, type LdconfigEntry, type LibcudaFacts, type LibcudaFile } from './libcuda';
export { parseMeminfo, type Meminfo } from './meminfo';
export { findMountFor, parseMounts, type Mount, type MountKind } from './mounts';
export { parseNproc } from './nproc';
export {
  classifyNvidiaPackage,
  parseNvidiaPackages,
  type NvidiaPackage,
  type NvidiaPackageKind,
  type NvidiaPackages,
  type PackageManager,
} from './nvidia-packages';
export { parseOsRelease, type OsRelease } from './os-release';
export { compareKernelVersions, parseUname, type KernelRelease } from './uname';
export { parseWslConf, type WslConf, type WslConfEntry } from './wsl-conf';
export { parseModelDirs, type ModelDir } from './model-dirs';
