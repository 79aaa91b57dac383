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
  /** `Microsoft Windows 11 Pro` (from systeminformation, like the facts below). */
  readonly windowsEdition?: string;
  /** `24H2`. */
  readonly windowsDisplayVersion?: string;
  readonly freeMemoryBytes?: number;
  /** Every display adapter Windows lists, NVIDIA or not. */
  readonly gpuControllers?: readonly { readonly vendor: string; readonly model: string }[];
  /** The drives holding the distros' disks and the model folders, with their free space. */
  readonly drives?: readonly {
    readonly drive: string;
    readonly freeBytes: number;
    readonly totalBytes: number;
  }[];
  /** A laptop running on battery. */
  readonly onBattery?: boolean;
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
