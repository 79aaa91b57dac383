import { checkWslConfig, type WslConfigCheck } from '../wslconfig';
import { readDistroFacts, splitDistroProbeOutput, type DistroFacts, type DistroProbeBlock } from '../distro';
import { parseWindowsEvents, type WindowsEvent } from '../eventlog';
import {
  classifyNvidiaSmiFailure,
  parseGpuQueryCsv,
  parseNvidiaSmiBanner,
  type GpuQueryRow,
  type NvidiaSmiBanner,
  type NvidiaSmiFailure,
} from '../nvidia';
import { parseSafely, parsed, unreadable, type Parsed, type Unreadable } from '../probe/parse-result';
import { STANDARD_PROBE_IDS } from '../probe/probe-ids';
import { decodeConsoleOutput } from '../text/decode-console';
import { decodeOemOutput } from '../text/decode-oem';
import {
  readOemCodePage,
  readWindowsFacts,
  REG_PROBE_IDS,
  type RegProbeId,
  type RegProbeOutput,
  type WindowsFacts,
} from '../windows';
import type { WslDistro } from '../wsl/distro';
import { parseWslListQuiet, readWslListVerbose } from '../wsl/list-verbose';
import { classifyWslError, type WslError } from '../wsl/wsl-error';
import { parseWslStatus, parseWslWarnings, type WslStatus } from '../wsl/status';
import { wslStubAnswer } from '../wsl/stub';
import { parseWslVersion, type WslVersionFacts } from '../wsl/version';
import { findProbe, type Capture, type CaptureHost, type ProbeRecord } from './capture';

/** What an nvidia-smi (on the host or in the distro) said: its table, its query, or how it failed. */
export interface NvidiaSmiFacts {
  /** False when the probe was not collected. */
  readonly collected: boolean;
  readonly failure?: NvidiaSmiFailure;
  readonly banner?: Parsed<NvidiaSmiBanner>;
  readonly query?: Parsed<GpuQueryRow[]>;
  /**
   * How long the plain nvidia-smi alone took: the passthrough latency. Inside WSL only the batch script's own timing
   * of it counts (never the batch's, which holds the other probes and can hold a VM boot); absent when untimed.
   */
  readonly durationMs?: number;
  readonly timedOut: boolean;
}

/** Every fact a capture holds, parsed; each probe's facts are a `Parsed` result or absent when not collected. */
export interface CaptureFacts {
  readonly createdAt: string;
  readonly host: CaptureHost;
  readonly wsl: {
    /** False when wsl.exe is missing or is only Windows' stub (told by its exit code); null when not collected. */
    readonly installed: boolean | null;
    readonly version?: Parsed<WslVersionFacts>;
    readonly distros?: Parsed<WslDistro[]>;
    readonly running?: Parsed<string[]>;
    readonly status?: Parsed<WslStatus>;
    /** How `wsl --list --verbose` failed, by its `Wsl/...` code and exit code; absent when it printed its table. */
    readonly listError?: WslError;
    /** The rows of the verbose list that could not be read (the readable ones are in `distros`). */
    readonly listRowsNotRead?: Parsed<never>;
    /** The `wsl: ...` warnings WSL printed when the distro probes started the VM. */
    readonly bootWarnings: readonly string[];
  };
  readonly hostGpu: NvidiaSmiFacts;
  /** In-distro facts; absent when the VM was not running and nobody asked to start it. */
  readonly distro?: DistroFacts & { readonly gpu: NvidiaSmiFacts };
  readonly windows: WindowsFacts;
  readonly events: readonly WindowsEvent[];
  /** The event-log probes whose output could not be read (their events are missing from `events`). */
  readonly eventsNotRead?: readonly Unreadable[];
  /** Probes that did not finish: spawn failed, timed out or hit the output limit (a check not made). */
  readonly probesFailed?: readonly Unreadable[];
  readonly wslconfig?: WslConfigCheck;
  /** Standard probes the capture does not hold, for "could not check". */
  readonly notCollected: readonly string[];
}

const consoleText = (probe: ProbeRecord): string => decodeConsoleOutput(probe.stdout).text;
const consoleErrorText = (probe: ProbeRecord): string => decodeConsoleOutput(probe.stderr).text;

/** How to read a probe's output as text: each program's own encoding. */
export interface ProbeDecoder {
  /** The probe's stdout as text. */
  readonly text: (probe: ProbeRecord) => string;
  /** The probe's stderr as text. */
  readonly errorText: (probe: ProbeRecord) => string;
}

/** Probes of programs that print in the console's OEM code page (wsl.exe and in-distro output do not). */
const printsInOemCodePage = (id: string): boolean =>
  id.startsWith('reg-') || id.startsWith('eventlog-') || id.startsWith('host-nvidia-smi');

/**
 * The decoder of `capture`'s probes, as each program printed: reg.exe, wevtutil.exe and nvidia-smi.exe in the OEM
 * code page the capture's `reg-oem-codepage` probe read (a capture without it is read as UTF-8 or UTF-16LE).
 */
