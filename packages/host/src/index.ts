/**
 * @headroom/host — the Node adapters through which Headroom touches Windows: a process runner that never uses a
 * shell and always has a timeout, the wsl.exe calls built on it, and the .wslconfig file store (the file WSL really
 * reads, the usual misplaced copies, atomic writes, backups and history). Output stays raw bytes until core decodes it.
 */
export { killProcessTree } from './process/kill-tree';
export { ProcessError, type ProcessFailure } from './process/process-error';
export { toSignedExitCode, type ProcessResult } from './process/process-result';
export { runProcess, type ProcessRunner, type RunOptions } from './process/run-process';
export { createWslCli, type WslCli, type WslCliOptions } from './wsl/wsl-cli';
export { WslError, type WslFailure } from './wsl/wsl-error';
export {
  cleanStaleTempFiles,
  writeFileAtomic,
  type CleanStaleTempFilesOptions,
} from './wslconfig/atomic-write';
export {
  WslConfigConflictError,
  WslConfigFileError,
  WslConfigHistoryError,
  type WslConfigFileFailure,
  type WslConfigHistoryFailure,
} from './wslconfig/errors';
export { lockFileFor, processIsAlive, withFileLock, type FileLockOptions } from './wslconfig/file-lock';
export {
  nodeFsOps,
  readRegularFile,
  type FileHandleLike,
  type FileStatLike,
  type FsOps,
  type ReadFileOptions,
  type StatLike,
} from './wslconfig/fs-ops';
export { sha256Hex, type HistoryEntry } from './wslconfig/history';
export {
  headroomDataDir,
  locateWslConfig,
  type HeadroomDataDirOptions,
  type LocateWslConfigOptions,
  type WslConfigLocation,
} from './wslconfig/locate';
export {
  findMisplacedConfigs,
  type FindMisplacedOptions,
  type MisplacedConfig,
  type MisplacedKind,
} from './wslconfig/misplaced';
export {
  ABSENT_HASH,
  createWslConfigStore,
  MAX_WSLCONFIG_BYTES,
  type WslConfigSnapshot,
  type WslConfigStore,
  type WslConfigStoreOptions,
  type WslConfigWriteOptions,
} from './wslconfig/store';
export * from './capture';
export { openBaselineLog, type BaselineLog } from './verify/baseline-log';
export { GGUF_HEADER_READ_LIMIT, readGgufFile, type GgufRead } from './gguf/read-gguf-file';
export { openJsonDocument, type JsonDocument } from './settings/json-document';
export { startStream, type RunningStream, type StreamOptions } from './process/line-stream';
export { OLLAMA_DEFAULT_URL, ollamaPsReader, type OllamaModel } from './ollama/ollama-ps';
export { ollamaApiClient, type OllamaApi } from './ollama/ollama-api';
export { VMMEM_WATCH_COMMAND } from './metrics/vmmem-command';
export { envValue, resolveWindowsProgram, type ResolveProgramOptions } from './process/windows-programs';
export { openRollingCsvLog, type RollingCsvLog, type RollingCsvLogOptions } from './metrics/rolling-csv-log';
export { describeError, memoryLog, nullLog, type Log, type LogLevel, type LogLine } from './log/log';
export { openRollingFile, type RollingFile, type RollingFileOptions } from './log/rolling-file';
export {
  formatLogLine,
  logLevelFrom,
  openFileLog,
  streamLog,
  teeLog,
  type FileLog,
  type FileLogOptions,
} from './log/file-log';
export {
  dataFolderLayout,
  historyDirFor,
  resolveDataDir,
  wslconfigPathId,
  type DataFolderLayout,
} from './data-folder/data-folder';
export { migrateDataFolder, type MigrationReport } from './data-folder/migrate';
export {
  driveOf,
  fixedHostFacts,
  isNvidia,
  systemInformationHostFacts,
  windowsHostFacts,
  type DriveSpace,
  type GpuController,
  type HostFacts,
  type HostFactsData,
  type PowerState,
  type SystemInformation,
  type WindowsEdition,
} from './host-facts/host-facts';
