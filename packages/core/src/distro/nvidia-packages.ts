import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** The package managers the probe knows; `none` when it found none of them. */
export type PackageManager = 'dpkg' | 'rpm' | 'pacman' | 'none';

/**
 * What an NVIDIA package is. Everything but `other` belongs to a Linux GPU driver, which must not be installed in a
 * WSL distro: WSL mounts the Windows driver's libraries at /usr/lib/wsl/lib
 * (docs/gpu-tools.md "nvidia-smi inside WSL").
 */
export type NvidiaPackageKind =
  'driver' | 'kernel-module' | 'compute-library' | 'cuda-drivers' | 'utils' | 'other';

/** One installed NVIDIA package. */
export interface NvidiaPackage {
  readonly name: string;
  readonly version: string;
  readonly kind: NvidiaPackageKind;
}

/** The NVIDIA packages installed in a distro. */
export interface NvidiaPackages {
  readonly manager: PackageManager;
  /** Installed packages only (dpkg's `rc` and `un` entries are left out). */
  readonly packages: readonly NvidiaPackage[];
  /** The packages of a Linux GPU driver (every kind but `other`). */
  readonly linuxDriverPackages: readonly NvidiaPackage[];
}

const KINDS: readonly (readonly [RegExp, NvidiaPackageKind])[] = [
  [/^nvidia-driver(?:-|$)/, 'driver'],
  [/^nvidia-headless(?:-|$)/, 'driver'],
  [/^nvidia(?:-open|-lts)?$/, 'driver'],
  [/^nvidia-open(?:-|$)/, 'driver'],
  [/^xorg-x11-drv-nvidia(?:-|$)/, 'driver'],
  [/^nvidia-(?:dkms|kernel|modprobe)(?:-|$)/, 'kernel-module'],
  [/^(?:akmod|kmod)-nvidia(?:-|$)/, 'kernel-module'],
  [/^libnvidia-compute(?:-|$)/, 'compute-library'],
  [/^cuda-drivers(?:-|$)/, 'cuda-drivers'],
  [/^(?:lib32-)?nvidia-utils(?:-|$)/, 'utils'],
  [/^nvidia-compute-utils(?:-|$)/, 'utils'],
];

/** Classify an NVIDIA package by its name (Debian/Ubuntu, Fedora/RHEL and Arch names). */
export function classifyNvidiaPackage(name: string): NvidiaPackageKind {
  return KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

const MANAGER_LINE = /^manager (dpkg|rpm|pacman|none)\s*$/;
const PACKAGE_LINE = /^([a-zA-Z])([a-zA-Z])([ a-zA-Z]?)\|([^|\s]+)\|(.*)$/;

/** dpkg's second status letter: `n` not installed and `c` config-files mean the package is gone. */
function isInstalled(status: string): boolean {
  return status !== 'n' && status !== 'c';
}

const NVIDIA_NAME = /^(?:nvidia|libnvidia|cuda-drivers|lib32-nvidia)|-nvidia/i;
const PLAIN_FORMATS: readonly (readonly [PackageManager, RegExp])[] = [
  // `dpkg-query -W`: NAME<TAB>VERSION (an empty version: not installed).
  ['dpkg', /^([A-Za-z0-9.+-]+(?::[A-Za-z0-9]+)?)\t(\S*)$/],
  // `pacman -Q`: NAME VERSION.
  ['pacman', /^([A-Za-z0-9@._+-]+) (\d\S*)$/],
  // `rpm -qa`: NAME-VERSION-RELEASE(.ARCH).
  ['rpm', /^([A-Za-z0-9@._+-]+)-([^-\s]+-[^-\s]+)$/],
];

/**
 * The common plain listings pasted or collected by hand instead of the probe's own format: plain `dpkg-query -W`,
 * `rpm -qa` and `pacman -Q`. Undefined when the lines are none of them.
 */
function parsePlainListing(text: string): NvidiaPackages | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return undefined;
  for (const [manager, pattern] of PLAIN_FORMATS) {
    const matches = lines.map((line) => pattern.exec(line));
    if (!matches.every((match) => match !== null)) continue;
    const packages: NvidiaPackage[] = [];
    for (const match of matches) {
      const [, name = '', version = ''] = match;
      if (!NVIDIA_NAME.test(name) || version === '' || packages.some((known) => known.name === name))
        continue;
      packages.push({ name, version, kind: classifyNvidiaPackage(name) });
    }
    return { manager, packages, linuxDriverPackages: packages.filter((item) => item.kind !== 'other') };
  }
  return undefined;
}

/**
 * Parse the NVIDIA packages probe (commands.ts): the `manager` line, then `STATUS|NAME|VERSION` lines; or a plain
 * `dpkg-query -W`, `rpm -qa` or `pacman -Q` listing.
 */
export function parseNvidiaPackages(text: string): Parsed<NvidiaPackages> {
  return parseSafely('distro-nvidia-packages', text, (): Parsed<NvidiaPackages> => {
    let manager: PackageManager | undefined;
    const packages: NvidiaPackage[] = [];
    for (const line of text.split(/\r?\n/)) {
      const managerMatch = MANAGER_LINE.exec(line);
      if (managerMatch) {
        manager ??= managerMatch[1] as PackageManager;
        continue;
      }
      const match = PACKAGE_LINE.exec(line);
      if (!match || manager === undefined) continue;
      const [, , status = '', , name = '', version = ''] = match;
      if (!isInstalled(status) || packages.some((known) => known.name === name)) continue;
      packages.push({ name, version: version.trim(), kind: classifyNvidiaPackage(name) });
    }
    if (manager === undefined) {
      const plain = parsePlainListing(text);
      return plain
        ? parsed(plain)
        : unreadable(
            'distro-nvidia-packages',
            'neither the probe’s own format (a `manager` line) nor a plain dpkg-query -W, rpm -qa or pacman -Q listing',
            text,
          );
    }
    return parsed({
      manager,
      packages,
      linuxDriverPackages: packages.filter((item) => item.kind !== 'other'),
    });
  });
}
