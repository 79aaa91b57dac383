import type { Scenario, SimulatedDistro } from '../scenarios/scenario';
import type { VmConfig } from '../vm-config';
import {
  GPU_BLOCKED_OUTPUT,
  QUERY_HEADER,
  renderBanner,
  renderQueryRows,
  type NvidiaView,
} from './nvidia-output';

/** Where a Linux command runs: which scenario, which distro, and the VM it booted. */
export interface LinuxContext {
  readonly scenario: Scenario;
  readonly distro: SimulatedDistro;
  readonly vm: VmConfig;
}

/** What a Linux command prints and how it ends; `hang` never ends, `delayMs` answers late. */
export interface LinuxOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly delayMs?: number;
  readonly hang?: boolean;
}

const ok = (stdout: string): LinuxOutput => ({ stdout, stderr: '', exitCode: 0 });
const kib = (bytes: number): string => `${String(Math.floor(bytes / 1024)).padStart(8)} kB`;

/** `uname -r` for the scenario's WSL kernel (`5.15.167.4-1` → `5.15.167.4-microsoft-standard-WSL2`). */
export function kernelRelease(ctx: LinuxContext): string {
  if (ctx.distro.version === 1) return '4.4.0-26100-Microsoft';
  const kernel = typeof ctx.scenario.wsl === 'object' ? ctx.scenario.wsl.kernel : '5.15.167.4-1';
  return `${kernel.replace(/-\d+$/, '')}-microsoft-standard-WSL2`;
}

/** /proc/meminfo: MemTotal a little below the VM's memory (the kernel keeps some), swap as configured. */
export function meminfo(ctx: LinuxContext): string {
  const total =
    ctx.distro.version === 1 ? ctx.scenario.host.totalMemoryBytes : Math.floor(ctx.vm.memoryBytes * 0.975);
  const swap = ctx.distro.version === 1 ? 0 : ctx.vm.swapBytes;
  const rows: [string, number][] = [
    ['MemTotal', total],
    ['MemFree', Math.floor(total * 0.86)],
    ['MemAvailable', Math.floor(total * 0.93)],
    ['Buffers', 72_000 * 1024],
    ['Cached', Math.floor(total * 0.05)],
    ['SwapCached', 0],
    ['SwapTotal', swap],
    ['SwapFree', swap],
  ];
  return rows.map(([name, bytes]) => `${`${name}:`.padEnd(16)}${kib(bytes)}\n`).join('');
}

/** /proc/mounts of a WSL 2 distro: the GPU library overlay only when the GPU is passed through. */
export function mounts(ctx: LinuxContext): string {
  const gpu = ctx.distro.gpu !== 'missing';
  return [
    '/dev/sdc / ext4 rw,relatime,discard,errors=remount-ro,data=ordered 0 0',
    'none /mnt/wsl tmpfs rw,relatime 0 0',
    ...(gpu
      ? [
          'drivers /usr/lib/wsl/drivers 9p ro,nosuid,nodev,noatime,dirsync,aname=drivers;fmask=222;dmask=222,mmap,access=client,msize=65536,trans=fd,rfd=8,wfd=8 0 0',
        ]
      : []),
    ...(gpu
      ? [
          'none /usr/lib/wsl/lib overlay rw,relatime,lowerdir=/gpu_lib_packaged:/gpu_lib_inbox,upperdir=/gpu_lib/rw/upper,workdir=/gpu_lib/rw/work 0 0',
        ]
      : []),
    'C:\\134 /mnt/c 9p rw,noatime,dirsync,aname=drvfs;path=C:\\;uid=1000;gid=1000;symlinkroot=/mnt/,mmap,access=client,msize=65536,trans=fd,rfd=5,wfd=5 0 0',
    ...ctx.distro.extraMounts,
    '',
  ].join('\n');
}

/** The view in-distro nvidia-smi has: the Linux tool's own version beside the Windows driver's. */
function distroNvidiaView(ctx: LinuxContext): NvidiaView | undefined {
  const { driverVersion, cudaVersion, gpus } = ctx.scenario.host;
  if (!driverVersion || !cudaVersion) return undefined;
  return {
    smiVersion: '565.77.01',
    driverVersion: ctx.distro.gpuDriverVersion ?? driverVersion,
    cudaVersion,
    gpus,
    onHost: false,
    ...(ctx.distro.cudaVersionError ? { cudaError: true } : {}),
  };
}

