/**
 * Every key WSL reads from .wslconfig, from its key table (microsoft/WSL src/windows/common/WslCoreConfig.{h,cpp},
 * snapshot 3e27a6a of 2026-08), and the keys people put here by mistake.
 */

/** How WSL parses a key's value. */
export type WslValueType = 'size' | 'int' | 'bool' | 'string' | 'path' | 'enum' | 'ports' | 'ipv4' | 'mac';

/** One key WSL reads. */
export interface WslKeySpec {
  /** WSL's own name, e.g. `wsl2.memory`: the canonical key. */
  readonly key: string;
  /** Other full names WSL accepts for the same key (e.g. `experimental.networkingMode`). */
  readonly aliases: readonly string[];
  readonly section: string;
  readonly name: string;
  readonly type: WslValueType;
  /** Valid values of an enum, in WSL's spelling, in the order WSL lists them. */
  readonly values?: readonly string[];
  /** Other accepted spellings of enum values and what WSL maps them to. */
  readonly valueAliases?: Readonly<Record<string, string>>;
  /** The default in words; `hostDependent` when it depends on the machine. */
  readonly default: string;
  readonly hostDependent?: boolean;
  /** One line of what it does. */
  readonly meaning: string;
  /** Where to read more: the docs for documented keys, WSL's source for the others. */
  readonly docs: string;
}

const DOCS = 'https://learn.microsoft.com/windows/wsl/wsl-config#wslconfig';
const SOURCE = 'https://github.com/microsoft/WSL/blob/master/src/windows/common/WslCoreConfig.h';

type KeyRow = [name: string, type: WslValueType, defaultValue: string, meaning: string, documented?: boolean];

function section(sectionName: string, rows: readonly KeyRow[]): WslKeySpec[] {
  return rows.map(([name, type, defaultValue, meaning, documented = true]) => ({
    key: `${sectionName}.${name}`,
    aliases: [],
    section: sectionName,
    name,
    type,
    default: defaultValue,
    meaning,
    docs: documented ? DOCS : SOURCE,
  }));
}

