import {
  CAPTURE_FORMAT,
  DISTRO_PROBE_COMMANDS,
  GPU_QUERY_FIELDS,
  buildDistroProbeScript,
  decodeConsoleOutput,
  parseWslListQuiet,
  parseWslListVerbose,
  splitDistroProbeOutput,
  type Capture,
  type CaptureHost,
  type DistroProbeId,
  type ProbeRecord,
} from '@headroom/core';
import { readFile } from 'node:fs/promises';
import { ProcessError } from '../process/process-error';
import { runProcess, type ProcessRunner } from '../process/run-process';

/** A command to capture: its probe id and argv (program first, found through PATH like Windows does). */
export interface ProbeCommand {
  readonly id: string;
  readonly argv: readonly [string, ...string[]];
}

/** What a collection needs from the outside world. */
export interface CollectOptions {
  readonly run?: ProcessRunner;
  /** Environment for every probe (the simulator's puts its fake programs first on PATH). */
  readonly env?: NodeJS.ProcessEnv;
  /** What Windows APIs report without a command. */
  readonly host: CaptureHost;
  /** The .wslconfig WSL reads. */
  readonly wslconfigPath: string;
  /**
   * Start the distro for the in-distro probes when it is stopped. Default false: a stopped distro stays stopped, even
   * when another one (docker-desktop) keeps the VM up, and its probes are reported as not collected.
   */
  readonly bootVm?: boolean;
  /** The distro to probe; default: WSL's default distro. */
  readonly distro?: string;
  /** Further commands to capture on the host (registry, event log). */
  readonly extraProbes?: readonly ProbeCommand[];
  readonly clock?: () => Date;
  /** Timeout of each host probe; the distro batch gets its own, longer one. */
  readonly timeoutMs?: number;
  /**
   * Standard host probes to leave out. `headroom doctor` leaves out `wsl-list-running` (the verbose list's states
   * say the same) to stay within 4 wsl.exe processes; `headroom collect` keeps the full set.
   */
  readonly skipProbes?: readonly string[];
}

const GPU_QUERY = `--query-gpu=${GPU_QUERY_FIELDS.join(',')}`;

/** The standard host probes of docs/architecture.md "Capture format". */
export const HOST_PROBES: readonly ProbeCommand[] = [
  { id: 'wsl-version', argv: ['wsl.exe', '--version'] },
  { id: 'wsl-list-verbose', argv: ['wsl.exe', '--list', '--verbose'] },
  { id: 'wsl-list-running', argv: ['wsl.exe', '--list', '--running', '--quiet'] },
  { id: 'wsl-status', argv: ['wsl.exe', '--status'] },
  { id: 'host-nvidia-smi', argv: ['nvidia-smi.exe'] },
  { id: 'host-nvidia-smi-query', argv: ['nvidia-smi.exe', GPU_QUERY, '--format=csv,nounits'] },
];

