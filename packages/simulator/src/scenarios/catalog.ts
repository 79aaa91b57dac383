import { CODE_PAGE_KEY, DISPLAY_CLASS_KEY, DOCKER_DESKTOP_DATA, HEALTHY, UBUNTU } from './base';
import type { Scenario, SimulatedDistro } from './scenario';

import { HF_LLAMA_8B, OLLAMA_LLAMA_70B } from './models';

/** The healthy machine with its default distro changed. */
function withUbuntu(changes: Partial<SimulatedDistro>): Scenario['distros'] {
  return HEALTHY.distros.map((distro) => (distro.name === UBUNTU.name ? { ...distro, ...changes } : distro));
}

/**
 * The healthy machine on a localised Windows: its console code pages, a user folder named in that language and a
 * cumulative update titled in it, which reg.exe and wevtutil.exe print in the OEM code page.
 */
function localisedWindows(options: {
  readonly name: string;
  readonly summary: string;
  readonly ansiCodePage: string;
  readonly oemCodePage: string;
  readonly userName: string;
  readonly updateTitle: string;
}): Scenario {
  const profile = `C:\\Users\\${options.userName}`;
  return {
    ...HEALTHY,
    name: options.name,
    summary: options.summary,
    registry: {
      ...HEALTHY.registry,
      [CODE_PAGE_KEY]: {
        ACP: { type: 'REG_SZ', data: options.ansiCodePage },
        OEMCP: { type: 'REG_SZ', data: options.oemCodePage },
      },
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders': {
        Personal: { type: 'REG_EXPAND_SZ', data: `${profile}\\Documents` },
        Desktop: { type: 'REG_EXPAND_SZ', data: `${profile}\\Desktop` },
      },
    },
    events: [
      ...HEALTHY.events,
      {
        log: 'System',
        provider: 'Microsoft-Windows-WindowsUpdateClient',
        eventId: 19,
        time: '2026-11-20T03:04:11.0000000Z',
        level: 4,
        data: {
          updateTitle: options.updateTitle,
          updateGuid: '{5B8E2F41-7C3D-4E1A-9F2B-6A7C8D9E0F12}',
          updateRevisionNumber: '1',
        },
      },
    ],
  };
}

