import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import { CUT_OFF, endsMidLine, terminatedLines, textValue } from './values';

/** What `nvidia-smi --version` reports. */
export interface NvidiaSmiVersion {
  /** The nvidia-smi build; inside WSL the Linux user-mode build, not the Windows driver. */
  readonly smiVersion: string | null;
  readonly nvmlVersion: string | null;
  /** `KMD version` (610+), else `DRIVER version` (which 610 prints as `Deprecated, see "KMD version" instead`). */
  readonly driverVersion: string;
  /** `CUDA UMD version` (610+), else `CUDA Version`. */
  readonly cudaVersion: string | null;
  /** Whether the 610+ `KMD` / `CUDA UMD` labels were used. */
  readonly labels: 'driver-version' | 'kmd-version';
}

/**
 * Parse `nvidia-smi --version` (`NVIDIA-SMI version : 595.71.05`, `DRIVER version : ...`, `CUDA Version : ...`;
 * from 610 also `KMD version` and `CUDA UMD version`, the old labels reading `Deprecated, see ...`). Labels are
 * matched without regard to case. An output that stops in the middle of a line (cut off), or has no driver version,
 * is unreadable.
 */
export function parseNvidiaSmiVersion(text: string, probe: string): Parsed<NvidiaSmiVersion> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const values = new Map<string, string | null>();
    for (const line of terminatedLines(text).lines) {
      const match = /^\s*([A-Za-z][\w -]*?)\s*:\s*(.*?)\s*$/.exec(line);
      if (!match) continue;
      const [, label = '', value = ''] = match;
      const key = label.toLowerCase().replace(/\s+/g, ' ');
      if (!values.has(key)) values.set(key, /^deprecated\b/i.test(value) ? null : textValue(value));
    }
    if (!values.has('nvidia-smi version'))
      return unreadable(probe, 'there is no "NVIDIA-SMI version" line', text);
    const driverVersion = values.get('kmd version') ?? values.get('driver version') ?? null;
    if (driverVersion === null)
      return unreadable(probe, 'there is no driver (or KMD) version (cut off?)', text);
    const umd = values.get('cuda umd version') ?? null;
    return parsed({
      smiVersion: values.get('nvidia-smi version') ?? null,
      nvmlVersion: values.get('nvml version') ?? null,
      driverVersion,
      cudaVersion: umd ?? values.get('cuda version') ?? null,
      labels: values.has('kmd version') || values.has('cuda umd version') ? 'kmd-version' : 'driver-version',
    });
  });
}
