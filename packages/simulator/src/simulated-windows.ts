import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';
import type { FakeProgram } from './fake/main';
import { fakeOllamaApi, type FakeOllamaApi } from './fake/ollama-api';
import { getScenario } from './scenarios';
import { SIMULATED_IDENTITY, SIMULATED_USER_PROFILE } from './vm-config';
import { initialState, readVmState, writeVmState, type VmState } from './vm-state';
import { readInvocations, type Invocation } from './invocation-log';

/** Where to build a simulated Windows. */
export interface SimulatedWindowsOptions {
  /** A name from `headroom scenarios`. */
  readonly scenario: string;
  /** A folder the simulator owns: VM state, fake executables, the simulated user profile. */
  readonly stateDir: string;
  /** Start over from the scenario even when the folder already holds a state. Default false: resume. */
  readonly reset?: boolean;
}

/** A simulated Windows machine: put `env` on a process runner and wsl.exe is the fake one. */
export interface SimulatedWindows {
  readonly scenario: string;
  readonly stateDir: string;
  /**
   * The simulated `%SystemRoot%\System32`: the fake wsl.exe, reg.exe, wevtutil.exe (and nvidia-smi.exe, unless the
   * scenario's driver keeps it in `%ProgramFiles%\NVIDIA Corporation\NVSMI`), and the bundle they run. As on
   * Windows it is not on PATH: `env` names it as `SystemRoot` (and `ProgramFiles`), and Headroom runs each program
   * by its absolute path.
   */
  readonly binDir: string;
  /** Stands in for %USERPROFILE% (where .wslconfig lives). */
  readonly userProfile: string;
  readonly env: NodeJS.ProcessEnv;
  /** Absolute path of the fake wsl.exe (absent from disk when the scenario has no WSL). */
  readonly wslExecutable: string;
  /** What the simulated host is, as Windows APIs would report it without running a command. */
  readonly host: {
    readonly totalMemoryBytes: number;
    readonly logicalProcessors: number;
    readonly windowsBuild: number;
    /** %USERPROFILE% as Windows names it (`C:\\Users\\robin`), for messages and WSL's warnings. */
    readonly userProfile: string;
  };
  /** The simulated user's .wslconfig path. */
  readonly wslconfigPath: string;
  /** The simulated account, its profile folder and the computer's name: what a support bundle must not name. */
  readonly identity: { readonly userName: string; readonly home: string; readonly machineName: string };
  /** The VM state as the fake executables left it. */
  readState(): VmState;
  /** The scenario's Ollama API, answering while its distro runs; absent when the scenario has no Ollama. */
  readonly ollamaApi?: FakeOllamaApi;
  /** Restart the simulated Windows: the VM and every distro stop. */
  reboot(): void;
  /**
   * The host's memory as Windows would report it without a command: the desktop's own 9 GiB plus what the VM holds
   * (VmmemWSL, a third of its size while it runs), read from the VM state.
   */
  hostMemory(): { totalBytes: number; freeBytes: number; vmmemBytes: number };
  /** Every fake program started so far: how benchmarks and budget tests count processes. */
  invocations(): Invocation[];
  /**
   * What systeminformation would report on the simulated host (edition, memory, drives, display adapters, battery),
   * shaped as `@headroom/host`'s `HostFactsData`; no process is started for them.
   */
  hostFacts(): SimulatedHostFacts;
}

/** The simulated host's facts, in the shape of `@headroom/host`'s `HostFactsData`. */
export interface SimulatedHostFacts {
  readonly windows: { readonly edition: string; readonly build: number; readonly displayVersion?: string };
  readonly memory: { readonly totalBytes: number; readonly freeBytes: number };
  readonly drives: readonly {
    readonly drive: string;
    readonly freeBytes: number;
    readonly totalBytes: number;
  }[];
  readonly gpuControllers: readonly { readonly vendor: string; readonly model: string }[];
  readonly power: { readonly hasBattery: boolean; readonly onBattery: boolean; readonly percent?: number };
}

const DEFAULT_DRIVES = [{ drive: 'C:', freeBytes: 420e9, totalBytes: 1_000e9 }] as const;

const DESKTOP_BYTES = 9 * 2 ** 30;
const VMMEM_SHARE = 1 / 3;

const requireHere = createRequire(import.meta.url);

/**
 * Bundle the fake programs (TypeScript, with the core engine they use) into one CommonJS file in the state folder,
 * so each fake process starts as plain Node in tens of milliseconds. Rebuilt on every call (about 0.1 s), so it is
 * never stale. esbuild is loaded lazily: the real Windows path of the app never needs it.
 */
