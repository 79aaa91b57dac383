/** The format tag of a capture folder (docs/architecture.md "Capture format"). */
export const CAPTURE_FORMAT = 'headroom-capture/1';

/** One command's raw result: exactly what it printed (UTF-16LE stays UTF-16LE), its exit code and timing. */
export interface ProbeRecord {
  readonly id: string;
  readonly argv: readonly string[];
  /** Signed exit code; null when the command never finished (timed out) or never started. */
  readonly exitCode: number | null;
  readonly durationMs: number;
  readonly timedOut: boolean;
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
  /** Why the command did not run, when it did not (e.g. the program is not installed). */
  readonly error?: 'not-found' | 'spawn-failed' | 'output-limit';
}

/** What Windows APIs report without a command. */
export interface CaptureHost {
  readonly totalMemoryBytes?: number;
  readonly logicalProcessors?: number;
  readonly windowsBuild?: number;
  readonly userProfile?: string;
}

/**
 * Everything Headroom collected from one machine at one moment: the raw probe outputs and files. Live runs, the
 * simulator and replayed captures all produce this, and everything that judges works from it.
 */
export interface Capture {
  readonly format: typeof CAPTURE_FORMAT;
  readonly createdAt: string;
  readonly host: CaptureHost;
  readonly probes: readonly ProbeRecord[];
  /** Raw bytes of %USERPROFILE%\.wslconfig; absent when there is none. */
  readonly wslconfig?: Uint8Array;
}

/** A probe of the capture by id; undefined means "not collected". */
export function findProbe(capture: Capture, id: string): ProbeRecord | undefined {
  return capture.probes.find((probe) => probe.id === id);
}
