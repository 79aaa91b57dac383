/** nvidia-smi's outputs read into facts: the query CSV and its stream, the table, -q and XML, and its failures. */
export { parseNvidiaSmiBanner, type BannerGpu, type BannerProcess, type NvidiaSmiBanner } from './banner';
export { parseComputeAppsCsv, type ComputeApp } from './compute-apps';
export { parseSmiCsv, type SmiCsvField, type SmiCsvTable } from './csv';
export { parseDmon, type DmonColumn, type DmonOutput, type DmonSample } from './dmon';
export { classifyNvidiaSmiFailure, type NvidiaSmiFailure, type NvidiaSmiFailureKind } from './errors';
export type { GpuDetails, GpuProcess, NvidiaSmiReport } from './gpu-details';
export { parseGpuQueryCsv, type GpuQueryRow } from './gpu-query';
export { createGpuStreamParser, type GpuStreamOptions, type GpuStreamParser } from './gpu-stream';
export {
  parseHelpQueryGpu,
  parseNvidiaSmiHelp,
  unsupportedQueryFields,
  type NvidiaSmiHelp,
  type QueryGpuProperty,
} from './help';
export {
  parseLdconfigNvml,
  WSL_DRIVER_LIBRARY_DIR,
  type NvmlCacheEntry,
  type NvmlLibraries,
} from './ldconfig';
export { parseNvidiaSmiList, type ListedGpu, type MigDevice } from './list-gpus';
export { parseNvidiaSmiQuery, parseNvidiaSmiQueryProcesses, type NvidiaSmiQueryReport } from './query-text';
export { parseNvidiaSmiVersion, type NvidiaSmiVersion } from './version';
export { parseNvidiaSmiXml } from './xml';
