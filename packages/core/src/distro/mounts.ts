import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/**
 * What backs a mount: `windows` for a Windows folder served over WSL's file server (9p, drvfs, virtiofs), slow for
 * model files; `linux-disk` for the distro's own ext4 (or another disk file system); `memory` for tmpfs; `system` for
 * the kernel's pseudo file systems; `other` for the rest (overlay, squashfs, fuse…).
 */
export type MountKind = 'windows' | 'linux-disk' | 'memory' | 'system' | 'other';

/** One line of /proc/mounts. */
export interface Mount {
  /** The source with the kernel's octal escapes undone, e.g. `C:\` or `/dev/sdc`. */
  readonly device: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly options: readonly string[];
  readonly kind: MountKind;
  /** The Windows drive letter (upper case) for a Windows drive mount such as /mnt/c. */
  readonly driveLetter?: string;
}

const WINDOWS_FS = new Set(['9p', 'drvfs', 'virtiofs']);
const DISK_FS = new Set(['ext4', 'ext3', 'ext2', 'xfs', 'btrfs', 'f2fs', 'zfs']);
const MEMORY_FS = new Set(['tmpfs', 'ramfs']);
const SYSTEM_FS = new Set([
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'cgroup',
  'cgroup2',
  'mqueue',
  'debugfs',
  'tracefs',
  'securityfs',
  'fusectl',
  'configfs',
  'binfmt_misc',
  'hugetlbfs',
  'bpf',
  'pstore',
  'autofs',
  'rootfs',
]);

/** Undo /proc/mounts' octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` backslash). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

function kindOf(fsType: string): MountKind {
  if (WINDOWS_FS.has(fsType)) return 'windows';
  if (DISK_FS.has(fsType)) return 'linux-disk';
  if (MEMORY_FS.has(fsType)) return 'memory';
  if (SYSTEM_FS.has(fsType)) return 'system';
  return 'other';
}

/**
 * The drive letter of a Windows mount: from a `C:\` source (drvfs over 9p), from `path=C:\` in 9p's `aname`
 * options, or from a one-letter folder such as /mnt/c (virtiofs sources are tags). WSL's own 9p shares (the driver
 * store at /usr/lib/wsl/drivers) have none.
 */
function driveLetterOf(device: string, mountPoint: string, options: readonly string[]): string | undefined {
  const fromDevice = /^([A-Za-z]):(?:\\|$)/.exec(device)?.[1];
  if (fromDevice !== undefined) return fromDevice.toUpperCase();
  const fromOptions = options
    .map((option) => /(?:^|;)path=([A-Za-z]):/.exec(option)?.[1])
    .find((x) => x !== undefined);
  if (fromOptions !== undefined) return fromOptions.toUpperCase();
  if (options.some((option) => /(?:^|;)aname=drivers(?:;|$)/.test(option))) return undefined;
  return /^\/mnt\/([a-z])$/i.exec(mountPoint)?.[1]?.toUpperCase();
}

/** Parse `cat /proc/mounts`. Lines without the six fields (a cut-off last line, an error message) are skipped. */
export function parseMounts(text: string): Parsed<Mount[]> {
  return parseSafely('distro-mounts', text, (): Parsed<Mount[]> => {
    const mounts: Mount[] = [];
    for (const line of text.split(/\r?\n/)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length !== 6 || !fields.slice(4).every((field) => /^\d+$/.test(field))) continue;
      const [rawDevice = '', rawMountPoint = '', fsType = '', rawOptions = ''] = fields;
      const mountPoint = unescapeMountField(rawMountPoint);
      if (!mountPoint.startsWith('/')) continue;
      const device = unescapeMountField(rawDevice);
      const options = unescapeMountField(rawOptions).split(',');
      const kind = kindOf(fsType);
      const driveLetter = kind === 'windows' ? driveLetterOf(device, mountPoint, options) : undefined;
      mounts.push({
        device,
        mountPoint,
        fsType,
        options,
        kind,
        ...(driveLetter !== undefined && { driveLetter }),
      });
    }
    if (mounts.length === 0) return unreadable('distro-mounts', 'no mount line', text);
    return parsed(mounts);
  });
}

/**
 * The mount a path lives on: the last-mounted entry whose mount point is the path or one of its parent folders
 * (later mounts hide earlier ones). Undefined when not even `/` is mounted.
 */
export function findMountFor(mounts: readonly Mount[], path: string): Mount | undefined {
  let best: Mount | undefined;
  for (const mount of mounts) {
    const point = mount.mountPoint;
    const covers =
      point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (covers && (best === undefined || point.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}