export function probeDecoder(capture: Capture): ProbeDecoder {
  const probe = findProbe(capture, 'reg-oem-codepage');
  const codePage = probe
    ? readOemCodePage({ stdout: consoleText(probe), exitCode: probe.exitCode })
    : undefined;
  if (codePage === undefined) return { text: consoleText, errorText: consoleErrorText };
  return {
    text: (read) =>
      printsInOemCodePage(read.id) ? decodeOemOutput(read.stdout, codePage).text : consoleText(read),
    errorText: (read) =>
      printsInOemCodePage(read.id) ? decodeOemOutput(read.stderr, codePage).text : consoleErrorText(read),
  };
}

function nvidiaFacts(
  capture: Capture,
  { text, errorText }: ProbeDecoder,
  plainId: string,
  queryId: string,
  ownDurationMs?: (plain: ProbeRecord) => number | undefined,
): NvidiaSmiFacts {
  const plain = findProbe(capture, plainId);
  const query = findProbe(capture, queryId);
  if (!plain && !query) return { collected: false, timedOut: false };
  const failed = plain ?? query;
  const failure =
    failed?.error === 'not-found'
      ? classifyNvidiaSmiFailure('command not found', 127)
      : failed
        ? classifyNvidiaSmiFailure(`${text(failed)}\n${errorText(failed)}`, failed.exitCode)
        : undefined;
  return {
    collected: true,
    ...(failure ? { failure } : {}),
    ...(plain && !failure ? { banner: parseNvidiaSmiBanner(text(plain), plainId) } : {}),
    ...(query && !failure ? { query: parseGpuQueryCsv(text(query), queryId) } : {}),
    ...durationOf(plain, ownDurationMs),
    timedOut: [plain, query].some((probe) => probe?.timedOut === true || probe?.exitCode === 124),
  };
}

function durationOf(
  plain: ProbeRecord | undefined,
  ownDurationMs: ((plain: ProbeRecord) => number | undefined) | undefined,
): { durationMs?: number } {
  if (!plain) return {};
  const durationMs = ownDurationMs ? ownDurationMs(plain) : plain.durationMs;
  return durationMs === undefined ? {} : { durationMs };
}

/**
 * The distro nvidia-smi's own time: from the batch script's `ms=` when the capture holds the batch; the record's
 * duration when nvidia-smi ran on its own (no batch); never the batch's duration.
 */
function distroSmiOwnDuration(
  batch: ProbeRecord | undefined,
  { text }: ProbeDecoder,
): (plain: ProbeRecord) => number | undefined {
  return (plain) => {
    if (!batch) return plain.durationMs;
    const split = splitDistroProbeOutput(text(batch));
    return split.ok ? split.value['distro-nvidia-smi']?.durationMs : undefined;
  };
}

function parseList<T>(
  { text }: ProbeDecoder,
  probe: ProbeRecord,
  id: string,
  parse: (value: string) => T,
): Parsed<T> {
  return parseSafely<T>(id, text(probe), () => parsed(parse(text(probe))));
}

/** Why a probe did not finish, in words; undefined when it did (or its program is simply not there). */
function probeFailure(probe: ProbeRecord): string | undefined {
  if (probe.error === 'spawn-failed') return 'the command could not be started';
  if (probe.error === 'output-limit') return 'the command printed more than Headroom reads';
  if (probe.timedOut) return 'the command did not answer in time';
  return undefined;
}

/** What `wsl --list --verbose` told: its distros (the rows it could read), how it failed, the rows not read. */
function readVerboseList(
  { text, errorText }: ProbeDecoder,
  probe: ProbeRecord,
): Pick<CaptureFacts['wsl'], 'distros' | 'listError' | 'listRowsNotRead'> {
  const id = 'wsl-list-verbose';
  const output = text(probe);
  const failure = probeFailure(probe);
  if (failure) return { distros: unreadable(id, failure, output) };
  const listError = classifyWslError(`${output}\n${errorText(probe)}`, probe.exitCode);
  try {
    const read = readWslListVerbose(output);
    const [first] = read.unread;
    return {
      distros: parsed(read.distros),
      ...(listError ? { listError } : {}),
      ...(first
        ? {
            listRowsNotRead: unreadable(
              id,
              read.unread.map((row) => `line ${row.line} ("${row.text}"): ${row.reason}`).join('; '),
              output,
            ),
          }
        : {}),
    };
  } catch (error) {
    if (listError?.kind === 'no-distribution') return { distros: parsed([]), listError };
    const reason = listError
      ? `wsl.exe failed (${listError.code ?? `exit code ${listError.exitCode ?? 'none'}`})`
      : (error as Error).message;
    return { distros: unreadable(id, reason, output), ...(listError ? { listError } : {}) };
  }
}

/** The running distros from the verbose list's states, when `wsl --list --running` was not run. */
function runningFromVerbose(distros: Parsed<WslDistro[]>): Parsed<string[]> {
  return distros.ok
    ? parsed(distros.value.filter((distro) => distro.state === 'Running').map((distro) => distro.name))
    : distros;
}