const WSL2_KEYS: readonly KeyRow[] = [
  ['kernel', 'path', 'the kernel that ships with WSL', 'Path to a custom Linux kernel.'],
  ['kernelCommandLine', 'string', '(empty)', 'Extra kernel command-line arguments.'],
  ['kernelModules', 'path', '(none)', 'Path to a VHD of kernel modules for a custom kernel.'],
  [
    'memory',
    'size',
    '50% of the host’s RAM',
    'How much memory the WSL 2 VM may use (at least 256MB, at most all RAM).',
  ],
  ['processors', 'int', 'all logical processors', 'How many logical processors the WSL 2 VM gets.'],
  ['debugConsole', 'bool', 'false', 'Open a console window with the kernel log when the VM starts.'],
  ['earlyBootLogging', 'bool', 'false (true with the debug console)', 'Log early boot messages.', false],
  [
    'swap',
    'size',
    '25% of memory, rounded up to a whole GB',
    'Size of the VM’s swap file; 0 turns swap off.',
  ],
  ['swapFile', 'path', '%Temp%\\swap.vhdx', 'Where the swap VHD lives.'],
  ['localhostForwarding', 'bool', 'true', 'Reach Linux services bound to localhost from Windows (NAT mode).'],
  ['nestedVirtualization', 'bool', 'true on Windows 11 x64, else false', 'Allow VMs inside WSL 2.'],
  ['virtio9p', 'bool', 'false', 'Use virtio-9p for Windows drives (WSL turns it off again).', false],
  ['virtiofs', 'bool', 'false', 'Use virtiofs for Windows drives.', false],
  ['kernelDebugPort', 'int', '0 (off)', 'COM port for kernel debugging.', false],
  [
    'gpuSupport',
    'bool',
    'true',
    'Give the VM the GPU (GPU-PV) and mount /usr/lib/wsl/lib: CUDA needs it.',
    false,
  ],
  ['guiApplications', 'bool', 'true', 'Run Linux GUI apps through WSLg.'],
  ['systemDistro', 'path', 'the WSLg system distro', 'Path to a custom WSLg system distro.', false],
  ['telemetry', 'bool', 'true', 'Send WSL telemetry.', false],
  [
    'vmIdleTimeout',
    'int',
    '60000 (ms)',
    'How long the VM stays up after its last distro stops; negative keeps it up.',
  ],
  ['debugConsoleLogFile', 'path', '(none)', 'Write the kernel log to this file.', false],
  ['kernelBootTimeout', 'int', '30000 (ms)', 'How long to wait for the kernel to boot.', false],
  ['distributionStartTimeout', 'int', '60000 (ms)', 'How long to wait for a distro to start.', false],
  ['virtio', 'bool', 'true (Windows 11 or x64)', 'Use virtio devices.', false],
  ['hostFileSystemAccess', 'bool', 'true', 'Let distros reach Windows drives.', false],
  ['mountDeviceTimeout', 'int', '5000 (ms)', 'How long to wait for a device to mount.', false],
  ['hardwarePerformanceCounters', 'bool', 'true on x64', 'Expose hardware performance counters.', false],
  ['vmSwitch', 'string', '(none)', 'Hyper-V switch for bridged networking.', false],
  ['macAddress', 'mac', 'random (bridged mode)', 'MAC address of the VM’s network adapter.', false],
  ['dhcp', 'bool', 'true', 'Use DHCP in bridged mode.', false],
  ['dhcpTimeout', 'int', '5000 (ms)', 'How long to wait for DHCP.', false],
  ['ipv6', 'bool', 'false', 'Enable IPv6 in the VM.', false],
  ['dnsProxy', 'bool', 'true', 'Use the DNS proxy on the NAT gateway.'],
  ['safeMode', 'bool', 'false', 'Start WSL with GPU, GUI, swap, custom kernel and networking turned off.'],
  ['defaultVhdSize', 'size', '1TB', 'Maximum size of new distros’ virtual disks.'],
  ['crashDumpFolder', 'path', '%Temp%\\wsl-crashes', 'Where Linux crash dumps go.', false],
  ['maxCrashDumpCount', 'int', '10', 'How many crash dumps to keep.', false],
  ['dnsTunneling', 'bool', 'true', 'Answer DNS through a virtual channel instead of the network.'],
  ['firewall', 'bool', 'true', 'Apply Hyper-V firewall rules to WSL traffic.'],
  ['autoProxy', 'bool', 'true', 'Give Linux the Windows HTTP proxy settings.'],
  ['loadKernelModules', 'string', '(none)', 'Extra kernel modules to load at boot, comma-separated.', false],
  ['loadDefaultKernelModules', 'bool', 'true', 'Load tun, ip_tables and br_netfilter at boot.', false],
  ['isolateDistroCgroup', 'bool', 'true', 'Give each distro its own cgroup.', false],
];

const NETWORKING_MODES = ['Bridged', 'Consomme', 'Mirrored', 'Nat', 'None', 'VirtioProxy'];

