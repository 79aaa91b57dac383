import {
  checkWslConfig,
  decodeConfigBytes,
  scanWslConfig,
  vmResources,
  type WslConfigProblem,
} from '@headroom/core';

/** What the simulated VM was created with: WSL's reading of .wslconfig at boot, and the warnings it printed. */
export interface VmConfig {
  readonly memoryBytes: number;
  readonly processors: number;
  readonly swapBytes: number;
  /** The `wsl: ...` lines WSL prints on stderr when the VM boots with this file. */
  readonly warnings: readonly string[];
}

/** The simulated Windows account and computer: what a support bundle must not name (`redactCapture` in core). */
export const SIMULATED_IDENTITY = { userName: 'robin', machineName: 'DESKTOP-HEADROOM' } as const;

/** The simulated user's profile folder, as Windows names it. */
export const SIMULATED_USER_PROFILE = `C:\\Users\\${SIMULATED_IDENTITY.userName}`;

/** Where the simulated user's .wslconfig is, as WSL names it in its warnings. */
export const SIMULATED_WSLCONFIG_PATH = `${SIMULATED_USER_PROFILE}\\.wslconfig`;

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
 * Create the VM's configuration from .wslconfig the way WSL does at VM creation (core's `vmResources`), with the
 * warnings WSL prints for the lines it ignores.
 */
export function bootConfig(
  wslconfig: Uint8Array | string | undefined,
  host: { totalMemoryBytes: number; logicalProcessors: number },
): VmConfig {
  const input = wslconfig ?? '';
  const text = typeof input === 'string' ? input : decodeConfigBytes(input).text;
  const result = checkWslConfig(input, host);
  const { memoryBytes, processors, swapBytes } = vmResources(result.settings, host);
  const processorSetting =
    typeof result.settings['wsl2.processors'] === 'number' ? result.settings['wsl2.processors'] : 0;
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