function bundleFakePrograms(outfile: string): void {
  const esbuild = requireHere('esbuild') as typeof Esbuild;
  esbuild.buildSync({
    entryPoints: [join(import.meta.dirname, 'fake', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
}

/** The shim a fake program is: a Node script that runs one invocation of the bundled program against the state folder. */
function shimSource(program: FakeProgram, stateDir: string, bundle: string): string {
  return [
    '#!/usr/bin/env node',
    `// Simulated Windows program written by @headroom/simulator. State: ${stateDir}`,
    "'use strict';",
    `require(${JSON.stringify(bundle)}).main(${JSON.stringify(stateDir)}, ${JSON.stringify(program)});`,
    '',
  ].join('\n');
}

/** This process's environment without Windows' folder variables, whatever their case, so the simulator's own folders are the only ones. */
function withoutWindowsFolders(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dropped = new Set(['systemroot', 'windir', 'programfiles']);
  return Object.fromEntries(Object.entries(env).filter(([key]) => !dropped.has(key.toLowerCase())));
}

/**
 * Build (or resume) a simulated Windows in `stateDir` for a scenario: the VM state, fake wsl.exe, nvidia-smi.exe,
 * reg.exe and wevtutil.exe where Windows keeps them (`stateDir/Windows/System32`, nvidia-smi.exe possibly in
 * `stateDir/Program Files/NVIDIA Corporation/NVSMI`; each only where the scenario has it), and a user profile folder
 * with the scenario's .wslconfig. The returned `env` sets `SystemRoot` and `ProgramFiles` to those folders, so
 * Headroom's real process-spawning code (which runs Windows' programs by absolute path) is what runs against them.
 */
export function createSimulatedWindows(options: SimulatedWindowsOptions): SimulatedWindows {
  const scenario = getScenario(options.scenario);
  const stateDir = options.stateDir;
  const systemRoot = join(stateDir, 'Windows');
  const programFiles = join(stateDir, 'Program Files');
  const binDir = join(systemRoot, 'System32');
  const nvsmiDir = join(programFiles, 'NVIDIA Corporation', 'NVSMI');
  const userProfile = join(stateDir, 'profile');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(nvsmiDir, { recursive: true });
  mkdirSync(userProfile, { recursive: true });

  const hasState = existsSync(join(stateDir, 'vm-state.json'));
  const reset = options.reset === true || !hasState || readVmState(stateDir).scenario !== scenario.name;
  if (reset) writeVmState(stateDir, initialState(scenario));

  const wslconfigPath = join(userProfile, '.wslconfig');
  if (reset && existsSync(wslconfigPath)) rmSync(wslconfigPath);
  if (reset && scenario.wslconfig !== undefined) writeFileSync(wslconfigPath, scenario.wslconfig);

  const hasNvidiaSmi = scenario.host.driverVersion !== undefined;
  const nvidiaSmiInNvsmi = scenario.host.nvidiaSmiFolder === 'NVSMI';
  const programs: [FakeProgram, string, boolean][] = [
    ['wsl', join(binDir, 'wsl.exe'), scenario.wsl !== undefined],
    ['nvidia-smi', join(binDir, 'nvidia-smi.exe'), hasNvidiaSmi && !nvidiaSmiInNvsmi],
    ['nvidia-smi', join(nvsmiDir, 'nvidia-smi.exe'), hasNvidiaSmi && nvidiaSmiInNvsmi],
    ['reg', join(binDir, 'reg.exe'), true],
    ['wevtutil', join(binDir, 'wevtutil.exe'), true],
  ];
  const bundle = join(binDir, 'fake-programs.cjs');
  bundleFakePrograms(bundle);
  rmSync(join(stateDir, 'bin'), { recursive: true, force: true });
  for (const [program, path, present] of programs) {
    if (!present) {
      rmSync(path, { force: true });
      continue;
    }
    writeFileSync(path, shimSource(program, stateDir, bundle));
    chmodSync(path, 0o755);
  }
  const wslExecutable = join(binDir, 'wsl.exe');

  // As on Windows, the programs are found under SystemRoot and ProgramFiles, not on PATH: PATH is this machine's.
  const env: NodeJS.ProcessEnv = {
    ...withoutWindowsFolders(process.env),
    SystemRoot: systemRoot,
    ProgramFiles: programFiles,
    USERPROFILE: userProfile,
    HEADROOM_SIMULATOR_STATE: stateDir,
  };
  const { totalMemoryBytes, logicalProcessors, windowsBuild } = scenario.host;
  const hostMemory = (): { totalBytes: number; freeBytes: number; vmmemBytes: number } => {
    const vm = readVmState(stateDir).vm;
    const vmmemBytes = vm ? Math.round(vm.memoryBytes * VMMEM_SHARE) : 0;
    return {
      totalBytes: totalMemoryBytes,
      freeBytes: Math.max(0, totalMemoryBytes - DESKTOP_BYTES - vmmemBytes),
      vmmemBytes,
    };
  };
  return {
    scenario: scenario.name,
    stateDir,
    binDir,
    userProfile,
    env,
    wslExecutable,
    wslconfigPath,
    host: { totalMemoryBytes, logicalProcessors, windowsBuild, userProfile: SIMULATED_USER_PROFILE },
    identity: { ...SIMULATED_IDENTITY, home: SIMULATED_USER_PROFILE },
    readState: () => readVmState(stateDir),
    ...(scenario.ollama
      ? {
          ollamaApi: fakeOllamaApi(scenario.ollama, () => {
            const name = scenario.ollama?.distro;
            return readVmState(stateDir).distros.some((distro) => distro.name === name && distro.running);
          }),
        }
      : {}),
    invocations: () => readInvocations(stateDir),
    hostMemory,
    hostFacts() {
      const { host, registry } = scenario;
      const displayVersion =
        host.displayVersion ??
        registry['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion']?.DisplayVersion?.data;
      const memory = hostMemory();
      return {
        windows: {
          edition: host.edition ?? 'Microsoft Windows 11 Pro',
          build: windowsBuild,
          ...(displayVersion ? { displayVersion } : {}),
        },
        memory: { totalBytes: memory.totalBytes, freeBytes: memory.freeBytes },
        drives: host.drives ?? DEFAULT_DRIVES,
        gpuControllers:
          host.gpuControllers ?? host.gpus.map((gpu) => ({ vendor: 'NVIDIA', model: gpu.name })),
        power: host.battery
          ? { hasBattery: true, onBattery: !host.battery.acConnected, percent: host.battery.percent }
          : { hasBattery: false, onBattery: false },
      };
    },
    reboot: () => {
      const state = readVmState(stateDir);
      writeVmState(stateDir, {
        ...state,
        vm: null,
        distros: state.distros.map((distro) => ({ ...distro, running: false })),
      });
    },
  };
}
