import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FakeProgram } from './fake/main';
import { getScenario } from './scenarios';
import { initialState, readVmState, writeVmState, type VmState } from './vm-state';

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
  /** The folder holding the fake executables, first on `env.PATH`. */
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
  };
  /** The simulated user's .wslconfig path. */
  readonly wslconfigPath: string;
  /** The VM state as the fake executables left it. */
  readState(): VmState;
  /** Restart the simulated Windows: the VM and every distro stop. */
  reboot(): void;
}

const requireHere = createRequire(import.meta.url);

/** The ESM build of tsx's loader API, found through tsx's own exports map (the CommonJS build cannot register). */
function tsxEsmApiUrl(): string {
  const manifestPath = requireHere.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import.default;
  if (!entry)
    throw new Error('tsx does not export ./esm/api; the simulator needs it to run its fake programs.');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

/**
 * The fake executables are TypeScript; each shim registers tsx's loader and runs its program. The shim is
 * CommonJS so it runs from any folder, whatever package.json (or none) sits above it.
 */
function shimSource(program: FakeProgram, stateDir: string): string {
  const tsxApi = tsxEsmApiUrl();
  const entry = pathToFileURL(join(import.meta.dirname, 'fake', 'main.ts')).href;
  return [
    '#!/usr/bin/env node',
    `// Simulated Windows program written by @headroom/simulator. State: ${stateDir}`,
    "'use strict';",
    '(async () => {',
    `  const tsx = await import(${JSON.stringify(tsxApi)});`,
    '  tsx.register();',
    `  const program = await import(${JSON.stringify(entry)});`,
    `  await program.main(${JSON.stringify(stateDir)}, ${JSON.stringify(program)});`,
    '})().catch((error) => {',
    "  process.stderr.write('headroom simulator: ' + (error && error.stack ? error.stack : String(error)) + '\\n');",
    '  process.exitCode = 70;',
    '});',
    '',
  ].join('\n');
}

/**
 * Build (or resume) a simulated Windows in `stateDir` for a scenario: the VM state, fake wsl.exe, nvidia-smi.exe,
 * reg.exe and wevtutil.exe on a PATH folder (each only where the scenario has it), and a user profile folder with the
 * scenario's .wslconfig. Processes started with the returned `env` find the fake programs first, so
 * Headroom's real process-spawning code path is what runs against them.
 */
export function createSimulatedWindows(options: SimulatedWindowsOptions): SimulatedWindows {
  const scenario = getScenario(options.scenario);
  const stateDir = options.stateDir;
  const binDir = join(stateDir, 'bin');
  const userProfile = join(stateDir, 'profile');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(userProfile, { recursive: true });

  const hasState = existsSync(join(stateDir, 'vm-state.json'));
  const reset = options.reset === true || !hasState || readVmState(stateDir).scenario !== scenario.name;
  if (reset) writeVmState(stateDir, initialState(scenario));

  const wslconfigPath = join(userProfile, '.wslconfig');
  if (reset && existsSync(wslconfigPath)) rmSync(wslconfigPath);
  if (reset && scenario.wslconfig !== undefined) writeFileSync(wslconfigPath, scenario.wslconfig);

  const programs: [FakeProgram, string, boolean][] = [
    ['wsl', 'wsl.exe', scenario.wsl !== undefined],
    ['nvidia-smi', 'nvidia-smi.exe', scenario.host.driverVersion !== undefined],
    ['reg', 'reg.exe', true],
    ['wevtutil', 'wevtutil.exe', true],
  ];
  for (const [program, fileName, present] of programs) {
    const path = join(binDir, fileName);
    if (!present) {
      rmSync(path, { force: true });
      continue;
    }
    writeFileSync(path, shimSource(program, stateDir));
    chmodSync(path, 0o755);
  }
  const wslExecutable = join(binDir, 'wsl.exe');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [binDir, process.env.PATH ?? ''].filter(Boolean).join(delimiter),
    USERPROFILE: userProfile,
    HEADROOM_SIMULATOR_STATE: stateDir,
  };
  const { totalMemoryBytes, logicalProcessors, windowsBuild } = scenario.host;
  return {
    scenario: scenario.name,
    stateDir,
    binDir,
    userProfile,
    env,
    wslExecutable,
    wslconfigPath,
    host: { totalMemoryBytes, logicalProcessors, windowsBuild },
    readState: () => readVmState(stateDir),
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
