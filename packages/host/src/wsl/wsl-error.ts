/**
 * Why a wsl.exe call failed: WSL is not installed (no wsl.exe, or only Windows' stub: nothing to poll for until the
 * user installs it), gave an error, hung, or printed something Headroom cannot read.
 */
export type WslFailure = 'not-installed' | 'failed' | 'timeout' | 'unreadable-output';

/** A wsl.exe call that did not give a usable answer; `message` is fit to show the user. */
export class WslError extends Error {
  constructor(
    readonly failure: WslFailure,
    message: string,
    readonly exitCode: number | null = null,
    /** What wsl.exe printed, decoded, for the "show raw output" view. */
    readonly output = '',
  ) {
    super(message);
    this.name = 'WslError';
  }
}
