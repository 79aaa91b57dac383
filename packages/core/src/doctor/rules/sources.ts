/** The WSL configuration docs, the usual "Why?" of .wslconfig findings. */
export const WSL_CONFIG_DOCS = 'https://learn.microsoft.com/windows/wsl/wsl-config#wslconfig';

/** Where WSL computes the VM's memory, processors and swap from .wslconfig and the host (defaults and clamps). */
export const WSL_CONFIG_SOURCE =
  'https://github.com/microsoft/WSL/blob/master/src/windows/common/WslCoreConfig.cpp';
