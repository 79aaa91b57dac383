/**
 * The Windows programs whose crashes Headroom reports: local inference servers and runtimes, and WSL's own
 * processes. Programs inside WSL never write to the Windows event log, so only their Windows builds count here.
 */
export type WatchedProgram =
  'llama.cpp' | 'ollama' | 'python' | 'lm-studio' | 'koboldcpp' | 'llamafile' | 'jan' | 'wsl';

const PATTERNS: readonly (readonly [RegExp, WatchedProgram])[] = [
  [/^llama[-_]/, 'llama.cpp'], // llama-server, llama-cli, llama-bench, llama-run …
  [/^ollama(?:$|[\s_-])/, 'ollama'], // ollama, "ollama app", ollama_llama_server
  [/^(?:pythonw?(?:\d+(?:\.\d+)?)?|py)$/, 'python'],
  [/^(?:lm studio|lm-studio|lms)$/, 'lm-studio'],
  [/^koboldcpp/, 'koboldcpp'],
  [/(?:^|\.)llamafile$/, 'llamafile'],
  [/^jan$/, 'jan'],
  [/^(?:wsl|wslservice|wslhost|wslrelay)$/, 'wsl'],
];

/**
 * Which watched program an executable name or path belongs to (`python.exe`, `C:\…\llama-server.exe`,
 * `ollama app.exe`), or null. Case does not matter.
 */
export function watchedProgramOf(appNameOrPath: string): WatchedProgram | null {
  const base = (appNameOrPath.split(/[\\/]/).pop() ?? '').trim().toLowerCase();
  const name = base.endsWith('.exe') ? base.slice(0, -4) : base;
  if (name === '') return null;
  for (const [pattern, program] of PATTERNS) if (pattern.test(name)) return program;
  return null;
}

/** True for the programs that run models (everything watched except WSL's own processes). */
export function isInferenceProgram(program: WatchedProgram | null): boolean {
  return program !== null && program !== 'wsl';
}
