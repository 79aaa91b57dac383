import * as systeminformation from 'systeminformation';

/** Windows' edition and build, as Settings › About shows them. */
export interface WindowsEdition {
  /** `Microsoft Windows 11 Pro`. */
  readonly edition: string;
  /** The OS build (26100); mirrored networking needs 22621 (22H2) or later. */
  readonly build: number;
  /** `24H2`, when Windows says. */
  readonly displayVersion?: string;
}

/** A display adapter Windows lists, whatever its maker. */
export interface GpuController {
  readonly vendor: string;
  readonly model: string;
}

/** A drive's space. */
export interface DriveSpace {
  /** `C:`. */
  readonly drive: string;
  readonly freeBytes: number;
  readonly totalBytes: number;
}

/** Whether the machine has a battery and runs on it. */
export interface PowerState {
  readonly hasBattery: boolean;
  /** A battery and no charger: sampling slows down so the discrete GPU can sleep. */
  readonly onBattery: boolean;
  readonly percent?: number;
}

/** Every host fact at once, as plain data: what a simulated machine's scenario holds. */
export interface HostFactsData {
  readonly windows: WindowsEdition;
  readonly memory: { readonly totalBytes: number; readonly freeBytes: number };
  readonly drives: readonly DriveSpace[];
  readonly gpuControllers: readonly GpuController[];
  readonly power: PowerState;
}

/**
 * The facts of the Windows host that need no `wsl.exe`: asked through one long-lived PowerShell on Windows
 * ({@link systemInformationHostFacts}), or answered from a scenario ({@link fixedHostFacts}).
 */
export interface HostFacts {
  windows(): Promise<WindowsEdition>;
  memory(): Promise<HostFactsData['memory']>;
  /** The space of the drives holding `paths` (Windows paths such as `C:\Users\me\AppData\Local\Packages\...`), once per drive. */
  drives(paths: readonly string[]): Promise<DriveSpace[]>;
  /** Every display adapter, NVIDIA or not: what to name when nvidia-smi is missing. */
  gpuControllers(): Promise<GpuController[]>;
  power(): Promise<PowerState>;
  /** End the PowerShell session, if one runs. */
  close(): void;
}

/** The drive letter of a Windows path (`c:\x` → `C:`), or undefined for a UNC or relative path. */
export function driveOf(path: string): string | undefined {
  const match = /^([a-z]):/i.exec(path);
  return match?.[1] ? `${match[1].toUpperCase()}:` : undefined;
}

/** The drives of `paths`, each once, in the order first named. */
function drivesOf(paths: readonly string[]): string[] {
  return [...new Set(paths.map(driveOf).filter((drive): drive is string => drive !== undefined))];
}

/** The parts of systeminformation Headroom uses; tests hand in a fake. */
export type SystemInformation = Pick<
  typeof systeminformation,
  'osInfo' | 'mem' | 'fsSize' | 'graphics' | 'battery' | 'powerShellStart' | 'powerShellRelease'
>;

/** Whether a display adapter is NVIDIA's. */
export function isNvidia(controller: GpuController): boolean {
  return /nvidia/i.test(`${controller.vendor} ${controller.model}`);
}

/**
 * The host facts on Windows through `systeminformation`, over its persistent PowerShell session (started on the
 * first question, ended by `close()`), so no fact costs a new process per call (`npm run bench` counts them).
 * The display adapters are read once per session: systeminformation's `graphics()` runs `nvidia-smi.exe` itself,
 * outside the session, on every call where the NVIDIA driver is installed (its lib/graphics.js, `nvidiaDevices`).
 */
export function systemInformationHostFacts(si: SystemInformation): HostFacts {
  let started = false;
  let controllers: Promise<GpuController[]> | undefined;
  const session = (): void => {
    if (started) return;
    started = true;
    si.powerShellStart();
  };
  return {
    async windows() {
      session();
      const os = await si.osInfo();
      return {
        edition: os.distro,
        build: Number.parseInt(os.build, 10) || 0,
        ...(/^\d\d[HhAa]\d$/.test(os.codename) ? { displayVersion: os.codename.toUpperCase() } : {}),
      };
    },
    async memory() {
      session();
      const mem = await si.mem();
      return { totalBytes: mem.total, freeBytes: mem.available };
    },
    async drives(paths) {
      session();
      const wanted = drivesOf(paths);
      if (wanted.length === 0) return [];
      const all = await si.fsSize();
      return wanted.flatMap((drive) => {
        const found = all.find((fs) => fs.mount.toUpperCase() === drive || fs.fs.toUpperCase() === drive);
        return found ? [{ drive, freeBytes: found.available, totalBytes: found.size }] : [];
      });
    },
    async gpuControllers() {
      session();
      controllers ??= si
        .graphics()
        .then((graphics) =>
          graphics.controllers.map((controller) => ({ vendor: controller.vendor, model: controller.model })),
        );
      const asked = controllers;
      // A failed reading is asked again next time, not kept.
      asked.catch(() => {
        if (controllers === asked) controllers = undefined;
      });
      return [...(await asked)];
    },
    async power() {
      session();
      const battery = await si.battery();
      return {
        hasBattery: battery.hasBattery,
        onBattery: battery.hasBattery && !battery.acConnected,
        ...(battery.hasBattery ? { percent: battery.percent } : {}),
      };
    },
    close() {
      controllers = undefined;
      if (!started) return;
      started = false;
      si.powerShellRelease();
    },
  };
}

/** Host facts from data (a simulated machine's scenario), read again on each question so a test may change them. */
export function fixedHostFacts(data: () => HostFactsData): HostFacts {
  return {
    windows: () => Promise.resolve(data().windows),
    memory: () => Promise.resolve(data().memory),
    drives(paths) {
      const drives = data().drives;
      return Promise.resolve(
        drivesOf(paths).flatMap((drive) => drives.filter((space) => space.drive.toUpperCase() === drive)),
      );
    },
    gpuControllers: () => Promise.resolve([...data().gpuControllers]),
    power: () => Promise.resolve(data().power),
    close: () => undefined,
  };
}

/** The host facts of this Windows machine, through systeminformation's persistent PowerShell session. */
export function windowsHostFacts(): HostFacts {
  return systemInformationHostFacts(systeminformation);
}
