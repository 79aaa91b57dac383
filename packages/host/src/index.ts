/**
 * @headroom/host — the Node adapters through which Headroom touches Windows: a process runner that never uses a
 * shell and always has a timeout, and the wsl.exe calls built on it. Output stays raw bytes until core decodes it.
 */
export { killProcessTree } from './process/kill-tree';
export { ProcessError, type ProcessFailure } from './process/process-error';
export { toSignedExitCode, type ProcessResult } from './process/process-result';
export { runProcess, type ProcessRunner, type RunOptions } from './process/run-process';
export { createWslCli, type WslCli, type WslCliOptions } from './wsl/wsl-cli';
export { WslError, type WslFailure } from './wsl/wsl-error';