const ALL_KEYS: WslKeySpec[] = [
  ...section('wsl2', WSL2_KEYS).map((spec) =>
    ['dnsTunneling', 'firewall', 'autoProxy'].includes(spec.name)
      ? { ...spec, aliases: [`experimental.${spec.name}`] }
      : spec,
  ),
  {
    key: 'wsl2.networkingMode',
    aliases: ['experimental.networkingMode'],
    section: 'wsl2',
    name: 'networkingMode',
    type: 'enum',
    values: NETWORKING_MODES,
    valueAliases: { VirtioProxy: 'Consomme' },
    default: 'Nat (or the mode set by policy)',
    meaning: 'How the VM is networked: Nat, Mirrored, Bridged (needs vmSwitch), None, or Consomme.',
    docs: DOCS,
  },
  {
    key: 'experimental.autoMemoryReclaim',
    aliases: [],
    section: 'experimental',
    name: 'autoMemoryReclaim',
    type: 'enum',
    values: ['Disabled', 'DropCache', 'Gradual'],
    default: 'DropCache',
    meaning: 'Give cached memory back to Windows when the VM is idle.',
    docs: DOCS,
  },
  ...section('experimental', [
    ['sparseVhd', 'bool', 'false', 'Make new virtual disks sparse, so they shrink when files are deleted.'],
    [
      'bestEffortDnsParsing',
      'bool',
      'false',
      'With DNS tunneling, answer questions Windows cannot fully parse.',
    ],
    ['initialAutoProxyTimeout', 'int', '1000 (ms)', 'How long to wait for proxy settings at start.'],
    [
      'hostAddressLoopback',
      'bool',
      'false',
      'In mirrored mode, let the host and the VM reach each other by IP.',
    ],
    ['setVersionDebug', 'bool', 'false', 'Debug output for wsl --set-version.', false],
    ['swiotlb', 'size', 'computed from memory', 'Bounce-buffer size for virtio devices.', false],
    ['virtioFsAggregateShares', 'bool', 'true', 'Share one virtiofs device between drives.', false],
  ]),
  {
    key: 'experimental.dnsTunnelingIpAddress',
    aliases: [],
    section: 'experimental',
    name: 'dnsTunnelingIpAddress',
    type: 'ipv4',
    default: '10.255.255.254',
    meaning: 'The nameserver address Linux sees with DNS tunneling.',
    docs: DOCS,
  },
  {
    key: 'experimental.ignoredPorts',
    aliases: [],
    section: 'experimental',
    name: 'ignoredPorts',
    type: 'ports',
    default: '(none)',
    meaning: 'In mirrored mode, ports Linux may bind even when Windows uses them (comma-separated).',
    docs: DOCS,
  },
  ...section('general', [
    ['distributionInstallPath', 'path', '%LOCALAPPDATA%\\wsl', 'Where new distros are installed.', false],
    ['instanceIdleTimeout', 'int', '15000 (ms)', 'How long a distro lingers after its last process exits.'],
  ]),
];

/** Every key WSL reads, canonical first. */
export const WSL_KEYS: readonly WslKeySpec[] = ALL_KEYS.map((spec) =>
  ['memory', 'swap', 'processors', 'nestedVirtualization'].includes(spec.name)
    ? { ...spec, hostDependent: true }
    : spec,
);

/** Find the key WSL means by a full name (case-insensitive, aliases included), as WSL's `strcasecmp` lookup does. */
export function findKeySpec(fullName: string): WslKeySpec | undefined {
  const wanted = fullName.toLowerCase();
  return WSL_KEYS.find((spec) => [spec.key, ...spec.aliases].some((name) => name.toLowerCase() === wanted));
}

/** Keys of the per-distro /etc/wsl.conf (microsoft/WSL src/linux/init/WslDistributionConfig.cpp). */
export const WSL_CONF_KEYS: readonly string[] = [
  'automount.enabled',
  'automount.root',
  'automount.options',
  'automount.mountFsTab',
  'automount.ldconfig',
  'automount.cgroups',
  'filesystem.umask',
  'interop.enabled',
  'interop.appendWindowsPath',
  'network.generateHosts',
  'network.generateResolvConf',
  'network.hostname',
  'time.useWindowsTimezone',
  'fileServer.enabled',
  'fileServer.logFile',
  'fileServer.logLevel',
  'fileServer.logTruncate',
  'gpu.enabled',
  'gpu.appendLibPath',
  'user.default',
  'boot.command',
  'boot.systemd',
  'boot.initTimeout',
  'boot.protectBinfmt',
  'general.guiApplications',
];

/** Sections that exist only in /etc/wsl.conf. */
export const WSL_CONF_SECTIONS: readonly string[] = [
  'automount',
  'filesystem',
  'interop',
  'network',
  'time',
  'fileServer',
  'gpu',
  'user',
  'boot',
];

/** Keys WSL used to read, or that guides still mention, which it now ignores. */
export const REMOVED_KEYS: Readonly<Record<string, string>> = {
  'wsl2.pagereporting':
    'WSL no longer reads pageReporting (removed from the docs in 2025); autoMemoryReclaim under [experimental] returns memory to Windows.',
  'wsl2.pagereportingorder': 'WSL no longer reads pageReportingOrder.',
};
