import type { Capture, CaptureHost } from '@headroom/core';
import {
  collectCapture,
  createWslCli,
  createWslConfigStore,
  extraProbes,
  openBaselineLog,
} from '@headroom/host';
import type { VerifierDeps } from './verify-handlers';

/** The machine a verifier works on and where it keeps backups and baselines. */
export interface VerifierOptions {
  /** The environment of every wsl.exe call (the simulator's puts its fake programs first on PATH). */
  readonly env?: NodeJS.ProcessEnv;
  readonly host: CaptureHost & { readonly totalMemoryBytes: number; readonly logicalProcessors: number };
  readonly wslconfigPath: string;
  /** Backups of .wslconfig taken before each write. */
  readonly historyDir: string;
  /** The baselines of passing verifications. */
  readonly baselineFile: string;
  /** How long to wait for every distro to stop after `wsl --shutdown`; default 60 s. */
  readonly stopTimeoutMs?: number;
  /** The distro to boot and probe, or how to find it when it is asked (a setting); default: WSL's default distro. */
  readonly distro?: string | (() => string | undefined);
}

/** The distro option as collectCapture takes it, read now. */
function distroNow(distro: VerifierOptions['distro']): { distro?: string } {
  const name = typeof distro === 'function' ? distro() : distro;
  return name === undefined ? {} : { distro: name };
}

/** Build the verify loop's adapters over the real process runner: the app, the demo and the CLI use the same. */
export function createVerifier(options: VerifierOptions): VerifierDeps {
  const { env, host, wslconfigPath } = options;
  return {
    wsl: createWslCli(env ? { env } : {}),
    store: createWslConfigStore({ path: wslconfigPath, historyDir: options.historyDir }),
    host: { totalMemoryBytes: host.totalMemoryBytes, logicalProcessors: host.logicalProcessors },
    baselines: openBaselineLog(options.baselineFile),
    ...(options.stopTimeoutMs === undefined ? {} : { stopTimeoutMs: options.stopTimeoutMs }),
    collectBooted: () =>
      collectCapture({
        ...(env ? { env } : {}),
        host,
        wslconfigPath,
        extraProbes: extraProbes(),
        bootVm: true,
        ...distroNow(options.distro),
      }),
  };
}

/**
 * The light collection of the health check and the doctor: the standard probes without starting a stopped VM, and
 * `wsl --list --running` left out (the verbose list's states say the same), so it starts at most 4 wsl.exe.
 */
export function quietCollector(
  options: Pick<VerifierOptions, 'env' | 'host' | 'wslconfigPath' | 'distro'>,
): () => Promise<Capture> {
  return () =>
    collectCapture({
      ...(options.env ? { env: options.env } : {}),
      host: options.host,
      wslconfigPath: options.wslconfigPath,
      extraProbes: extraProbes(),
      bootVm: false,
      ...distroNow(options.distro),
      skipProbes: ['wsl-list-running'],
    });
}