/**
 * Read every fact out of a capture with the pure parsers: WSL, the host and in-distro GPUs, the distro, Windows'
 * registry, the event log and .wslconfig. A live run, the simulator and a replayed capture give the same facts.
 */
export function readCaptureFacts(capture: Capture): CaptureFacts {
  const decoder = probeDecoder(capture);
  const { text, errorText } = decoder;
  const version = findProbe(capture, 'wsl-version');
  const verbose = findProbe(capture, 'wsl-list-verbose');
  const running = findProbe(capture, 'wsl-list-running');
  const status = findProbe(capture, 'wsl-status');
  const wslProbes = [version, verbose, running, status].filter(
    (probe): probe is ProbeRecord => probe !== undefined,
  );
  // Windows' wsl.exe stub (no WSL) is told by its exit code, never by its translated text.
  const stubbed = wslProbes.some((probe) => wslStubAnswer(probe.exitCode) !== undefined);
  const installed =
    wslProbes.length === 0 ? null : !stubbed && !wslProbes.every((probe) => probe.error === 'not-found');

  const blocks: Record<string, DistroProbeBlock> = {};
  for (const probe of capture.probes) {
    if (probe.id.startsWith('distro-') && probe.id !== 'distro-batch') {
      blocks[probe.id] = {
        stdout: text(probe),
        stderr: errorText(probe),
        exitCode: probe.timedOut ? null : probe.exitCode,
      };
    }
  }
  const batch = findProbe(capture, 'distro-batch');
  const distroCollected = Object.keys(blocks).length > 0;

  const registry: Partial<Record<RegProbeId, RegProbeOutput>> = {};
  for (const id of REG_PROBE_IDS) {
    const probe = findProbe(capture, id);
    if (probe) registry[id] = { stdout: text(probe), exitCode: probe.exitCode };
  }

  const events = new Map<string, WindowsEvent>();
  const eventsNotRead: Unreadable[] = [];
  for (const probe of capture.probes.filter((candidate) => candidate.id.startsWith('eventlog-'))) {
    const batchResult = parseWindowsEvents(text(probe), probe.id);
    if (!batchResult.ok && !probe.error) eventsNotRead.push(batchResult.unreadable);
    if (batchResult.ok)
      for (const event of batchResult.value.events) events.set(`${event.channel}:${event.recordId}`, event);
  }

  const usable = (probe: ProbeRecord | undefined): ProbeRecord | undefined =>
    probe && !probe.error ? probe : undefined;
  const probesFailed = capture.probes.flatMap((probe) => {
    const failure = probeFailure(probe);
    return failure === undefined ? [] : [{ probe: probe.id, reason: failure, excerpt: '' }];
  });
  const verboseList =
    verbose && verbose.error !== 'not-found' ? readVerboseList(decoder, verbose) : undefined;
  const [versionProbe, verboseProbe, runningProbe, statusProbe] = [
    usable(version),
    usable(verbose),
    usable(running),
    usable(status),
  ];
  return {
    createdAt: capture.createdAt,
    host: capture.host,
    wsl: {
      installed,
      ...(versionProbe ? { version: parseWslVersion(text(versionProbe), versionProbe.exitCode) } : {}),
      ...verboseList,
      ...(runningProbe
        ? { running: parseList(decoder, runningProbe, 'wsl-list-running', parseWslListQuiet) }
        : verboseList?.distros && !running
          ? { running: runningFromVerbose(verboseList.distros) }
          : {}),
      ...(statusProbe ? { status: parseWslStatus(text(statusProbe)) } : {}),
      bootWarnings: batch ? parseWslWarnings(errorText(batch)) : [],
    },
    hostGpu: nvidiaFacts(capture, decoder, 'host-nvidia-smi', 'host-nvidia-smi-query'),
    ...(distroCollected
      ? {
          distro: {
            ...readDistroFacts(blocks),
            gpu: nvidiaFacts(
              capture,
              decoder,
              'distro-nvidia-smi',
              'distro-nvidia-smi-query',
              distroSmiOwnDuration(batch, decoder),
            ),
          },
        }
      : {}),
    windows: readWindowsFacts(registry),
    events: [...events.values()].sort((a, b) => a.time.localeCompare(b.time)),
    ...(eventsNotRead.length > 0 ? { eventsNotRead } : {}),
    ...(probesFailed.length > 0 ? { probesFailed } : {}),
    ...(capture.wslconfig
      ? {
          wslconfig: checkWslConfig(capture.wslconfig, {
            ...(capture.host.totalMemoryBytes === undefined
              ? {}
              : { totalMemoryBytes: capture.host.totalMemoryBytes }),
            ...(capture.host.logicalProcessors === undefined
              ? {}
              : { logicalProcessors: capture.host.logicalProcessors }),
          }),
        }
      : {}),
    notCollected: STANDARD_PROBE_IDS.filter(
      (id) => !findProbe(capture, id) && !(id === 'wsl-list-running' && verboseProbe && !running),
    ),
  };
}