const BATCH_TIMEOUT_MS = 90_000;
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Run one probe and keep its raw result; a missing program or a timeout is recorded, never thrown. */
export async function runProbe(
  run: ProcessRunner,
  command: ProbeCommand,
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProbeRecord> {
  const base = { id: command.id, argv: command.argv };
  try {
    const result = await run(command.argv, {
      timeoutMs: options.timeoutMs,
      ...(options.env ? { env: options.env } : {}),
    });
    return {
      ...base,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      timedOut: false,
      stdout: result.stdout,
      stderr: result.stderr,
    };
  } catch (error) {
    if (!(error instanceof ProcessError)) throw error;
    const partial = error.result;
    return {
      ...base,
      exitCode: null,
      durationMs: partial?.durationMs ?? 0,
      timedOut: error.failure === 'timeout',
      stdout: partial?.stdout ?? new Uint8Array(),
      stderr: partial?.stderr ?? new Uint8Array(),
      ...(error.failure === 'not-found' ||
      error.failure === 'spawn-failed' ||
      error.failure === 'output-limit'
        ? { error: error.failure }
        : {}),
    };
  }
}

/**
 * Which distro the in-distro probes run in, and whether that distro itself runs, from the list probes. Another running
 * distro (Docker Desktop's `docker-desktop`) does not count: `wsl -d X` starts X and its services when X is stopped.
 */
function distroTarget(
  verbose: ProbeRecord,
  running: ProbeRecord | undefined,
  wanted: string | undefined,
): { name: string; running: boolean } | undefined {
  if (verbose.exitCode !== 0) return undefined;
  try {
    const distros = parseWslListVerbose(decodeConsoleOutput(verbose.stdout).text);
    const target =
      (wanted === undefined
        ? undefined
        : distros.find((distro) => distro.name.toLowerCase() === wanted.toLowerCase())) ??
      distros.find((distro) => distro.isDefault) ??
      distros[0];
    if (!target) return undefined;
    const runningNames =
      running?.exitCode === 0 ? parseWslListQuiet(decodeConsoleOutput(running.stdout).text) : [];
    const isTarget = (name: string): boolean => name.toLowerCase() === target.name.toLowerCase();
    return {
      name: target.name,
      running: target.state === 'Running' || runningNames.some(isTarget),
    };
  } catch {
    return undefined;
  }
}

/**
 * Collect a capture: the standard host probes, then (when the target distro itself runs, or `bootVm` says to start
 * it) every
 * in-distro probe in one batched `wsl -d X -e sh -c ...` split back into one record each, the extra probes, and the
 * raw .wslconfig. Everything is kept as raw bytes; nothing is judged here.
 */
export async function collectCapture(options: CollectOptions): Promise<Capture> {
  const run = options.run ?? runProcess;
  const clock = options.clock ?? (() => new Date());
  const probeOptions = {
    timeoutMs: options.timeoutMs ?? 20_000,
    ...(options.env ? { env: options.env } : {}),
  };
  const createdAt = clock().toISOString();
  const skipped = new Set(options.skipProbes ?? []);
  const hostRecords = await Promise.all(
    HOST_PROBES.filter((command) => !skipped.has(command.id)).map((command) =>
      runProbe(run, command, probeOptions),
    ),
  );
  const verbose = hostRecords.find((record) => record.id === 'wsl-list-verbose');
  const running = hostRecords.find((record) => record.id === 'wsl-list-running');
  const records: ProbeRecord[] = [...hostRecords];

  const target = verbose ? distroTarget(verbose, running, options.distro) : undefined;
  if (target && (target.running || options.bootVm === true)) {
    const batch = await runProbe(
      run,
      {
        id: 'distro-batch',
        argv: ['wsl.exe', '-d', target.name, '-e', 'sh', '-c', buildDistroProbeScript()],
      },
      { ...probeOptions, timeoutMs: BATCH_TIMEOUT_MS },
    );
    records.push(batch);
    const split = splitDistroProbeOutput(decodeConsoleOutput(batch.stdout).text);
    if (split.ok) {
      for (const [id, output] of Object.entries(split.value)) {
        records.push({
          id,
          argv: ['wsl.exe', '-d', target.name, '-e', 'sh', '-c', DISTRO_PROBE_COMMANDS[id as DistroProbeId]],
          exitCode: output.exitCode,
          durationMs: batch.durationMs,
          timedOut: output.exitCode === null,
          stdout: utf8(output.stdout),
          stderr: utf8(output.stderr),
        });
      }
    }
  }
  for (const command of options.extraProbes ?? []) records.push(await runProbe(run, command, probeOptions));

  let wslconfig: Uint8Array | undefined;
  try {
    wslconfig = new Uint8Array(await readFile(options.wslconfigPath));
  } catch {
    wslconfig = undefined;
  }
  return {
    format: CAPTURE_FORMAT,
    createdAt,
    host: options.host,
    probes: records,
    ...(wslconfig ? { wslconfig } : {}),
  };
}
