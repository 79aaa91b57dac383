import { CAPTURE_FORMAT, type Capture, type CaptureHost, type ProbeRecord } from '../../capture/capture';
import { readCaptureFacts } from '../../capture/capture-facts';
import { encodeConfigText } from '../../wslconfig/config-bytes';
import { diagnose, type DoctorReport } from '../diagnose';
import type { DoctorInput } from '../rule';
import { STANDARD_RULES } from '../index';

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

const utf8 = (text: string): Uint8Array => encodeConfigText(text, { encoding: 'utf-8', bom: false });

/**
 * Build a capture from the outputs of the probes a test cares about, as `headroom collect` would have written them
 * (wsl.exe output as UTF-8, as with WSL_UTF8=1). Probes not given are "not collected".
 */
export function captureOf(
  outputs: Readonly<Record<string, ProbeSpec>>,
  options: { host?: CaptureHost; wslconfig?: string } = {},
): Capture {
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

/** Diagnose a capture with every standard rule. */
export function doctorOf(capture: Capture, extra: Omit<DoctorInput, 'facts'> = {}): DoctorReport {
  return diagnose({ facts: readCaptureFacts(capture), ...extra }, STANDARD_RULES);
}
