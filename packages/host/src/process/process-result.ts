/** What a finished (or stopped) process left behind: raw bytes, never decoded text, so captures stay exact. */
export interface ProcessResult {
  readonly argv: readonly string[];
  /** Signed exit code (Windows' 4294967295 arrives as -1); null when a signal ended the process. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
  readonly durationMs: number;
}

/**
 * Windows reports exit codes as DWORDs, so a program's -1 can reach Node as 4294967295. Fold them back to the
 * signed value every WSL document uses.
 */
export function toSignedExitCode(code: number | null): number | null {
  if (code === null) return null;
  return code > 0x7fffffff ? code - 0x1_0000_0000 : code;
}
