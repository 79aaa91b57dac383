import { availableParallelism, release, totalmem, userInfo } from 'node:os';
import type { CaptureHost } from '@headroom/core';
import type { HostFacts } from '../host-facts/host-facts';

/** What Windows reports without a command: RAM, logical processors, build and profile folder. */
export type BasicCaptureHost = Required<
  Pick<CaptureHost, 'totalMemoryBytes' | 'logicalProcessors' | 'windowsBuild' | 'userProfile'>
>;

/** What this Windows machine reports without running a command: RAM, logical processors, build, profile folder. */
export function thisWindowsHost(): BasicCaptureHost {
  return {
    totalMemoryBytes: totalmem(),
    logicalProcessors: availableParallelism(),
    windowsBuild: Number(release().split('.')[2] ?? 0),
    userProfile: userInfo().homedir,
  };
}

/**
 * `host` with the host facts added (edition, free memory, display adapters, battery, and the drives holding
 * `paths`: the distros' disks and the model folders). A fact that cannot be read is left out, never guessed.
 */
export async function withHostFacts(
  host: CaptureHost,
  facts: HostFacts,
  paths: readonly string[] = [],
): Promise<CaptureHost> {
  const [windows, memory, gpuControllers, power, drives] = await Promise.allSettled([
    facts.windows(),
    facts.memory(),
    facts.gpuControllers(),
    facts.power(),
    facts.drives(paths),
  ]);
  return {
    ...host,
    ...(windows.status === 'fulfilled'
      ? {
          windowsEdition: windows.value.edition,
          ...(windows.value.displayVersion ? { windowsDisplayVersion: windows.value.displayVersion } : {}),
        }
      : {}),
    ...(memory.status === 'fulfilled' ? { freeMemoryBytes: memory.value.freeBytes } : {}),
    ...(gpuControllers.status === 'fulfilled' ? { gpuControllers: gpuControllers.value } : {}),
    ...(power.status === 'fulfilled' ? { onBattery: power.value.onBattery } : {}),
    ...(drives.status === 'fulfilled' && drives.value.length > 0 ? { drives: drives.value } : {}),
  };
}
