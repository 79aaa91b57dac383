import { freemem, totalmem } from 'node:os';
import type { RedactionTargets } from '@headroom/core';
import {
  currentUserIdentity,
  findMisplacedConfigs,
  fixedHostFacts,
  locateWslConfig,
  ollamaApiClient,
  ollamaPsReader,
  thisWindowsHost,
  windowsHostFacts,
  type HostFacts,
  type HostFactsData,
  type MisplacedConfig,
  type OllamaApi,
  VMMEM_WATCH_COMMAND,
} from '@headroom/host';
import type { LoginItemPort } from '../setup/setup-handlers';
import type { HostMemoryReading, OllamaReader } from '../metrics/metrics-sampler';
import type { VerifierOptions } from '../verify/verifier';

/**
 * What differs between this Windows and a simulated one: the environment every process runs with (the simulator's
 * puts its fake wsl.exe first on PATH), the host's facts, the .wslconfig WSL reads, and the live readings.
 * {@link createHeadroom} builds everything else the same way over either.
 */
export interface Machine {
  /** What to call the machine in messages: "this Windows machine", "the simulated Windows (scenario …)". */
  readonly label: string;
  readonly simulated: boolean;
  /** The scenario acted out, when simulated. */
  readonly scenario?: string;
  /** The environment of every wsl.exe, nvidia-smi.exe and reg.exe; default the process's own. */
  readonly env?: NodeJS.ProcessEnv;
  readonly host: VerifierOptions['host'];
  /** The user's .wslconfig, the one WSL reads. */
  readonly wslconfigPath: string;
  /** Windows' memory now, for the dashboard. */
  hostMemory(): HostMemoryReading | undefined;
  /** Ollama's loaded models; absent where there is none to ask (the simulator). */
  readonly ollama?: OllamaReader;
  /** Ollama's API for the models it has (`/api/tags`, `/api/show`, `/api/ps`); absent where there is none to ask. */
  readonly ollamaApi?: OllamaApi;
  /** The long-lived program that prints the bytes VmmemWSL holds; absent when `hostMemory` says it. */
  readonly vmmemCommand?: readonly [string, ...string[]];
  /** Start at sign-in; absent where the caller brings its own (Electron's) or there is none. */
  readonly loginItem?: LoginItemPort;
  /**
   * The host facts that need no wsl.exe (edition, drives, display adapters, battery): systeminformation's one
   * PowerShell on Windows, the scenario's data when simulated.
   */
  readonly hostFacts?: HostFacts;
  /** Copies of .wslconfig WSL never reads, next to the user's file. */
  misplaced(): Promise<MisplacedConfig[]>;
  /** The user, profile folder and computer a support bundle must not name (`redactCapture` in core). */
  readonly identity: RedactionTargets;
}

/** This Windows machine: the real wsl.exe, the .wslconfig in the user's profile, Ollama on 127.0.0.1:11434. */
export function windowsMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  const location = locateWslConfig({ platform: 'win32', env });
  return {
    label: 'this Windows machine',
    simulated: false,
    host: thisWindowsHost(),
    wslconfigPath: location.path,
    hostMemory: () => ({ totalBytes: totalmem(), freeBytes: freemem() }),
    ollama: ollamaPsReader(),
    ollamaApi: ollamaApiClient(),
    vmmemCommand: VMMEM_WATCH_COMMAND,
    hostFacts: windowsHostFacts(),
    misplaced: () => findMisplacedConfigs(location, { env }),
    identity: currentUserIdentity(env),
  };
}

/** What {@link simulatedMachine} reads from `createSimulatedWindows(...)` of @headroom/simulator. */
export interface SimulatedWindowsLike {
  readonly scenario: string;
  readonly env: NodeJS.ProcessEnv;
  readonly host: VerifierOptions['host'];
  readonly wslconfigPath: string;
  /** The simulated profile folder on this disk, where misplaced copies would be. */
  readonly userProfile: string;
  hostMemory(): HostMemoryReading;
  /** The scenario's host facts (edition, drives, display adapters, battery), when the simulator has them. */
  hostFacts?(): HostFactsData;
  /** The scenario's Ollama (answering only while the distro it runs in does), when it has one. */
  readonly ollamaApi?: OllamaApi;
  /** The simulated account and computer; absent: nothing simulated is known to hide. */
  readonly identity?: RedactionTargets;
}

/**
 * A simulated Windows as a {@link Machine}. It takes the simulator's handle rather than importing the simulator, so
 * the service (and the production app that bundles it) never pulls the simulator in; only the entries that choose
 * to simulate import @headroom/simulator.
 */
export function simulatedMachine(windows: SimulatedWindowsLike, loginItem?: LoginItemPort): Machine {
  return {
    label: `the simulated Windows (scenario "${windows.scenario}")`,
    simulated: true,
    scenario: windows.scenario,
    env: windows.env,
    host: windows.host,
    wslconfigPath: windows.wslconfigPath,
    hostMemory: () => windows.hostMemory(),
    ...(loginItem ? { loginItem } : {}),
    ...(windows.ollamaApi ? { ollamaApi: windows.ollamaApi } : {}),
    ...(windows.hostFacts ? { hostFacts: fixedHostFacts(windows.hostFacts.bind(windows)) } : {}),
    misplaced: () =>
      findMisplacedConfigs(locateWslConfig({ platform: 'win32', env: {}, profileDir: windows.userProfile }), {
        env: {},
        platform: 'linux',
      }),
    identity: windows.identity ?? {},
  };
}

/** A sign-in list kept in memory, for simulated machines: it remembers the choice for as long as the process runs. */
export function memoryLoginItem(): LoginItemPort {
  let enabled = false;
  return {
    get: () => Promise.resolve(enabled),
    set: (next) => {
      enabled = next;
      return Promise.resolve();
    },
  };
}
