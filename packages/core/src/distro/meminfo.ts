import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** The memory figures of `/proc/meminfo` Headroom uses, in KiB (the file's `kB` is KiB). */
export interface Meminfo {
  /** What the VM gives the kernel: a little less than .wslconfig's `memory=` (the kernel keeps some). */
  readonly memTotalKiB: number;
  readonly memAvailableKiB: number;
  readonly swapTotalKiB: number;
  readonly swapFreeKiB: number;
}

const LINE = /^([A-Za-z0-9_()]+):\s+(\d+)(?:\s+kB)?\s*$/;

const FIELDS = {
  memTotalKiB: 'MemTotal',
  memAvailableKiB: 'MemAvailable',
  swapTotalKiB: 'SwapTotal',
  swapFreeKiB: 'SwapFree',
} as const;

/** Parse `cat /proc/meminfo`. All four fields must be present; the rest of the file is ignored. */
export function parseMeminfo(text: string): Parsed<Meminfo> {
  return parseSafely('distro-meminfo', text, (): Parsed<Meminfo> => {
    const values = new Map<string, number>();
    for (const line of text.split(/\r?\n/)) {
      const match = LINE.exec(line);
      if (match?.[1] !== undefined && !values.has(match[1])) values.set(match[1], Number(match[2]));
    }
    const missing = Object.values(FIELDS).filter((name) => values.get(name) === undefined);
    if (missing.length > 0) return unreadable('distro-meminfo', `${missing.join(', ')} missing`, text);
    const read = (name: string): number => values.get(name) ?? 0;
    const result = {
      memTotalKiB: read(FIELDS.memTotalKiB),
      memAvailableKiB: read(FIELDS.memAvailableKiB),
      swapTotalKiB: read(FIELDS.swapTotalKiB),
      swapFreeKiB: read(FIELDS.swapFreeKiB),
    };
    if (!Object.values(result).every(Number.isSafeInteger)) {
      return unreadable('distro-meminfo', 'a value is too large to be a memory size', text);
    }
    if (result.memTotalKiB === 0) return unreadable('distro-meminfo', 'MemTotal is 0', text);
    return parsed(result);
  });
}
