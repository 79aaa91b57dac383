import { existsSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';

/** Seams of {@link resolveWindowsProgram}: which file exists, and which path rules apply (tests). */
export interface ResolveProgramOptions {
  readonly exists?: (path: string) => boolean;
  readonly platform?: NodeJS.Platform;
}

/** Where Windows keeps each program Headroom runs, under %SystemRoot% (the NVIDIA ones are special, see below). */
const SYSTEM_PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  'wsl.exe': ['System32', 'wsl.exe'],
  'reg.exe': ['System32', 'reg.exe'],
  'wevtutil.exe': ['System32', 'wevtutil.exe'],
  'taskkill.exe': ['System32', 'taskkill.exe'],
  'attrib.exe': ['System32', 'attrib.exe'],
  'powershell.exe': ['System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'],
  'nvidia-smi.exe': ['System32', 'nvidia-smi.exe'],
};

/** Older (non-DCH) NVIDIA drivers install nvidia-smi.exe here instead of System32, under %ProgramFiles%. */
const NVSMI_FOLDER = ['NVIDIA Corporation', 'NVSMI', 'nvidia-smi.exe'] as const;

/**
 * An environment variable as Windows reads it: names are case-insensitive, and a copy of `process.env` (a plain
 * object) no longer is, so `SystemRoot`, `SYSTEMROOT` and `systemroot` all count.
 */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const exact = env[name];
  if (exact !== undefined && exact !== '') return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) {
    if (key.toLowerCase() === lower && value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * The absolute path of a Windows program Headroom runs by its bare name (`wsl.exe`, `reg.exe`, `wevtutil.exe`,
 * `taskkill.exe`, `attrib.exe`, `powershell.exe`, `nvidia-smi.exe`, with or without `.exe`, any case), so that nothing is found
 * through PATH, which on Windows searches the current folder first. Each lives under `%SystemRoot%\System32`
 * (PowerShell in `WindowsPowerShell\v1.0`); nvidia-smi.exe is in System32 with current (DCH) drivers and in
 * `%ProgramFiles%\NVIDIA Corporation\NVSMI` with older ones, and when neither exists the System32 path is returned so
 * that starting it fails as "not found". Any other name, and a path, is returned as it is. Without a SystemRoot in
 * the environment, Windows' `C:\Windows` is assumed on Windows and the bare name is kept elsewhere.
 */
export function resolveWindowsProgram(
  file: string,
  env: NodeJS.ProcessEnv,
  options: ResolveProgramOptions = {},
): string {
  if (file.includes('/') || file.includes('\\')) return file;
  const name = file.toLowerCase().endsWith('.exe') ? file.toLowerCase() : `${file.toLowerCase()}.exe`;
  const parts = SYSTEM_PROGRAMS[name];
  if (!parts) return file;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const joinPath = (...parts: string[]): string =>
    platform === 'win32'
      ? win32.join(...parts)
      : platform === process.platform
        ? join(...parts)
        : posix.join(...parts);
  const systemRoot = envValue(env, 'SystemRoot') ?? (platform === 'win32' ? 'C:\\Windows' : undefined);
  if (systemRoot === undefined) return file;
  const inSystem = joinPath(systemRoot, ...parts);
  if (name !== 'nvidia-smi.exe' || exists(inSystem)) return inSystem;
  const programFiles =
    envValue(env, 'ProgramFiles') ?? (platform === 'win32' ? 'C:\\Program Files' : undefined);
  if (programFiles === undefined) return inSystem;
  const inNvsmi = joinPath(programFiles, ...NVSMI_FOLDER);
  return exists(inNvsmi) ? inNvsmi : inSystem;
}
