/**
 * Windows 10 and 11 ship a `wsl.exe` even without WSL: a stub that prints a translated "not installed, run wsl.exe
 * --install" message. It is told apart by exit code, never by text: `wsl --status` exits 50 when the Windows
 * Subsystem for Linux is not installed, and 0xFFFFFE44 (-444 signed) when the inbox WSL has no kernel to run.
 * Observed, not documented by Microsoft: Rancher Desktop's
 * https://github.com/rancher-sandbox/rancher-desktop/blob/main/src/go/wsl-helper/pkg/wsl-utils/version_windows.go
 * and OpenClacky's https://github.com/clacky-ai/openclacky/blob/main/scripts/install.ps1 (docs/wsl-semantics.md,
 * "Not installed").
 */
export const WSL_STUB_EXIT_CODES: Readonly<Record<number, 'not-installed' | 'no-kernel'>> = {
  50: 'not-installed',
  [-444]: 'no-kernel',
};

/**
 * What an exit code of wsl.exe says about WSL itself: `not-installed` or `no-kernel` for the stub's answers, undefined
 * for anything else (WSL is there; the command may still have failed). Takes the signed code (4294966852 is -444).
 */
export function wslStubAnswer(exitCode: number | null): 'not-installed' | 'no-kernel' | undefined {
  if (exitCode === null) return undefined;
  const signed = exitCode > 0x7fffffff ? exitCode - 0x1_0000_0000 : exitCode;
  return WSL_STUB_EXIT_CODES[signed];
}
