/**
 * Cheap Windows-side facts read with `reg query` without admin rights (docs/windows-events.md "Registry facts"): Memory
 * Integrity, hardware-accelerated GPU scheduling, OneDrive folder redirection, the display drivers (NVIDIA's public
 * version among them) and the Windows build.
 */
import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import {
  getRegNumber,
  getRegString,
  getRegValue,
  parseRegQuery,
  type RegKey,
  type RegQueryResult,
  type RegValue,
} from './reg-query';

/** Memory Integrity's key; its `Enabled` DWORD is 1 when on. */
export const HVCI_KEY =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\DeviceGuard\\Scenarios\\HypervisorEnforcedCodeIntegrity';
/** The graphics kernel's key; `HwSchMode` is 2 when hardware-accelerated GPU scheduling is on, 1 when off. */
export const GRAPHICS_DRIVERS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\GraphicsDrivers';
/** The user's folder locations; `Personal` is Documents. OneDrive's Known Folder Move rewrites them. */
export const USER_SHELL_FOLDERS_KEY =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders';
/** The display adapter class: one subkey per adapter (`0000`, `0001`, …) with its driver's values. */
export const DISPLAY_CLASS_KEY =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}';
/** The Windows version key: `CurrentBuild`, `UBR`, `DisplayVersion`. */
export const WINDOWS_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/**
 * WSL's distro registrations: one `{GUID}` subkey per distro with `DistributionName` and `BasePath`, the folder of
 * its `ext4.vhdx` (learn.microsoft.com/windows/wsl/disk-space, "How to locate the .vhdx file and disk path").
 */
export const LXSS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss';

/** Windows' code pages; `OEMCP` (REG_SZ, e.g. `850`) is the one reg.exe, wevtutil.exe and nvidia-smi.exe print in. */
export const CODE_PAGE_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';

/** The ids of the registry probes. */
export const REG_PROBE_IDS = [
  'reg-oem-codepage',
  'reg-hvci',
  'reg-hags',
  'reg-shell-folders',
  'reg-display-driver',
  'reg-windows-version',
  'reg-lxss',
] as const;

/** A registry probe id. */
export type RegProbeId = (typeof REG_PROBE_IDS)[number];

/** A registry probe: its id and the argument list to spawn (no shell). */
export interface RegProbe {
  readonly id: RegProbeId;
  readonly argv: readonly string[];
}

/**
 * The `reg query` commands Headroom runs, one process each, none needing admin. The display class is read with
 * `/s` so that every adapter (an NVIDIA GPU is `0001` on laptops whose `0000` is the integrated GPU) comes in one go.
 */
export const REG_PROBES: readonly RegProbe[] = [
  { id: 'reg-oem-codepage', argv: ['reg.exe', 'query', CODE_PAGE_KEY, '/v', 'OEMCP'] },
  { id: 'reg-hvci', argv: ['reg.exe', 'query', HVCI_KEY, '/v', 'Enabled'] },
  { id: 'reg-hags', argv: ['reg.exe', 'query', GRAPHICS_DRIVERS_KEY, '/v', 'HwSchMode'] },
  { id: 'reg-shell-folders', argv: ['reg.exe', 'query', USER_SHELL_FOLDERS_KEY] },
  { id: 'reg-display-driver', argv: ['reg.exe', 'query', DISPLAY_CLASS_KEY, '/s'] },
  { id: 'reg-windows-version', argv: ['reg.exe', 'query', WINDOWS_VERSION_KEY] },
  { id: 'reg-lxss', argv: ['reg.exe', 'query', LXSS_KEY, '/s'] },
];

/** What one registry probe printed on stdout (decoded) and its exit code (null when it did not finish). */
export interface RegProbeOutput {
  readonly stdout: string;
  readonly exitCode: number | null;
}

/** Memory Integrity (HVCI). */
export interface MemoryIntegrityFact {
  readonly enabled: boolean;
  /** False when the key or value is absent: never configured, which means off. */
  readonly configured: boolean;
}

/** Hardware-accelerated GPU scheduling (HAGS). */
export interface GpuSchedulingFact {
  /** `not-set` when `HwSchMode` is absent: the default, which depends on the driver and Windows. */
  readonly state: 'on' | 'off' | 'not-set';
}

/** One user folder's location as stored (environment variables unexpanded). */
export interface UserFolder {
  readonly path: string;
  /** The path is under OneDrive (Known Folder Move). */
  readonly onOneDrive: boolean;
}

/** Where Documents, Desktop and Pictures live. */
export interface ShellFoldersFact {
  readonly documents?: UserFolder;
  readonly desktop?: UserFolder;
  readonly pictures?: UserFolder;
  /** Documents or Desktop is redirected into OneDrive. */
  readonly redirectedToOneDrive: boolean;
}

