import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { killProcessTree } from './kill-tree';
import { ProcessError } from './process-error';
import { toSignedExitCode, type ProcessResult } from './process-result';
import { resolveWindowsProgram } from './windows-programs';

/** How to run one process. There is no shell option on purpose: argv goes to the program as it is. */
export interface RunOptions {
  /** Hard limit; the whole process tree is killed when it passes. */
  readonly timeoutMs: number;
  /** Cap on stdout + stderr together; the tree is killed when output passes it. Default 8 MiB. */
  readonly maxOutputBytes?: number;
  /** The complete environment of the child (defaults to this process's). */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly signal?: AbortSignal;
}

/** Runs a program and resolves with its raw output; the seam through which every OS probe passes. */
export type ProcessRunner = (
  argv: readonly [string, ...string[]],
  options: RunOptions,
) => Promise<ProcessResult>;

const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** Children still running, so that none outlives this process when it exits. */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kill `child` with its tree when this process exits, so no probe or stream outlives the app. */
export function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => liveChildren.forEach((c) => killProcessTree(c)));
  }
}

/**
 * How every program Headroom starts is spawned: never through a shell, with no console window, stdout and stderr
 * piped. Off Windows in its own process group (so its whole tree can be killed); never detached on Windows, where
 * libuv puts a non-detached child in its kill-on-close job, so Windows ends it with Headroom however Headroom ends.
 * `stdin` is closed, or (for long-lived streams) a pipe this process holds and never writes, which reaches end of
 * file only when this process is gone.
 */
export function childSpawnOptions(
  env: NodeJS.ProcessEnv,
  options: { readonly cwd?: string | undefined; readonly stdin?: 'ignore' | 'pipe' } = {},
): SpawnOptions {
  return {
    shell: false,
    windowsHide: true,
    detached: process.platform !== 'win32',
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  };
}

/**
 * Run a program with an argument array (never a shell), hidden console window, a timeout that kills the whole
 * process tree, and an output cap. Windows' own programs named bare (`wsl.exe`, `reg.exe`, `nvidia-smi.exe`, …) run
 * from their absolute path ({@link resolveWindowsProgram}), never through PATH. Resolves whatever the exit code; rejects with a typed {@link ProcessError} when
 * the program is missing, cannot start, times out, floods its output or is aborted.
 */
export const runProcess: ProcessRunner = (argv, options) => {
  const [file, ...args] = argv;
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const started = performance.now();

  return new Promise<ProcessResult>((resolve, reject) => {
    let child: ChildProcess;
    try {
      const env = options.env ?? process.env;
      child = spawn(resolveWindowsProgram(file, env), args, childSpawnOptions(env, { cwd: options.cwd }));
    } catch (error) {
      reject(new ProcessError('spawn-failed', argv, `Could not start ${file}: ${String(error)}`));
      return;
    }
    trackChild(child);

    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let outputBytes = 0;
    let stopReason: 'timeout' | 'output-limit' | 'aborted' | undefined;

    const snapshot = (exitCode: number | null, signal: string | null): ProcessResult => ({
      argv,
      exitCode: toSignedExitCode(exitCode),
      signal,
      stdout: new Uint8Array(Buffer.concat(stdout)),
      stderr: new Uint8Array(Buffer.concat(stderr)),
      durationMs: performance.now() - started,
    });

    const stop = (reason: NonNullable<typeof stopReason>): void => {
      if (stopReason) return;
      stopReason = reason;
      killProcessTree(child);
    };

    const collect = (sink: Buffer[]) => (chunk: Buffer) => {
      outputBytes += chunk.length;
      if (outputBytes > maxOutputBytes) {
        stop('output-limit');
        return;
      }
      sink.push(chunk);
    };
    child.stdout?.on('data', collect(stdout));
    child.stderr?.on('data', collect(stderr));

    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = (): void => stop('aborted');
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };

    child.once('error', (error: NodeJS.ErrnoException) => {
      finish();
      const failure = error.code === 'ENOENT' ? 'not-found' : 'spawn-failed';
      const message =
        failure === 'not-found' ? `${file} was not found.` : `Could not start ${file}: ${error.message}`;
      reject(new ProcessError(failure, argv, message));
    });

    child.once('close', (code, signal) => {
      finish();
      const result = snapshot(code, signal);
      if (!stopReason) {
        resolve(result);
        return;
      }
      const messages = {
        timeout: `${file} did not finish within ${options.timeoutMs} ms and was stopped.`,
        'output-limit': `${file} printed more than ${maxOutputBytes} bytes and was stopped.`,
        aborted: `${file} was cancelled.`,
      };
      reject(new ProcessError(stopReason, argv, messages[stopReason], result));
    });
  });
};
