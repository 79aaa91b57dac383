import type { WslSettingValue } from './check';

/** The memory, processors and swap WSL gives the VM when it creates it. */
export interface VmResources {
  readonly memoryBytes: number;
  readonly processors: number;
  readonly swapBytes: number;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/**
 * What WSL creates the VM with, from the settings it read and the host (WslCoreConfig.cpp `Initialize`): memory is
 * half the RAM when unset or 0, else clamped to 256MB..RAM; processors are all of them when unset or ≤ 0, else
 * clamped to the host; swap is 25% of memory rounded up to a whole GB when unset, and 0 when `safeMode=true` (safe
 * mode turns swap off whatever `swap` says).
 */
export function vmResources(
  settings: Readonly<Record<string, WslSettingValue>>,
  host: { readonly totalMemoryBytes: number; readonly logicalProcessors: number },
): VmResources {
  const memorySetting = typeof settings['wsl2.memory'] === 'number' ? settings['wsl2.memory'] : 0;
  const memoryBytes =
    memorySetting === 0
      ? host.totalMemoryBytes / 2
      : Math.min(Math.max(memorySetting, 256 * MiB), host.totalMemoryBytes);
  const processorSetting = typeof settings['wsl2.processors'] === 'number' ? settings['wsl2.processors'] : 0;
  const processors =
    processorSetting <= 0 ? host.logicalProcessors : Math.min(processorSetting, host.logicalProcessors);
  const swapSetting = settings['wsl2.swap'];
  const swapBytes =
    settings['wsl2.safeMode'] === true
      ? 0
      : typeof swapSetting === 'number'
        ? swapSetting
        : Math.ceil(memoryBytes / 4 / GiB) * GiB;
  return { memoryBytes, processors, swapBytes };
}
