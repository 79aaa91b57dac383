/**
 * The GPU rules of the doctor: whether the distro can reach the GPU at all, the driver (version, age, a Linux one in
 * the distro, CUDA errors), the WSL kernel, how fast passthrough answers, VRAM headroom and the host's driver model.
 */
import type { Rule } from '../../rule';
import { cudaVersionError } from './cuda-version-error';
import { driverMismatch } from './driver-mismatch';
import { driverTooOld } from './driver-too-old';
import { hostGpuTcc } from './host-gpu-tcc';
import { kernelTooOld } from './kernel-too-old';
import { linuxDriverInDistro } from './linux-driver-in-distro';
import { gpuPassthroughMissing, noNvidiaGpu } from './passthrough-missing';
import { passthroughHang, passthroughSlow } from './passthrough-timing';
import { vramHeadroomLow } from './vram-headroom';

export { cudaVersionError } from './cuda-version-error';
export { driverMismatch } from './driver-mismatch';
export { driverTooOld } from './driver-too-old';
export { hostGpuTcc } from './host-gpu-tcc';
export { kernelTooOld } from './kernel-too-old';
export { linuxDriverInDistro } from './linux-driver-in-distro';
export { gpuPassthroughMissing, noNvidiaGpu } from './passthrough-missing';
export { passthroughHang, passthroughSlow } from './passthrough-timing';
export { vramHeadroomLow } from './vram-headroom';

/** Every GPU rule, in the order their findings are most useful to read. */
export const GPU_RULES: readonly Rule[] = [
  noNvidiaGpu,
  gpuPassthroughMissing,
  hostGpuTcc,
  driverTooOld,
  driverMismatch,
  linuxDriverInDistro,
  cudaVersionError,
  kernelTooOld,
  passthroughHang,
  passthroughSlow,
  vramHeadroomLow,
];
