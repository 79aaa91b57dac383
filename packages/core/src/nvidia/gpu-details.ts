/** A process on a GPU, as `nvidia-smi -q` and `-q -x` list it. */
export interface GpuProcess {
  readonly pid: number;
  /** `C`, `G`, `C+G` (or `M` variants); null when not shown. */
  readonly type: string | null;
  readonly name: string | null;
  /**
   * Null under WDDM: `Not available in WDDM driver model` (text) or `N/A` (XML);
   * docs/gpu-tools.md "Per-process memory".
   */
  readonly usedMemoryMiB: number | null;
}

/** One GPU as `nvidia-smi -q` or `-q -x` describes it. Null = not reported (`N/A`) or absent in this version. */
export interface GpuDetails {
  /** The PCI bus id the section is headed with (`00000000:0C:00.0`). */
  readonly busId: string | null;
  readonly name: string | null;
  readonly uuid: string | null;
  /** `WDDM`, `TCC` or `MCDM` on Windows and inside WSL (WDDM); null on Linux (`N/A`). */
  readonly driverModel: string | null;
  readonly memoryTotalMiB: number | null;
  readonly memoryUsedMiB: number | null;
  /** Framebuffer memory the driver reserves; reported from XML DTD v11 (driver ~516) on. */
  readonly memoryReservedMiB: number | null;
  readonly memoryFreeMiB: number | null;
  readonly utilizationGpuPercent: number | null;
  readonly temperatureC: number | null;
  /** The board's power draw: the 1 s average where reported (Ampere+), else the instantaneous or legacy reading. */
  readonly powerDrawW: number | null;
  /** The processes section; [] when it says none; null when the output has none (older or trimmed output). */
  readonly processes: GpuProcess[] | null;
}

/** The driver-level facts and the GPUs of an `nvidia-smi -q` or `-q -x` report. */
export interface NvidiaSmiReport {
  /** `Driver Version`, or 610's `KMD Version` where printed. Inside WSL this is the Windows driver. */
  readonly driverVersion: string | null;
  /** `CUDA Version`, or 610's `CUDA UMD Version` where printed: the newest CUDA the driver supports. */
  readonly cudaVersion: string | null;
  /** How many GPUs the report says are attached; may differ from `gpus.length` in a trimmed or cut report. */
  readonly attachedGpus: number | null;
  readonly gpus: GpuDetails[];
}
