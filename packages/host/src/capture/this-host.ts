import { availableParallelism, release, totalmem, userInfo } from 'node:os';
import type { CaptureHost } from '@headroom/core';

/** What this Windows machine reports without running a command: RAM, logical processors, build, profile folder. */
export function thisWindowsHost(): Required<CaptureHost> {
  return {
    totalMemoryBytes: totalmem(),
    logicalProcessors: availableParallelism(),
    windowsBuild: Number(release().split('.')[2] ?? 0),
    userProfile: userInfo().homedir,
  };
}