/** One display adapter's driver, from its subkey of the display class. */
export interface DisplayAdapter {
  /** The subkey, `0000`, `0001`, … */
  readonly index: string;
  readonly description?: string;
  readonly provider?: string;
  /** The Windows driver version, e.g. `32.0.15.6094`. */
  readonly driverVersion?: string;
  readonly driverDate?: string;
  /** e.g. `pci\ven_10de&dev_2684`. */
  readonly matchingDeviceId?: string;
  readonly isNvidia: boolean;
  /** NVIDIA's public version (`560.94`) for an NVIDIA adapter whose driver version has the usual shape. */
  readonly nvidiaVersion?: string;
}

/** The display adapters and the first NVIDIA one. */
export interface DisplayDriversFact {
  readonly adapters: readonly DisplayAdapter[];
  readonly nvidia?: DisplayAdapter;
}

/** The Windows build. */
export interface WindowsVersionFact {
  /** `CurrentBuild`, e.g. 26100. */
  readonly build: number;
  /** The update revision (`UBR`), e.g. 2894. */
  readonly ubr?: number;
  /** `26100.2894`, or just the build without a UBR. */
  readonly version: string;
  /** `DisplayVersion`, e.g. `24H2` (absent before Windows 10 20H2). */
  readonly displayVersion?: string;
  /** `ProductName`, which still says "Windows 10" on Windows 11. */
  readonly productName?: string;
  /** Build 22000 or later. */
  readonly windows11: boolean;
  /** e.g. `Windows 11 24H2`, from the display version or the known builds. */
  readonly release?: string;
}

/**
 * The console's OEM code page from `reg query <CODE_PAGE_KEY> /v OEMCP`, whose output is ASCII in every code page;
 * undefined when the probe failed or the value is not a number.
 */
