import { checkWslConfig, decodeConfigBytes, scanWslConfig, type WslConfigProblem } from '@headroom/core';

/** What the simulated VM was created with: WSL's reading of .wslconfig at boot, and the warnings it printed. */
export interface VmConfig {
  readonly memoryBytes: number;
  readonly processors: number;
  readonly swapBytes: number;
  /** The `wsl: ...` lines WSL prints on stderr when the VM boots with this file. */
  readonly warnings: readonly string[];
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;
/** Where the simulated user's .wslconfig is, as WSL names it in its warnings. */
export const SIMULATED_WSLCONFIG_PATH = 'C:\\Users\\headroom\\.wslconfig';

/** WSL's own (English) warning for a line it ignores, as `wsl.exe` prints it. */
function wslWarning(problem: WslConfigProblem, text: string): string | undefined {
  const where = `${SIMULATED_WSLCONFIG_PATH}:${problem.line}`;
  const entry = scanWslConfig(text).keys.find((key) => key.line === problem.line);
  const key = entry?.fullName ?? problem.key ?? '';
  const value = entry?.value ?? '';
  switch (problem.code) {
    case 'unknown-key':
    case 'key-outside-section':
      return `Unknown key '${key}' in ${where}`;
    case 'duplicate-key':
      return `Duplicated config key '${key}' in ${where}`;
    case 'invalid-size':
      return `Invalid memory string '${value}' for .wslconfig entry '${key}' in ${where}`;
    case 'invalid-boolean':
      return `Invalid boolean value '${value}' for key '${key}' in ${where}`;
    case 'invalid-integer':
      return `Invalid integer value '${value}' for key '${key}' in ${where}`;
    case 'invalid-enum':
      return `Invalid value '${value}' for config key '${key}' in ${where}`;
    case 'invalid-key-name':
      return `Invalid key name in ${where}`;
    case 'invalid-section-name':
      return `Invalid section name in ${where}`;
    case 'unclosed-section':
      return `Expected ']' in ${where}`;
    case 'junk-after-section':
      return `Expected ' ' or '\\n' in ${where}`;
    case 'missing-equals':
      return `Expected '=' in ${where}`;
    case 'invalid-escape':
      return `Invalid escaped character in ${where}`;
    case 'unclosed-quote':
      return `Expected '"' in ${where}`;
    default:
      return problem.ignoredByWsl ? `Invalid config in ${where}` : undefined;
  }
}

/**
 * Create the VM's configuration from .wslconfig the way WSL does at VM creation: memory (half the RAM when unset
 * or 0, else clamped to 256MB..RAM), processors (all when unset or ≤ 0, clamped to the host), swap (25% of memory
 * rounded up to a whole GB when unset), and the warnings for the lines it ignores.
 */
export function bootConfig(
  wslconfig: Uint8Array | string | undefined,
  host: { totalMemoryBytes: number; logicalProcessors: number },
): VmConfig {
  const input = wslconfig ?? '';
  const text = typeof input === 'string' ? input : decodeConfigBytes(input).text;
  const result = checkWslConfig(input, host);
  const settings = result.settings;
  const memorySetting = typeof settings['wsl2.memory'] === 'number' ? settings['wsl2.memory'] : 0;
  const memoryBytes =
    memorySetting === 0
      ? host.totalMemoryBytes / 2
      : Math.min(Math.max(memorySetting, 256 * MiB), host.totalMemoryBytes);
  const processorSetting = typeof settings['wsl2.processors'] === 'number' ? settings['wsl2.processors'] : 0;
  const processors =
    processorSetting <= 0 ? host.logicalProcessors : Math.min(processorSetting, host.logicalProcessors);
  const swapSetting = settings['wsl2.swap'];
  const swapBytes = typeof swapSetting === 'number' ? swapSetting : Math.ceil(memoryBytes / 4 / GiB) * GiB;
  const warnings = result.problems
    .filter((problem) => problem.ignoredByWsl)
    .flatMap((problem) => wslWarning(problem, text) ?? []);
  if (processorSetting > host.logicalProcessors) {
    warnings.push(
      `wsl2.processors cannot exceed the number of logical processors on the system (${processorSetting} > ${host.logicalProcessors})`,
    );
  }
  return { memoryBytes, processors, swapBytes, warnings };
}