/** In-distro `/usr/lib/wsl/lib/nvidia-smi [args]`, as the distro's GPU behaviour has it. */
export function distroNvidiaSmi(ctx: LinuxContext, args: readonly string[]): LinuxOutput {
  const view = distroNvidiaView(ctx);
  const behavior = ctx.distro.gpu;
  if (behavior === 'missing' || !view) {
    return { stdout: '', stderr: 'sh: 1: /usr/lib/wsl/lib/nvidia-smi: not found\n', exitCode: 127 };
  }
  if (behavior === 'blocked') return { stdout: GPU_BLOCKED_OUTPUT, stderr: '', exitCode: 255 };
  if (behavior === 'hang') return { stdout: '', stderr: '', exitCode: 0, hang: true };
  const query = args.some((arg) => arg.startsWith('--query-gpu='));
  const noHeader = args.some((arg) => arg.includes('noheader'));
  const stdout = query
    ? [...(noHeader ? [] : [QUERY_HEADER]), ...renderQueryRows(view), ''].join('\n')
    : renderBanner(view);
  return {
    stdout,
    stderr: '',
    exitCode: 0,
    ...(behavior === 'slow' ? { delayMs: ctx.distro.gpuLatencyMs ?? 2500 } : {}),
  };
}

/**
 * The libcuda probe's output (core's DISTRO_PROBE_COMMANDS): `file`/`link` lines for each libcuda.so*, then
 * `ldconfig` and the loader cache's entries. WSL's copies in /usr/lib/wsl/lib are plain files, not links; a Linux
 * driver installed in the distro adds its own libcuda, which the loader then finds first.
 */
export function libcudaListing(ctx: LinuxContext): LinuxOutput {
  const passedThrough = ctx.distro.gpu !== 'missing';
  const wslFiles = passedThrough
    ? [
        'file /usr/lib/wsl/lib/libcuda.so',
        'file /usr/lib/wsl/lib/libcuda.so.1',
        'file /usr/lib/wsl/lib/libcuda.so.1.1',
      ]
    : [];
  const linuxDriver = ctx.distro.libcudaFromWsl
    ? []
    : [
        'file /usr/lib/x86_64-linux-gnu/libcuda.so.550.120',
        'link /usr/lib/x86_64-linux-gnu/libcuda.so.1 -> libcuda.so.550.120',
      ];
  const workaround = ctx.distro.libcudaLinkToWsl === true && passedThrough;
  const cache = [
    ...(workaround ? ['\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1'] : []),
    ...(ctx.distro.libcudaFromWsl
      ? []
      : ['\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1']),
    ...(passedThrough
      ? [
          '\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/wsl/lib/libcuda.so.1',
          '\tlibcuda.so (libc6,x86-64) => /usr/lib/wsl/lib/libcuda.so',
        ]
      : []),
  ];
  return {
    stdout: [
      ...wslFiles,
      ...linuxDriver,
      ...(workaround ? ['link /usr/lib/x86_64-linux-gnu/libcuda.so.1 -> /usr/lib/wsl/lib/libcuda.so.1'] : []),
      'ldconfig',
      ...cache,
      '',
    ].join('\n'),
    stderr: '',
    exitCode: passedThrough ? 0 : 1,
  };
}

/** The NVIDIA packages probe's output: the package manager, then `STATUS|NAME|VERSION` per NVIDIA package. */
export function packageListing(ctx: LinuxContext): LinuxOutput {
  const nvidia = ctx.distro.packages
    .map((entry) => entry.split(' '))
    .filter(([name = '']) => /^(nvidia|libnvidia|cuda-drivers)/.test(name))
    .map(([name = '', version = '']) => `ii |${name}|${version}`);
  return ok(['manager dpkg', ...nvidia, ''].join('\n'));
}

/** Answer a command Headroom runs inside a distro (the probes), or say it is not found. */
export function linuxCommand(ctx: LinuxContext, argv: readonly string[]): LinuxOutput {
  const [program = '', ...args] = argv;
  const command = [program, ...args].join(' ');
  if (program.endsWith('nvidia-smi')) return distroNvidiaSmi(ctx, args);
  switch (command) {
    case 'cat /proc/meminfo':
      return ok(meminfo(ctx));
    case 'nproc':
      return ok(`${ctx.distro.version === 1 ? ctx.scenario.host.logicalProcessors : ctx.vm.processors}\n`);
    case 'uname -r':
      return ok(`${kernelRelease(ctx)}\n`);
    case 'cat /etc/os-release':
      return ok(ctx.distro.osRelease);
    case 'cat /proc/mounts':
      return ok(mounts(ctx));
    case 'cat /etc/wsl.conf':
      return ctx.distro.wslConf === undefined
        ? { stdout: '', stderr: 'cat: /etc/wsl.conf: No such file or directory\n', exitCode: 1 }
        : ok(ctx.distro.wslConf);
    default:
      return { stdout: '', stderr: `sh: 1: ${program}: not found\n`, exitCode: 127 };
  }
}