/** Every scenario of docs/architecture.md "Simulator scenarios": the healthy machine with one thing wrong. */
export const CATALOG: readonly Scenario[] = [
  HEALTHY,
  {
    ...HEALTHY,
    name: 'no-wsl',
    summary: 'WSL is not installed: there is no wsl.exe and no distro.',
    wsl: undefined,
    distros: [],
    wslconfig: undefined,
  },
  {
    ...HEALTHY,
    name: 'no-gpu',
    summary: 'No NVIDIA GPU or driver on the host: no nvidia-smi, and nothing to pass through to WSL.',
    host: {
      ...HEALTHY.host,
      driverVersion: undefined,
      cudaVersion: undefined,
      gpus: [],
      gpuControllers: [{ vendor: 'Intel Corporation', model: 'Intel(R) UHD Graphics 770' }],
    },
    distros: withUbuntu({ gpu: 'missing' }),
    registry: {
      ...HEALTHY.registry,
      [DISPLAY_CLASS_KEY]: {
        DriverVersion: { type: 'REG_SZ', data: '31.0.101.5186' },
        ProviderName: { type: 'REG_SZ', data: 'Intel Corporation' },
        DriverDesc: { type: 'REG_SZ', data: 'Intel(R) UHD Graphics 770' },
      },
    },
  },
  {
    ...HEALTHY,
    name: 'wsl1-distro',
    summary: 'The default distro runs on WSL 1: no GPU, no memory limit from .wslconfig.',
    distros: withUbuntu({ version: 1, gpu: 'missing' }),
  },
  {
    ...HEALTHY,
    name: 'memory-ceiling',
    summary: 'A 32 GB machine with memory=8GB in .wslconfig: too little RAM for a large model to load.',
    host: { ...HEALTHY.host, totalMemoryBytes: 32 * 2 ** 30 },
    wslconfig: '[wsl2]\r\nmemory=8GB\r\nswap=0\r\n',
    // The 70B its owner wants is in Ollama (pulled last, so preselected); an 8B sits in the Hugging Face cache.
    ollama: { distro: UBUNTU.name, models: [OLLAMA_LLAMA_70B] },
    distros: withUbuntu({ modelFiles: [HF_LLAMA_8B] }),
  },
  {
    ...HEALTHY,
    name: 'wsl-stopped',
    summary: 'The healthy machine with WSL stopped: no distro runs, which is normal (grey, not an error).',
    distros: HEALTHY.distros.map((distro) => ({ ...distro, running: false })),
  },
  {
    ...HEALTHY,
    name: 'docker-running-default-stopped',
    summary:
      'Docker Desktop’s docker-desktop distro runs, the default distro (Ubuntu-24.04) is stopped: a check must not start it.',
    distros: HEALTHY.distros.map((distro) => ({ ...distro, running: distro.name === 'docker-desktop' })),
  },
  {
    ...HEALTHY,
    name: 'cold-boot',
    summary:
      'WSL is stopped and .wslconfig is clean; starting the VM takes 3 s. A check that boots it must not call that slow passthrough.',
    distros: HEALTHY.distros.map((distro) => ({ ...distro, running: false })),
    bootMs: 3000,
  },
  {
    ...HEALTHY,
    name: 'safe-mode',
    summary:
      'safeMode=true in .wslconfig, applied: WSL runs without the GPU and with swap forced to 0 whatever swap= says.',
    wslconfig: '[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\nsafeMode=true\r\n',
    distros: withUbuntu({ gpu: 'missing' }),
  },
  {
    ...HEALTHY,
    name: 'libcuda-symlink',
    summary:
      'A libcuda.so.1 in /usr/lib/x86_64-linux-gnu links to /usr/lib/wsl/lib (the microsoft/WSL#5548 workaround): WSL’s own library.',
    distros: withUbuntu({ libcudaLinkToWsl: true }),
  },
  {
    ...HEALTHY,
    name: 'gpu-disabled-wsl-conf',
    summary:
      '/etc/wsl.conf says [gpu] enabled=false, so WSL’s init does not mount the NVIDIA libraries in /usr/lib/wsl/lib.',
    distros: withUbuntu({ gpu: 'missing', wslConf: '[boot]\nsystemd=true\n\n[gpu]\nenabled=false\n' }),
  },
  {
    ...HEALTHY,
    name: 'models-on-d-drive',
    summary:
      'OLLAMA_MODELS=/mnt/d/models: Ollama’s models sit straight on the D: drive (9p), not behind a link.',
    distros: withUbuntu({
      extraMounts: [
        'D:\\134 /mnt/d 9p rw,noatime,dirsync,aname=drvfs;path=D:\\;uid=1000;gid=1000;symlinkroot=/mnt/ 0 0',
      ],
      modelDirs: [{ path: '/mnt/d/models', resolved: '/mnt/d/models' }],
    }),
  },
  {
    ...HEALTHY,
    name: 'small-host',
    summary:
      'A laptop with 8 GB of RAM, no .wslconfig (WSL gives half: 4 GB) and an 8 GB RTX 4060: little room beside Windows.',
    host: {
      ...HEALTHY.host,
      totalMemoryBytes: 8 * 2 ** 30,
      logicalProcessors: 8,
      driverVersion: '566.36',
      gpus: [
        {
          name: 'NVIDIA GeForce RTX 4060 Laptop GPU',
          uuid: 'GPU-7d1e2a4b-3c5f-4e6a-8b9c-0d1e2f3a4b5c',
          memoryTotalMiB: 8188,
          memoryUsedMiB: 412,
          utilizationPercent: 2,
          temperatureC: 44,
          powerDrawW: 9.1,
        },
      ],
    },
    wslconfig: undefined,
    target: { model: 'llama-3.1-8b', contextLength: 8192 },
  },
  {
    ...HEALTHY,
    name: 'nvidia-audio-driver-update',
    summary:
      'Windows Update installed the NVIDIA HD Audio driver and a Realtek audio driver: no display driver changed, so nothing to re-verify.',
    events: [
      ...HEALTHY.events,
      {
        log: 'System',
        provider: 'Microsoft-Windows-WindowsUpdateClient',
        eventId: 19,
        time: '2026-11-20T03:04:11.0000000Z',
        level: 4,
        data: {
          updateTitle: 'Realtek Semiconductor Corp. - MEDIA - 6.0.9733.1',
          updateGuid: '{0C3A5E71-2B4D-4F6A-8C9E-1A2B3C4D5E6F}',
          updateRevisionNumber: '1',
        },
      },
      {
        log: 'System',
        provider: 'Microsoft-Windows-UserPnp',
        eventId: 20001,
        time: '2026-11-20T03:05:02.0000000Z',
        level: 4,
        data: {
          DeviceInstanceID: 'HDAUDIO\\FUNC_01&VEN_10DE&DEV_0098&SUBSYS_10DE1A3C&REV_1001\\5&2C7C4A8F&0&0001',
          DriverName: 'nvhda.inf',
          ClassGuid: '{4d36e96c-e325-11ce-bfc1-08002be10318}',
          DriverDate: '09/12/2024',
          DriverVersion: '1.4.2.6',
          DriverProvider: 'NVIDIA Corporation',
          DriverDescription: 'NVIDIA High Definition Audio',
          SetupClass: '{4d36e96c-e325-11ce-bfc1-08002be10318}',
          RebootOption: 'false',
          UpgradeDevice: 'true',
          IsDriverOEM: 'true',
          InstallStatus: '0x0',
        },
      },
    ],
  },
  {
    ...HEALTHY,
    name: 'old-runtime-driver',
    summary:
      'NVIDIA driver 512.95 with Ollama: new enough for CUDA on WSL (R495), older than the 550 Ollama needs, so Ollama runs on the CPU.',
    host: { ...HEALTHY.host, driverVersion: '512.95', cudaVersion: '11.6' },
    registry: {
      ...HEALTHY.registry,
      [DISPLAY_CLASS_KEY]: {
        DriverVersion: { type: 'REG_SZ', data: '30.0.15.1295' },
        ProviderName: { type: 'REG_SZ', data: 'NVIDIA' },
        DriverDesc: { type: 'REG_SZ', data: 'NVIDIA GeForce RTX 4090' },
      },
    },
  },
  {
    ...HEALTHY,
    name: 'config-not-applied',
    summary:
      '.wslconfig says memory=48GB, but the running VM still has the 8GB it booted with: WSL was not shut down.',
    appliedWslconfig: '[wsl2]\r\nmemory=8GB\r\nprocessors=4\r\n',
  },
  {
    ...HEALTHY,
    name: 'vm-keeps-restarting',
    summary:
      'Docker Desktop starts its distro again right after wsl --shutdown, so the VM never stops and .wslconfig never applies.',
    restartsAfterShutdown: ['docker-desktop'],
  },
  {
    ...HEALTHY,
    name: 'docker-data-distro',
    summary:
      'Docker Desktop runs docker-desktop and its data distro docker-desktop-data, which has no shell; Ubuntu-24.04 (default) is stopped.',
    distros: [
      ...HEALTHY.distros.map((distro) =>
        distro.name === UBUNTU.name ? { ...distro, running: false } : distro,
      ),
      DOCKER_DESKTOP_DATA,
    ],
  },
  {
    ...HEALTHY,
    name: 'laptop-on-battery',
    summary:
      'A laptop running on battery (64 %, charger unplugged): the dashboard reads the GPU every 5 s so it can sleep.',
    host: { ...HEALTHY.host, battery: { percent: 64, acConnected: false } },
  },
  {
    ...HEALTHY,
    name: 'invalid-memory-value',
    summary: 'memory=16gb (lower-case unit): WSL ignores the line, warns at boot and uses half the RAM.',
    wslconfig: '[wsl2]\r\nmemory=16gb\r\nprocessors=12\r\n',
  },
  {
    ...HEALTHY,
    name: 'driver-mismatch',
    summary: 'The distro reports driver 552.12 while the host runs 566.36.',
    distros: withUbuntu({ gpuDriverVersion: '552.12' }),
  },
  {
    ...HEALTHY,
    name: 'gpu-blocked',
    summary: 'In-distro nvidia-smi fails with "GPU access blocked by the operating system".',
    distros: withUbuntu({ gpu: 'blocked' }),
  },
  {
    ...HEALTHY,
    name: 'linux-driver-in-distro',
    summary:
      'A Linux NVIDIA driver (nvidia-driver-550) is installed inside the distro and shadows WSL’s libcuda.',
    distros: withUbuntu({
      packages: [
        ...UBUNTU.packages,
        'nvidia-driver-550 550.120-0ubuntu0.24.04.1',
        'libnvidia-compute-550 550.120-0ubuntu0.24.04.1',
      ],
      libcudaFromWsl: false,
      cudaVersionError: true,
    }),
  },
  {
    ...HEALTHY,
    name: 'old-kernel',
    summary: 'An old WSL kernel (4.19.104), below NVIDIA’s minimum for CUDA on WSL (4.19.121).',
    wsl: {
      ...(HEALTHY.wsl as Exclude<Scenario['wsl'], 'inbox' | 'stub' | undefined>),
      wsl: '0.47.1.0',
      kernel: '4.19.104-1',
    },
  },
  {
    ...HEALTHY,
    name: 'passthrough-hang',
    summary: 'In-distro nvidia-smi never answers: GPU passthrough is hung.',
    distros: withUbuntu({ gpu: 'hang' }),
  },
  {
    ...HEALTHY,
    name: 'models-on-9p',
    summary: 'Ollama’s models live on /mnt/d (a Windows drive over 9p), so loading them is slow.',
    distros: withUbuntu({
      extraMounts: [
        'D:\\134 /mnt/d 9p rw,noatime,dirsync,aname=drvfs;path=D:\\;uid=1000;gid=1000;symlinkroot=/mnt/ 0 0',
      ],
      modelDirs: [{ path: '/home/robin/.ollama/models', resolved: '/mnt/d/ollama/models' }],
    }),
  },
  {
    ...HEALTHY,
    name: 'windows-update-broke-gpu',
    summary:
      'A Windows Update (KB5046617) installed and rebooted the machine; since then the GPU is blocked in WSL.',
    distros: withUbuntu({ gpu: 'blocked' }),
    events: [
      ...HEALTHY.events,
      {
        log: 'System',
        provider: 'Microsoft-Windows-WindowsUpdateClient',
        eventId: 19,
        time: '2026-11-20T03:04:11.0000000Z',
        level: 4,
        data: {
          updateTitle:
            '2026-11 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5046617)',
          updateGuid: '{5B8E2F41-7C3D-4E1A-9F2B-6A7C8D9E0F12}',
          updateRevisionNumber: '1',
        },
      },
      {
        log: 'System',
        provider: 'User32',
        eventId: 1074,
        time: '2026-11-20T03:06:40.0000000Z',
        level: 4,
        data: {
          param1: 'C:\\Windows\\servicing\\TrustedInstaller.exe (DESKTOP-HEADROOM)',
          param2: 'DESKTOP-HEADROOM',
          param3: 'Operating System: Upgrade (Planned)',
          param4: '0x80020003',
          param5: 'restart',
          param6: '',
          param7: 'NT AUTHORITY\\SYSTEM',
        },
      },
      {
        log: 'System',
        provider: 'EventLog',
        eventId: 6006,
        time: '2026-11-20T03:06:52.0000000Z',
        level: 4,
        data: {},
      },
      {
        log: 'System',
        provider: 'EventLog',
        eventId: 6005,
        time: '2026-11-20T03:08:15.0000000Z',
        level: 4,
        data: {},
      },
    ],
  },
  {
    ...HEALTHY,
    name: 'nvidia-smi-in-nvsmi',
    summary:
      'An older (non-DCH) NVIDIA driver: nvidia-smi.exe is in Program Files\\NVIDIA Corporation\\NVSMI, not in System32.',
    host: { ...HEALTHY.host, nvidiaSmiFolder: 'NVSMI' },
  },
  {
    ...HEALTHY,
    name: 'wsl-stub',
    summary:
      'WSL is not installed, but Windows’ wsl.exe stub is there: it answers every command with "not installed" (exit code 50).',
    wsl: 'stub',
    distros: [],
    wslconfig: undefined,
  },
  localisedWindows({
    name: 'german-windows',
    summary:
      'A German Windows (console code page 850): reg.exe and wevtutil.exe print umlauts in it, for user Jürgen and a “Kumulatives Update”.',
    ansiCodePage: '1252',
    oemCodePage: '850',
    userName: 'Jürgen',
    updateTitle:
      '2026-11 Kumulatives Update für Windows 11 Version 24H2 für x64-basierte Systeme (KB5046617)',
  }),
  {
    ...HEALTHY,
    name: 'low-disk',
    summary:
      'Drive C:, which holds Ubuntu’s ext4.vhdx, has 18 GB free of 476 GB: the next model pull may stop with "No space left on device".',
    host: { ...HEALTHY.host, drives: [{ drive: 'C:', freeBytes: 18 * 2 ** 30, totalBytes: 476 * 2 ** 30 }] },
  },
  {
    ...HEALTHY,
    name: 'mirrored-old-windows',
    summary:
      'networkingMode=mirrored in .wslconfig on Windows 10 22H2 (build 19045): WSL falls back to NAT, mirrored needs Windows 11 22H2.',
    host: { ...HEALTHY.host, windowsBuild: 19045, edition: 'Microsoft Windows 10 Pro' },
    wsl: typeof HEALTHY.wsl === 'object' ? { ...HEALTHY.wsl, windows: '10.0.19045.5131' } : HEALTHY.wsl,
    wslconfig: '[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\nnetworkingMode=mirrored\r\n',
    registry: {
      ...HEALTHY.registry,
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion': {
        CurrentBuild: { type: 'REG_SZ', data: '19045' },
        UBR: { type: 'REG_DWORD', data: '0x140b' },
        DisplayVersion: { type: 'REG_SZ', data: '22H2' },
        ProductName: { type: 'REG_SZ', data: 'Windows 10 Pro' },
      },
    },
  },
  localisedWindows({
    name: 'japanese-windows',
    summary:
      'A Japanese Windows (console code page 932, Shift_JIS): reg.exe and wevtutil.exe print user 山田 and a “累積更新プログラム” in it.',
    ansiCodePage: '932',
    oemCodePage: '932',
    userName: '山田',
    updateTitle: '2026-11 x64 ベース システム用 Windows 11 Version 24H2 の累積更新プログラム (KB5046617)',
  }),
];
