/**
 * The doctor's rules, one file per area with one test file each: WSL itself, .wslconfig, memory (the VM's and the
 * GPU's), where models live, reaching the GPU, and the GPU driver stack. Their sources are in sources.ts, and what
 * the GPU rules read from a capture in gpu-facts.ts.
 */
import type { Rule } from '../rule';
import {
  cudaVersionError,
  driverMismatch,
  driverTooOld,
  kernelTooOld,
  linuxDriverInDistro,
  runtimeDriverTooOld,
} from './gpu-driver';
import {
  gpuPassthroughMissing,
  hostGpuTcc,
  hostNvidiaSmiFailed,
  noNvidiaGpu,
  passthroughHang,
  passthroughSlow,
} from './gpu-passthrough';
import { memoryCeiling, vramHeadroomLow, wslconfigNotApplied } from './memory';
import { modelsOn9p } from './runtime';
import { wsl1Distro, wslNotInstalled } from './wsl';
import { lowDiskSpace } from './disk';
import {
  autoreclaimGradual,
  mirroredNeedsNewerWindows,
  wslconfigIgnoredLines,
  wslconfigMisplaced,
} from './wslconfig';

/** The rules about WSL itself, .wslconfig, memory and where models live. */
export const SETUP_RULES: readonly Rule[] = [
  wslNotInstalled,
  wsl1Distro,
  wslconfigIgnoredLines,
  wslconfigMisplaced,
  wslconfigNotApplied,
  memoryCeiling,
  autoreclaimGradual,
  mirroredNeedsNewerWindows,
  modelsOn9p,
  lowDiskSpace,
];

/** Every GPU rule, in the order their findings are most useful to read. */
export const GPU_RULES: readonly Rule[] = [
  noNvidiaGpu,
  hostNvidiaSmiFailed,
  gpuPassthroughMissing,
  hostGpuTcc,
  driverTooOld,
  runtimeDriverTooOld,
  driverMismatch,
  linuxDriverInDistro,
  cudaVersionError,
  kernelTooOld,
  passthroughHang,
  passthroughSlow,
  vramHeadroomLow,
];
