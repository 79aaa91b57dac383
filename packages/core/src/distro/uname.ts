import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** The kernel a distro runs on, from `uname -r`. */
export interface KernelRelease {
  /** As printed, e.g. `5.15.167.4-microsoft-standard-WSL2`. */
  readonly release: string;
  /** The leading numeric groups: `[5, 15, 167, 4]`. */
  readonly version: readonly number[];
  /** Microsoft's kernel (`microsoft` in the release): WSL2's `-microsoft-standard[-WSL2]`, or WSL1's `-Microsoft`. */
  readonly microsoft: boolean;
  /** WSL1 reports the Windows build as a fake kernel, e.g. `4.4.0-19041-Microsoft`. */
  readonly wsl1: boolean;
  /** What follows the version, e.g. `-microsoft-standard-WSL2` (a trailing `+` marks a self-built kernel). */
  readonly suffix: string;
}

const RELEASE = /^(\d+(?:\.\d+)*)(\S*)$/;

/** Parse `uname -r`. */
export function parseUname(text: string): Parsed<KernelRelease> {
  return parseSafely('distro-uname', text, (): Parsed<KernelRelease> => {
    const release = text.trim();
    const match = RELEASE.exec(release);
    if (!match) return unreadable('distro-uname', 'not a kernel release', text);
    const [, numbers = '', suffix = ''] = match;
    const version = numbers.split('.').map(Number);
    if (!version.every(Number.isSafeInteger))
      return unreadable('distro-uname', 'a version number is too large', text);
    return parsed({
      release,
      version,
      microsoft: /microsoft/i.test(suffix),
      wsl1: suffix.endsWith('-Microsoft'),
      suffix,
    });
  });
}

/** Compare two kernel versions group by group (missing groups count as 0): negative, 0 or positive. */
export function compareKernelVersions(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
