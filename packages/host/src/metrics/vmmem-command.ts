/**
 * The long-lived PowerShell that prints the working set of WSL's VM process (VmmemWSL, or Vmmem on older builds) every
 * 5 s, one number per line, for the metrics sampler. It runs from its absolute path (resolveWindowsProgram) and ends
 * when its stdin ends: start it with startStream, which holds a stdin pipe open and never writes to it, so the loop
 * leaves when Headroom is gone however it ended, instead of the `while ($true)` it replaces. An asynchronous one-byte
 * read of stdin completes only at its end of file; the loop waits on it for 5 s between readings. Process names are
 * not translated, unlike performance counter names.
 */
export const VMMEM_WATCH_COMMAND: readonly [string, ...string[]] = [
  'powershell.exe',
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  '$ErrorActionPreference = "SilentlyContinue"; ' +
    '$in = [Console]::OpenStandardInput(); $byte = New-Object byte[] 1; $eof = $in.ReadAsync($byte, 0, 1); ' +
    'do { ' +
    '$s = (Get-Process -Name vmmemWSL, vmmem | Measure-Object -Property WorkingSet64 -Sum).Sum; ' +
    '[Console]::Out.WriteLine([int64]$s); [Console]::Out.Flush() ' +
    '} until ($eof.Wait(5000))',
];