export function readOemCodePage(output: RegProbeOutput): number | undefined {
  const result = parseRegQuery(output.stdout, output.exitCode, 'reg-oem-codepage');
  if (!result.ok || !result.value.found) return undefined;
  const key = result.value.keys[0];
  const value = key ? Number(getRegString(key, 'OEMCP')) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A distro WSL registered and the Windows folder holding its virtual disk. */
export interface DistroDisk {
  readonly name: string;
  /** `BasePath`, e.g. `C:\Users\me\AppData\Local\wsl\{GUID}`, its `\\?\` prefix stripped. */
  readonly basePath: string;
}

/** Every registry fact that was collected; a missing probe leaves its fact absent. */
export interface WindowsFacts {
  /** The distros' disk folders, from WSL's registrations. */
  readonly distroDisks?: Parsed<readonly DistroDisk[]>;
  readonly hvci?: Parsed<MemoryIntegrityFact>;
  readonly hags?: Parsed<GpuSchedulingFact>;
  readonly shellFolders?: Parsed<ShellFoldersFact>;
  readonly displayDrivers?: Parsed<DisplayDriversFact>;
  readonly windowsVersion?: Parsed<WindowsVersionFact>;
}

/** Builds of each release with their names (docs/windows-events.md "Registry facts"). */
export const WINDOWS_RELEASES: readonly { readonly build: number; readonly name: string }[] = [
  { build: 26200, name: 'Windows 11 25H2' },
  { build: 26100, name: 'Windows 11 24H2' },
  { build: 22631, name: 'Windows 11 23H2' },
  { build: 22621, name: 'Windows 11 22H2' },
  { build: 22000, name: 'Windows 11 21H2' },
  { build: 19045, name: 'Windows 10 22H2' },
  { build: 19044, name: 'Windows 10 21H2' },
  { build: 19043, name: 'Windows 10 21H1' },
  { build: 19042, name: 'Windows 10 20H2' },
  { build: 19041, name: 'Windows 10 2004' },
];

/** Run reg query's parser, then read the fact from the keys it found. */
function readRegFact<T>(
  probe: RegProbeId,
  output: RegProbeOutput,
  read: (result: RegQueryResult) => Parsed<T>,
): Parsed<T> {
  return parseSafely(probe, output.stdout, () => {
    const result = parseRegQuery(output.stdout, output.exitCode, probe);
    return result.ok ? read(result.value) : result;
  });
}

function firstKey(result: RegQueryResult): RegKey | undefined {
  return result.keys[0];
}

/** A value of the first key printed, or undefined when reg.exe found no such key or value. */
function namedValue(result: RegQueryResult, name: string): RegValue | undefined {
  const key = firstKey(result);
  return key && getRegValue(key, name);
}

/** Memory Integrity from `reg query <HVCI_KEY> /v Enabled`; a missing key or value means never configured (off). */
export function readMemoryIntegrity(output: RegProbeOutput): Parsed<MemoryIntegrityFact> {
  return readRegFact('reg-hvci', output, (result): Parsed<MemoryIntegrityFact> => {
    const value = namedValue(result, 'Enabled');
    if (value === undefined) return parsed({ enabled: false, configured: false });
    if (typeof value.data !== 'number') {
      return unreadable(
        'reg-hvci',
        `Enabled is ${value.type} "${String(value.data)}", not a DWORD`,
        output.stdout,
      );
    }
    return parsed({ enabled: value.data !== 0, configured: true });
  });
}

/** Hardware-accelerated GPU scheduling from `reg query <GRAPHICS_DRIVERS_KEY> /v HwSchMode`: 2 on, 1 off. */
export function readGpuScheduling(output: RegProbeOutput): Parsed<GpuSchedulingFact> {
  return readRegFact('reg-hags', output, (result): Parsed<GpuSchedulingFact> => {
    const value = namedValue(result, 'HwSchMode');
    if (value === undefined) return parsed({ state: 'not-set' });
    if (value.data === 2) return parsed({ state: 'on' });
    if (value.data === 1) return parsed({ state: 'off' });
    return unreadable(
      'reg-hags',
      `HwSchMode is ${value.type} "${String(value.data)}", not 1 or 2`,
      output.stdout,
    );
  });
}

const ONEDRIVE = /onedrive/i;

function userFolder(key: RegKey, name: string): { path: string; onOneDrive: boolean } | undefined {
  const path = getRegString(key, name);
  return path === undefined ? undefined : { path, onOneDrive: ONEDRIVE.test(path) };
}

/** Documents (`Personal`), Desktop and Pictures from `reg query <USER_SHELL_FOLDERS_KEY>`, and OneDrive redirection. */
export function readShellFolders(output: RegProbeOutput): Parsed<ShellFoldersFact> {
  return readRegFact('reg-shell-folders', output, (result): Parsed<ShellFoldersFact> => {
    const key = firstKey(result);
    if (!result.found || !key) {
      return unreadable('reg-shell-folders', 'the User Shell Folders key is missing', output.stdout);
    }
    const documents = userFolder(key, 'Personal');
    const desktop = userFolder(key, 'Desktop');
    const pictures = userFolder(key, 'My Pictures');
    return parsed({
      ...(documents && { documents }),
      ...(desktop && { desktop }),
      ...(pictures && { pictures }),
      redirectedToOneDrive: Boolean(documents?.onOneDrive) || Boolean(desktop?.onOneDrive),
    });
  });
}

/**
 * NVIDIA's public driver version from the Windows driver version: the last five digits of the last two groups
 * joined, the last padded to four digits (`32.0.15.6094` → `156094` → `560.94`; `31.0.15.5222` → `552.22`).
 * Undefined unless the version has four numeric groups with a third group of two digits or more.
 */
export function nvidiaVersionFromDriverVersion(driverVersion: string): string | undefined {
  const match = /^\s*\d+\.\d+\.(\d{2,})\.(\d{1,4})\s*$/.exec(driverVersion);
  if (!match) return undefined;
  const [, third = '', fourth = ''] = match;
  const digits = (third + fourth.padStart(4, '0')).slice(-5);
  if (digits.length < 5) return undefined;
  return `${Number(digits.slice(0, 3))}.${digits.slice(3)}`;
}

const ADAPTER_KEY = /\\\{4d36e968-e325-11ce-bfc1-08002be10318\}\\(\d{4})$/i;

function readAdapter(key: RegKey, index: string): DisplayAdapter {
  const description = getRegString(key, 'DriverDesc');
  const provider = getRegString(key, 'ProviderName');
  const driverVersion = getRegString(key, 'DriverVersion');
  const driverDate = getRegString(key, 'DriverDate');
  const matchingDeviceId = getRegString(key, 'MatchingDeviceId');
  const isNvidia =
    /nvidia/i.test(provider ?? '') ||
    /ven_10de/i.test(matchingDeviceId ?? '') ||
    /nvidia/i.test(description ?? '');
  const nvidiaVersion =
    isNvidia && driverVersion !== undefined ? nvidiaVersionFromDriverVersion(driverVersion) : undefined;
  return {
    index,
    ...(description !== undefined && { description }),
    ...(provider !== undefined && { provider }),
    ...(driverVersion !== undefined && { driverVersion }),
    ...(driverDate !== undefined && { driverDate }),
    ...(matchingDeviceId !== undefined && { matchingDeviceId }),
    isNvidia,
    ...(nvidiaVersion !== undefined && { nvidiaVersion }),
  };
}

/**
 * The display adapters from `reg query <DISPLAY_CLASS_KEY> /s`: every `\NNNN` subkey that has a driver. Adapters
 * printed before reg.exe stopped at an unreadable subkey (exit 1) still count.
 */
export function readDisplayDrivers(output: RegProbeOutput): Parsed<DisplayDriversFact> {
  return readRegFact('reg-display-driver', output, (result): Parsed<DisplayDriversFact> => {
    if (!result.found) {
      return unreadable('reg-display-driver', 'the display adapter class key is missing', output.stdout);
    }
    const adapters: DisplayAdapter[] = [];
    for (const key of result.keys) {
      const index = ADAPTER_KEY.exec(key.path)?.[1];
      if (index === undefined || adapters.some((adapter) => adapter.index === index)) continue;
      const adapter = readAdapter(key, index);
      if (adapter.driverVersion !== undefined || adapter.description !== undefined) adapters.push(adapter);
    }
    const nvidia = adapters.find((adapter) => adapter.isNvidia);
    return parsed({ adapters, ...(nvidia && { nvidia }) });
  });
}

/** The release name of a build: the known build table, or undefined. */
export function windowsReleaseOfBuild(build: number): string | undefined {
  return WINDOWS_RELEASES.find((release) => release.build === build)?.name;
}

/** The Windows build from `reg query <WINDOWS_VERSION_KEY>` (`CurrentBuild`, `UBR`, `DisplayVersion`). */
export function readWindowsVersion(output: RegProbeOutput): Parsed<WindowsVersionFact> {
  return readRegFact('reg-windows-version', output, (result): Parsed<WindowsVersionFact> => {
    const key = firstKey(result);
    const buildText = key && (getRegString(key, 'CurrentBuild') ?? getRegString(key, 'CurrentBuildNumber'));
    if (!key || buildText === undefined || !/^\s*\d+\s*$/.test(buildText)) {
      return unreadable('reg-windows-version', 'CurrentBuild is missing or not a number', output.stdout);
    }
    const build = Number(buildText);
    const ubr = getRegNumber(key, 'UBR');
    const displayVersion = getRegString(key, 'DisplayVersion');
    const productName = getRegString(key, 'ProductName');
    const windows11 = build >= 22000;
    const release =
      displayVersion === undefined
        ? windowsReleaseOfBuild(build)
        : `Windows ${windows11 ? '11' : '10'} ${displayVersion}`;
    return parsed({
      build,
      ...(ubr !== undefined && { ubr }),
      version: ubr === undefined ? String(build) : `${build}.${ubr}`,
      ...(displayVersion !== undefined && { displayVersion }),
      ...(productName !== undefined && { productName }),
      windows11,
      ...(release !== undefined && { release }),
    });
  });
}

/**
 * The distros' disk folders from `reg query <LXSS_KEY> /s`: each subkey with a `BasePath`. A missing key (no distro
 * ever registered) is an empty list.
 */
export function readDistroDisks(output: RegProbeOutput): Parsed<readonly DistroDisk[]> {
  return readRegFact('reg-lxss', output, (result): Parsed<readonly DistroDisk[]> => {
    const disks = result.keys.flatMap((key) => {
      const basePath = getRegString(key, 'BasePath');
      if (basePath === undefined) return [];
      const name = getRegString(key, 'DistributionName') ?? key.path.split('\\').pop() ?? '';
      return [{ name, basePath: basePath.replace(/^\\\\\?\\/, '') }];
    });
    return parsed(disks);
  });
}

/** Read every registry fact whose probe output is given; facts of missing probes stay absent. */
export function readWindowsFacts(outputs: Partial<Record<RegProbeId, RegProbeOutput>>): WindowsFacts {
  const hvci = outputs['reg-hvci'];
  const hags = outputs['reg-hags'];
  const shellFolders = outputs['reg-shell-folders'];
  const displayDrivers = outputs['reg-display-driver'];
  const windowsVersion = outputs['reg-windows-version'];
  const lxss = outputs['reg-lxss'];
  return {
    ...(lxss && { distroDisks: readDistroDisks(lxss) }),
    ...(hvci && { hvci: readMemoryIntegrity(hvci) }),
    ...(hags && { hags: readGpuScheduling(hags) }),
    ...(shellFolders && { shellFolders: readShellFolders(shellFolders) }),
    ...(displayDrivers && { displayDrivers: readDisplayDrivers(displayDrivers) }),
    ...(windowsVersion && { windowsVersion: readWindowsVersion(windowsVersion) }),
  };
}
