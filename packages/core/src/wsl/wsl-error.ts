/**
 * What a failed wsl.exe command says about WSL, told by its `Wsl/...` error code and exit code, never by its words:
 * WSL prints `Error code: Wsl/Service/E_UNEXPECTED` (`Fehlercode: …`, `错误代码: …`) with the label translated and
 * the code as is (microsoft/WSL `WslClient.cpp`; captures in src/testdata/wsl/MANIFEST.md).
 */
export type WslErrorKind =
  /** `WSL_E_DEFAULT_DISTRO_NOT_FOUND`: WSL works and has no distribution. */
  | 'no-distribution'
  /** `E_UNEXPECTED` ("Catastrophic failure", exit 0xffffffff): WSL's service failed; the distros are unknown. */
  | 'service-failed'
  /** Another `Wsl/...` code, or a non-zero exit without one. */
  | 'failed';

/** A failed wsl.exe command: its kind, the `Wsl/...` code when it printed one, and its exit code. */
export interface WslError {
  readonly kind: WslErrorKind;
  readonly code: string | null;
  readonly exitCode: number | null;
}

const CODE = /\bWsl\/[A-Za-z0-9_/]+/;

/** The `Wsl/...` error code wsl.exe printed, e.g. `Wsl/Service/E_UNEXPECTED`; null when there is none. */
export function wslErrorCode(output: string): string | null {
  return CODE.exec(output)?.[0] ?? null;
}

/**
 * Classify what wsl.exe printed (stdout and stderr together) and its exit code; undefined when it succeeded without
 * an error code.
 */
export function classifyWslError(output: string, exitCode: number | null): WslError | undefined {
  const code = wslErrorCode(output);
  if (code === null && (exitCode === 0 || exitCode === null)) return undefined;
  const leaf = code?.split('/').pop() ?? '';
  const kind: WslErrorKind =
    leaf === 'WSL_E_DEFAULT_DISTRO_NOT_FOUND'
      ? 'no-distribution'
      : leaf === 'E_UNEXPECTED'
        ? 'service-failed'
        : 'failed';
  return { kind, code, exitCode };
}
