import {
  decodeConsoleOutput,
  parseWslListQuiet,
  parseWslListVerbose,
  wslStubAnswer,
  type WslDistro,
} from '@headroom/core';
import { ProcessError } from '../process/process-error';
import type { ProcessResult } from '../process/process-result';
import { runProcess, type ProcessRunner } from '../process/run-process';
import { WslError } from './wsl-error';

/** How to reach wsl.exe. Tests and the simulator pass their own runner or environment. */
export interface WslCliOptions {
  readonly run?: ProcessRunner;
  /** Program name or path; a bare `wsl.exe` runs from `%SystemRoot%\System32` (see resolveWindowsProgram). */
  readonly executable?: string;
  /** Environment for wsl.exe; the simulator puts its fake wsl.exe first on this PATH. */
  readonly env?: NodeJS.ProcessEnv;
  /** Ask wsl.exe for UTF-8 (WSL_UTF8=1). The decoder reads UTF-16LE anyway, for the inbox wsl.exe that ignores it. */
  readonly utf8?: boolean;
  readonly timeoutMs?: number;
}

/** The wsl.exe calls Headroom makes. Every method builds its own argv: callers never pass a command line. */
export interface WslCli {
  /** Distros with name, default marker, state and version, from `wsl --list --verbose`. */
  listDistros(): Promise<WslDistro[]>;
  /** Names of running distros from `wsl --list --running --quiet`, the reliable "is anything running" probe. */
  listRunning(): Promise<string[]>;
  /** `wsl --shutdown`: stops every distro and the VM; returns once the VM is gone. */
  shutdown(): Promise<void>;
  /** Run a program inside a distro without a shell (`wsl -d NAME -e ...`). This boots the VM when it is stopped. */
  exec(
    distro: string,
    command: readonly [string, ...string[]],
    options?: { timeoutMs?: number },
  ): Promise<ProcessResult>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const SHUTDOWN_TIMEOUT_MS = 90_000;

/** Build a {@link WslCli} over the real process runner (or the one given). */
export function createWslCli(options: WslCliOptions = {}): WslCli {
  const run = options.run ?? runProcess;
  const executable = options.executable ?? 'wsl.exe';
  const baseEnv = options.env ?? process.env;
  const env = options.utf8 === false ? baseEnv : { ...baseEnv, WSL_UTF8: '1' };

  async function call(
    args: readonly string[],
    timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  ): Promise<ProcessResult> {
    try {
      return await run([executable, ...args], { timeoutMs, env });
    } catch (error) {
      if (!(error instanceof ProcessError)) throw error;
      if (error.failure === 'not-found') {
        throw new WslError(
          'not-installed',
          'wsl.exe was not found: the Windows Subsystem for Linux is not installed.',
        );
      }
      if (error.failure === 'timeout') {
        const output = error.result ? describeOutput(error.result) : '';
        throw new WslError(
          'timeout',
          `wsl ${args.join(' ')} did not answer within ${timeoutMs / 1000} s.`,
          null,
          output,
        );
      }
      throw new WslError('failed', error.message);
    }
  }

  async function callChecked(args: readonly string[], timeoutMs?: number): Promise<string> {
    const result = await call(args, timeoutMs);
    const output = describeOutput(result);
    const stub = wslStubAnswer(result.exitCode);
    if (stub !== undefined) {
      throw new WslError(
        'not-installed',
        stub === 'no-kernel'
          ? `The Windows Subsystem for Linux is not installed: wsl.exe has no kernel to run (exit code ${String(result.exitCode)}). Run wsl --install.`
          : `The Windows Subsystem for Linux is not installed: wsl.exe is only Windows' stub (exit code ${String(result.exitCode)}). Run wsl --install.`,
        result.exitCode,
        output,
      );
    }
    if (result.exitCode !== 0) {
      const said = firstLine(output);
      throw new WslError(
        'failed',
        `wsl ${args.join(' ')} failed (exit code ${String(result.exitCode)})${said ? `: ${said}` : '.'}`,
        result.exitCode,
        output,
      );
    }
    return decodeConsoleOutput(result.stdout).text;
  }

  return {
    async listDistros() {
      const text = await callChecked(['--list', '--verbose']);
      try {
        return parseWslListVerbose(text);
      } catch (error) {
        throw new WslError(
          'unreadable-output',
          `wsl --list --verbose printed something unexpected: ${String(error)}`,
          0,
          text,
        );
      }
    },
    async listRunning() {
      return parseWslListQuiet(await callChecked(['--list', '--running', '--quiet']));
    },
    async shutdown() {
      await callChecked(['--shutdown'], SHUTDOWN_TIMEOUT_MS);
    },
    exec(distro, command, execOptions = {}) {
      return call(['-d', distro, '-e', ...command], execOptions.timeoutMs);
    },
  };
}

function describeOutput(result: ProcessResult): string {
  return [decodeConsoleOutput(result.stdout).text, decodeConsoleOutput(result.stderr).text]
    .filter((part) => part.trim() !== '')
    .join('\n');
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}
