import { spawn, type ChildProcess } from 'node:child_process';
import { killProcessTree } from './kill-tree';
import { childSpawnOptions, trackChild } from './run-process';
import { resolveWindowsProgram } from './windows-programs';

/** A long-lived program whose output is read as it comes (nvidia-smi's `-lms` loop, the in-distro sampler). */
export interface StreamOptions {
  readonly argv: readonly [string, ...string[]];
  readonly env?: NodeJS.ProcessEnv;
  /** Decoded stdout (UTF-8), in chunks of any size. */
  readonly onText: (text: string) => void;
  /** The program ended by itself or could not start; the tail of its stderr says why. Not called after `stop()`. */
  readonly onExit: (exitCode: number | null, stderrTail: string) => void;
}

/** A running stream. */
export interface RunningStream {
  /** Kill the program and its tree; `onExit` is not called for it. */
  stop(): void;
  /** The program's process id, while it could be started. */
  readonly pid?: number | undefined;
}

const STDERR_TAIL = 4_096;

/**
 * Start a program that keeps printing, with no shell and a hidden console, read line-ready as UTF-8. It is killed
 * with its tree on `stop()` or when this process exits. When this process is killed outright (a crash, Task Manager,
 * an installer), Windows ends the program itself (libuv's kill-on-close job holds every child not started detached),
 * and its stdin, a pipe only this process holds, reaches its end: programs that watch it (the in-distro reader, core's
 * SAMPLER_STDIN_WATCH; the PowerShell loop, VMMEM_WATCH_COMMAND) leave too, so a stream never outlives Headroom.
 */
export function startStream(options: StreamOptions): RunningStream {
  const [file, ...args] = options.argv;
  let stopped = false;
  let ended = false;
  let stderr = '';
  const end = (code: number | null): void => {
    if (ended || stopped) return;
    ended = true;
    options.onExit(code, stderr.slice(-STDERR_TAIL));
  };
  let child: ChildProcess;
  try {
    const env = options.env ?? process.env;
    // A stdin pipe held open and never written: it ends only when this process is gone, however it ended, which
    // tells the in-distro reader and the PowerShell loop (which Windows' job does not reach, or might not) to leave.
    child = spawn(resolveWindowsProgram(file, env), args, childSpawnOptions(env, { stdin: 'pipe' }));
  } catch (error) {
    queueMicrotask(() => end(null));
    stderr = String(error);
    return { stop: () => undefined };
  }
  trackChild(child);
  // A program that ignores stdin and exits leaves the pipe broken; that is no error of the stream.
  child.stdin?.on('error', () => undefined);
  const decoder = new TextDecoder('utf-8');
  child.stdout?.on('data', (chunk: Buffer) => {
    if (!stopped) options.onText(decoder.decode(chunk, { stream: true }));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
  });
  child.on('error', (error) => {
    stderr = `${stderr}${error.message}`;
    end(null);
  });
  child.on('close', (code) => end(code));
  return {
    pid: child.pid,
    stop() {
      if (stopped) return;
      stopped = true;
      killProcessTree(child);
    },
  };
}
