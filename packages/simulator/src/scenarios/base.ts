import type { Scenario, SimulatedDistro, SimulatedEvent } from './scenario';

const GiB = 2 ** 30;

const UBUNTU_OS_RELEASE = [
  'PRETTY_NAME="Ubuntu 24.04.1 LTS"',
  'NAME="Ubuntu"',
  'VERSION_ID="24.04"',
  'VERSION="24.04.1 LTS (Noble Numbat)"',
  'ID=ubuntu',
  'ID_LIKE=debian',
  '',
].join('\n');

/** The default distro of a working machine: Ubuntu 24.04 with the GPU passed through and systemd on. */
export const UBUNTU: SimulatedDistro = {
  name: 'Ubuntu-24.04',
  version: 2,
  isDefault: true,
  running: true,
  osRelease: UBUNTU_OS_RELEASE,
  gpu: 'ok',
  packages: ['libc6 2.39-0ubuntu8.3', 'python3 3.12.3-0ubuntu2', 'build-essential 12.10ubuntu1'],
  libcudaFromWsl: true,
  wslConf: '[boot]\nsystemd=true\n',
  extraMounts: [],
  modelDirs: [{ path: '/usr/share/ollama/.ollama/models', resolved: '/usr/share/ollama/.ollama/models' }],
};

/** Docker Desktop's own distro. */
export const DOCKER_DESKTOP: SimulatedDistro = {
  name: 'docker-desktop',
  version: 2,
  isDefault: false,
  running: true,
  osRelease: 'PRETTY_NAME="Docker Desktop"\nID=docker-desktop\nVERSION_ID="4.36"\n',
  gpu: 'ok',
  packages: [],
  libcudaFromWsl: true,
  extraMounts: [],
  modelDirs: [],
};

/**
 * Docker Desktop's data distro (before Docker Desktop 4.30): it holds the images' disk and has no shell, so any
 * command run in it fails at once. It runs whenever Docker Desktop does.
 */
export const DOCKER_DESKTOP_DATA: SimulatedDistro = {
  name: 'docker-desktop-data',
  version: 2,
  isDefault: false,
  running: true,
  osRelease: '',
  gpu: 'missing',
  packages: [],
  libcudaFromWsl: false,
  extraMounts: [],
  modelDirs: [],
  shell: false,
};

/** A Defender definition update: Windows Update noise every machine has. */
export const DEFENDER_UPDATE: SimulatedEvent = {
  log: 'System',
  provider: 'Microsoft-Windows-WindowsUpdateClient',
  eventId: 19,
  time: '2026-11-19T08:12:31.0000000Z',
  level: 4,
  data: {
    updateTitle:
      'Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.421.1012.0) - Current Channel (Broad)',
    updateGuid: '{1E2B5F5C-3A63-4F0B-8B5A-3D8C4C6B9E21}',
    updateRevisionNumber: '200',
  },
};

const CODE_PAGE = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';
const DISPLAY_CLASS =
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0000';

/** A healthy workstation: RTX 4090, 64 GB, Windows 11 24H2, current WSL, .wslconfig sized for a 70B model. */
export const HEALTHY: Scenario = {
  name: 'healthy',
  summary:
    'Everything works: Ubuntu-24.04 (default) and docker-desktop on WSL 2, an RTX 4090 passed through, .wslconfig applied.',
  host: {
    totalMemoryBytes: 64 * GiB,
    logicalProcessors: 16,
    windowsBuild: 26100,
    driverVersion: '566.36',
    cudaVersion: '12.7',
    gpus: [
      {
        name: 'NVIDIA GeForce RTX 4090',
        uuid: 'GPU-5c2a1f3e-8d4b-4c6e-9a1b-2f3c4d5e6f70',
        memoryTotalMiB: 24564,
        memoryUsedMiB: 1186,
        utilizationPercent: 3,
        temperatureC: 41,
        powerDrawW: 28.4,
      },
    ],
  },
  wsl: {
    wsl: '2.3.26.0',
    kernel: '5.15.167.4-1',
    wslg: '1.0.65',
    msrdc: '1.2.5620',
    direct3d: '1.611.1-81528511',
    dxcore: '10.0.26100.1-240331-1435.ge-release',
    windows: '10.0.26100.2314',
  },
  distros: [UBUNTU, DOCKER_DESKTOP],
  wslconfig: '[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\n',
  registry: {
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\DeviceGuard\\Scenarios\\HypervisorEnforcedCodeIntegrity':
      {
        Enabled: { type: 'REG_DWORD', data: '0x0' },
      },
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\GraphicsDrivers': {
      HwSchMode: { type: 'REG_DWORD', data: '0x2' },
    },
    'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders': {
      Personal: { type: 'REG_EXPAND_SZ', data: '%USERPROFILE%\\Documents' },
      Desktop: { type: 'REG_EXPAND_SZ', data: '%USERPROFILE%\\Desktop' },
    },
    [DISPLAY_CLASS]: {
      DriverVersion: { type: 'REG_SZ', data: '32.0.15.6636' },
      ProviderName: { type: 'REG_SZ', data: 'NVIDIA' },
      DriverDesc: { type: 'REG_SZ', data: 'NVIDIA GeForce RTX 4090' },
    },
    // A US English Windows: console programs print in code page 437.
    [CODE_PAGE]: {
      ACP: { type: 'REG_SZ', data: '1252' },
      OEMCP: { type: 'REG_SZ', data: '437' },
    },
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion': {
      CurrentBuild: { type: 'REG_SZ', data: '26100' },
      UBR: { type: 'REG_DWORD', data: '0x90a' },
      DisplayVersion: { type: 'REG_SZ', data: '24H2' },
      ProductName: { type: 'REG_SZ', data: 'Windows 10 Pro' },
    },
  },
  events: [DEFENDER_UPDATE],
  target: { model: 'llama-3.1-70b', contextLength: 8192 },
};

/** Where Windows keeps its code pages (`OEMCP`: the console's), for scenarios of other languages. */
export const CODE_PAGE_KEY = CODE_PAGE;

/** The registry key of the first display adapter, for scenarios that change the driver. */
export const DISPLAY_CLASS_KEY = DISPLAY_CLASS;
