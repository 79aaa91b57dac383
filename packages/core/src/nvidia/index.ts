/** nvidia-smi's outputs read into facts: the query CSV and its stream, the table, and its failures. */
export { parseNvidiaSmiBanner, type BannerGpu, type BannerProcess, type NvidiaSmiBanner } from './banner';
export { parseSmiCsv, type SmiCsvField, type SmiCsvTable } from './csv';
export { classifyNvidiaSmiFailure, type NvidiaSmiFailure, type NvidiaSmiFailureKind } from './errors';
export { parseGpuQueryCsv, type GpuQueryRow } from './gpu-query';
export { createGpuStreamParser, type GpuStreamOptions, type GpuStreamParser } from './gpu-stream';
