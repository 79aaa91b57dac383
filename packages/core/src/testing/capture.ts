/// <reference types="vite/client" />
/**
 * For tests: a Capture built from what each probe printed, read into facts and diagnosed exactly as a replayed
 * capture is, and the real outputs in testdata to build it from. Test code only; nothing here ships.
 */
import { CAPTURE_FORMAT, type Capture, type CaptureHost, type ProbeRecord } from '../capture/capture';
import { readCaptureFacts, type CaptureFacts } from '../capture/capture-facts';
import { diagnose, type DoctorReport } from '../doctor/diagnose';
import type { Finding } from '../doctor/finding';
import { STANDARD_RULES } from '../doctor/index';
import type { DoctorInput, Rule } from '../doctor/rule';
import { GPU_QUERY_FIELDS } from '../probe/probe-ids';
import { encodeConfigText } from '../wslconfig/config-bytes';

/**
 * Every file of packages/core/src/testdata as text, read by Vitest's bundler when a test imports this module: core
 * keeps no file reading of its own, not even for its tests.
 */
const TESTDATA: Readonly<Record<string, string>> = import.meta.glob('../testdata/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A file of packages/core/src/testdata, by its path there, as text. */
export function fixture(path: string): string {
  const text = TESTDATA[`../testdata/${path}`];
  if (text === undefined) throw new Error(`No file ${path} in packages/core/src/testdata.`);
  return text;
}

/** A probe's output as a test writes it: the text it printed, or the record's parts. */
export type ProbeSpec =
  | string
  | {
      readonly stdout?: string;
      readonly stderr?: string;
      readonly exitCode?: number | null;
      readonly durationMs?: number;
      readonly timedOut?: boolean;
      readonly error?: ProbeRecord['error'];
    };

/** The outputs of the probes a test cares about, by probe id. */
export type ProbeOutputs = Readonly<Record<string, ProbeSpec>>;

/** What else a capture holds: the host's size and the .wslconfig text. */
export interface CaptureOptions {
  readonly host?: CaptureHost;
  readonly wslconfig?: string;
}

const utf8 = (text: string): Uint8Array => encodeConfigText(text, { encoding: 'utf-8', bom: false });

/**
 * Build a capture from the outputs of the probes a test cares about, as `headroom collect` would have written them
 * (wsl.exe output as UTF-8, as with WSL_UTF8=1). Probes not given are "not collected".
 */
export function captureOf(outputs: ProbeOutputs, options: CaptureOptions = {}): Capture {
  const probes: ProbeRecord[] = Object.entries(outputs).map(([id, output]) => {
    const spec = typeof output === 'string' ? { stdout: output } : output;
    return {
      id,
      argv: [id],
      exitCode: spec.exitCode === undefined ? 0 : spec.exitCode,
      durationMs: spec.durationMs ?? 100,
      timedOut: spec.timedOut ?? false,
      stdout: utf8(spec.stdout ?? ''),
      stderr: utf8(spec.stderr ?? ''),
      ...(spec.error ? { error: spec.error } : {}),
    };
  });
  return {
    format: CAPTURE_FORMAT,
    createdAt: '2026-11-21T12:00:00.000Z',
    host: options.host ?? { totalMemoryBytes: 64 * 2 ** 30, logicalProcessors: 16, windowsBuild: 26100 },
    probes,
    ...(options.wslconfig === undefined ? {} : { wslconfig: utf8(options.wslconfig) }),
  };
}

/** The facts of a capture of the given probes. */
export function factsOf(outputs: ProbeOutputs, options: CaptureOptions = {}): CaptureFacts {
  return readCaptureFacts(captureOf(outputs, options));
}

/** The doctor's input for a capture of the given probes. */
export function inputOf(outputs: ProbeOutputs, options: CaptureOptions = {}): DoctorInput {
  return { facts: factsOf(outputs, options) };
}

/** Diagnose a capture with every standard rule. */
export function doctorOf(capture: Capture, extra: Omit<DoctorInput, 'facts'> = {}): DoctorReport {
  return diagnose({ facts: readCaptureFacts(capture), ...extra }, STANDARD_RULES);
}

/** Run one rule (or several) over a capture of the given probes. */
export function findingsOf(
  rules: Rule | readonly Rule[],
  outputs: ProbeOutputs,
  options: CaptureOptions = {},
): Finding[] {
  const input = inputOf(outputs, options);
  return (typeof rules === 'function' ? [rules] : rules).flatMap((rule) => rule(input));
}

/**
 * The output of the command in a pasted terminal transcript: the lines after the last prompt that runs nvidia-smi
 * (`elsaco@eleven:~$ nvidia-smi`, `$ /usr/lib/wsl/lib/nvidia-smi`, `# nvidia-smi`, `❯ nvidia-smi`), or the whole
 * text when there is no such prompt. The probe's stdout holds only what nvidia-smi printed.
 */
export function afterPrompt(transcript: string): string {
  const lines = transcript.split('\n');
  let start = 0;
  lines.forEach((line, index) => {
    if (/(?:\$|#|❯)\s*\S*nvidia-smi\s*$/.test(line)) start = index + 1;
  });
  return lines.slice(start).join('\n');
}

/** One GPU row of Headroom's `--query-gpu` probe, in GPU_QUERY_FIELDS order. */
export interface QueryRow {
  readonly name: string;
  readonly driver: string;
  readonly model?: string;
  readonly usedMiB: number;
  readonly totalMiB: number;
}

/**
 * What `nvidia-smi --query-gpu=<GPU_QUERY_FIELDS> --format=csv,nounits` prints for the given GPUs: the header keeps
 * its units, the values have none (docs/gpu-tools.md "nvidia-smi --query-gpu"). For values no real capture shows (a driver, a load).
 */
export function queryCsv(rows: readonly QueryRow[]): string {
  const header = GPU_QUERY_FIELDS.map((field) => {
    if (field.startsWith('memory.')) return `${field} [MiB]`;
    if (field === 'utilization.gpu') return `${field} [%]`;
    if (field === 'power.draw') return `${field} [W]`;
    return field;
  }).join(', ');
  const lines = rows.map((row, index) =>
    [
      index,
      row.name,
      `GPU-00000000-0000-0000-0000-00000000000${index}`,
      row.driver,
      row.model ?? 'WDDM',
      row.totalMiB,
      row.usedMiB,
      200,
      5,
      41,
      '31.20',
    ].join(', '),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

/** The `wsl --list --verbose` of one running WSL 2 distribution, Ubuntu-24.04. */
export const WSL_LIST_RUNNING =
  '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running         2\n';

/** A /proc/meminfo of a VM with this much memory (the kernel keeps 2.5 % of it) and swap. */
export function meminfoOf(memoryGiB: number, swapGiB: number): string {
  return [
    `MemTotal:       ${Math.floor(memoryGiB * 0.975 * 2 ** 20)} kB`,
    `MemFree:        ${Math.floor(memoryGiB * 0.8 * 2 ** 20)} kB`,
    `MemAvailable:   ${Math.floor(memoryGiB * 0.9 * 2 ** 20)} kB`,
    `SwapTotal:      ${swapGiB * 2 ** 20} kB`,
    `SwapFree:       ${swapGiB * 2 ** 20} kB`,
    '',
  ].join('\n');
}

/** The mounts of a distribution with its ext4 disk and C: and D: on 9p. */
export const MOUNTS_WITH_WINDOWS_DRIVES = [
  '/dev/sdc / ext4 rw,relatime,discard,errors=remount-ro,data=ordered 0 0',
  'C:\\134 /mnt/c 9p rw,noatime,dirsync,aname=drvfs;path=C:\\;uid=1000;gid=1000;symlinkroot=/mnt/ 0 0',
  'D:\\134 /mnt/d 9p rw,noatime,dirsync,aname=drvfs;path=D:\\;uid=1000;gid=1000;symlinkroot=/mnt/ 0 0',
  '',
].join('\n');

/** A capture of a running WSL 2 VM whose resources, .wslconfig and other probes are as given. */
export function runningVmCapture(
  vm: { memoryGiB: number; processors: number; swapGiB: number },
  wslconfig: string,
  extra: Readonly<Record<string, string>> = {},
): Capture {
  return captureOf(
    {
      'wsl-list-verbose': WSL_LIST_RUNNING,
      'wsl-list-running': 'Ubuntu-24.04\n',
      'distro-meminfo': meminfoOf(vm.memoryGiB, vm.swapGiB),
      'distro-nproc': `${vm.processors}\n`,
      'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
      'distro-mounts': MOUNTS_WITH_WINDOWS_DRIVES,
      ...extra,
    },
    { wslconfig },
  );
}

/** The ids of a report's findings, in order. */
export function findingIds(report: DoctorReport): string[] {
  return report.findings.map((finding) => finding.id);
}
