import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { CUT_OFF, endsMidLine, outputLines } from './values';

/** Where WSL mounts the Windows driver's Linux libraries (and nvidia-smi) inside every distro. */
export const WSL_DRIVER_LIBRARY_DIR = '/usr/lib/wsl/lib';

/** One `libnvidia-ml` entry of the dynamic linker's cache. */
export interface NvmlCacheEntry {
  /** `libnvidia-ml.so.1` (what NVML users load inside WSL) or `libnvidia-ml.so`. */
  readonly soname: string;
  /** The ABI note, such as `libc6,x86-64`. */
  readonly abi: string | null;
  readonly path: string;
}

/** The NVML libraries a distro's linker cache knows, and whether a copy other than WSL's is among them. */
export interface NvmlLibraries {
  readonly entries: NvmlCacheEntry[];
  /** `/usr/lib/wsl/lib/libnvidia-ml.so.1` is in the cache. */
  readonly wslLibraryCached: boolean;
  /**
   * Paths of `libnvidia-ml.so.1` outside /usr/lib/wsl/lib: a Linux driver or a stub installed into the distro,
   * which can shadow WSL's library and break nvidia-smi and NVML users (docs/gpu-tools.md "nvidia-smi inside WSL",
   * nvtop PR 441).
   */
  readonly otherCopies: string[];
}

const CACHE_LINE = /^(\S+)\s+\(([^)]*)\)\s+=>\s+(\S.*)$/;

/**
 * Parse `ldconfig -p` (whole, or filtered with `grep libnvidia-ml`) inside a distro for the NVML library. An output
 * with neither the `libs found in cache` line nor any cache entry, or that stops in the middle of a line (a cut list
 * could hide a second copy), is unreadable.
 */
export function parseLdconfigNvml(text: string, probe: string): Parsed<NvmlLibraries> {
  return parseSafely(probe, text, () => {
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const lines = outputLines(text).map((line) => line.trim());
    const cacheLines = lines.map((line) => CACHE_LINE.exec(line)).filter((match) => match !== null);
    if (cacheLines.length === 0 && !lines.some((line) => line.includes('libs found in cache'))) {
      return unreadable(probe, 'this is not the output of ldconfig -p', text);
    }
    const entries = cacheLines
      .map(([, soname = '', abi = '', path = '']) => ({ soname, abi: abi.trim() || null, path: path.trim() }))
      .filter((entry) => entry.soname.startsWith('libnvidia-ml.so'));
    const inWsl = (path: string): boolean => path.startsWith(`${WSL_DRIVER_LIBRARY_DIR}/`);
    const so1 = entries.filter((entry) => entry.soname === 'libnvidia-ml.so.1');
    return parsed({
      entries,
      wslLibraryCached: so1.some((entry) => inWsl(entry.path)),
      otherCopies: so1.filter((entry) => !inWsl(entry.path)).map((entry) => entry.path),
    });
  });
}
