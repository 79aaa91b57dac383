/** How a distro's in-VM `nvidia-smi` behaves in a scenario. */
export type DistroGpuBehavior =
  /** Works, reports the host's GPUs and driver. */
  | 'ok'
  /** "GPU access blocked by the operating system" (exit 255). */
  | 'blocked'
  /** /usr/lib/wsl/lib/nvidia-smi is missing (no GPU passed through). */
  | 'missing'
  /** Never answers. */
  | 'hang'
  /** Answers, but after `latencyMs`. */
  | 'slow';

/** A GPU on the simulated host. */
export interface SimulatedGpu {
  readonly name: string;
  readonly uuid: string;
  readonly memoryTotalMiB: number;
  readonly memoryUsedMiB: number;
  readonly utilizationPercent: number;
  readonly temperatureC: number;
  readonly powerDrawW: number;
}

/** A GGUF header the simulator writes with core's GGUF writer: `<arch>.KEY` numbers (uint32) and the file type. */
export interface SimulatedGgufHeader {
  readonly architecture: string;
  /** `general.file_type` (15: Q4_K_M). */
  readonly fileType: number;
  /** The architecture's keys without the `<arch>.` prefix: `block_count`, `attention.head_count_kv`… */
  readonly keys: Readonly<Record<string, number>>;
  /** `split.count` for part 1 of a split model. */
  readonly splitCount?: number;
}

/** A `*.gguf` file in one of a distro's model folders (the Hugging Face cache, llama.cpp's cache, OLLAMA_MODELS). */
export interface SimulatedModelFile {
  readonly folderKind: 'huggingface' | 'llama.cpp' | 'ollama';
  /** The folder the listing names (`~/.cache/huggingface/hub`, expanded). */
  readonly folder: string;
  readonly path: string;
  readonly sizeBytes: number;
  /** Last modified, ISO 8601. */
  readonly modifiedAt: string;
  /** Its first bytes: a GGUF header, or text for a file that only has the extension. */
  readonly header: SimulatedGgufHeader | { readonly text: string };
}

/** A model Ollama has pulled, as its `/api/tags` and `/api/show` describe it. */
export interface SimulatedOllamaModel {
  readonly name: string;
  readonly sizeBytes: number;
  readonly modifiedAt: string;
  readonly family: string;
  readonly parameterSize: string;
  readonly quant: string;
  /** Loaded now (listed by `/api/ps`). */
  readonly loaded?: boolean;
  /** `/api/show`'s `model_info`: the GGUF keys. */
  readonly modelInfo: Readonly<Record<string, number | string>>;
  /** `num_ctx` in its parameters, when the model sets one. */
  readonly numCtx?: number;
}

/** Ollama on the simulated machine: it answers on 127.0.0.1:11434 while the distro it runs in runs. */
export interface SimulatedOllama {
  readonly distro: string;
  readonly models: readonly SimulatedOllamaModel[];
}

/** A distro as the simulated Windows registers it, and what is inside it. */
export interface SimulatedDistro {
  readonly name: string;
  readonly version: 1 | 2;
  readonly isDefault: boolean;
  /** Whether it runs when the scenario starts. */
  readonly running: boolean;
  /** /etc/os-release. */
  readonly osRelease: string;
  /** What `nvidia-smi` inside does. */
  readonly gpu: DistroGpuBehavior;
  /** For `slow`: how long in-distro nvidia-smi takes. */
  readonly gpuLatencyMs?: number;
  /** The driver version in-distro nvidia-smi reports (defaults to the host's). */
  readonly gpuDriverVersion?: string;
  /** Report `CUDA Version: ERR!` in the banner. */
  readonly cudaVersionError?: boolean;
  /** Installed packages with versions (`nvidia-driver-550` etc. is the classic mistake). */
  readonly packages: readonly string[];
  /** Whether libcuda.so resolves to /usr/lib/wsl/lib (false: a Linux driver's copy shadows it). */
  readonly libcudaFromWsl: boolean;
  /**
   * A libcuda.so.1 in /usr/lib/x86_64-linux-gnu that is a symlink to WSL's /usr/lib/wsl/lib/libcuda.so.1 and comes
   * first in the loader's cache (the workaround of microsoft/WSL#5548): WSL's own library, not a Linux driver.
   */
  readonly libcudaLinkToWsl?: boolean;
  /** /etc/wsl.conf, or undefined when there is none. */
  readonly wslConf?: string;
  /** Extra lines of /proc/mounts (e.g. a Windows drive holding models). */
  readonly extraMounts: readonly string[];
  /** The model folders that exist (Ollama, llama.cpp, Hugging Face cache) and where they really are. */
  readonly modelDirs: readonly { readonly path: string; readonly resolved: string }[];
  /** The GGUF files in those folders, for the setup's model discovery; default none. */
  readonly modelFiles?: readonly SimulatedModelFile[];
  /**
   * False for a data-only distro without `sh` or any other program (`docker-desktop-data`, `rancher-desktop-data`):
   * every `wsl.exe -d NAME -e CMD` fails at once with WSL's execvpe error. Default true.
   */
  readonly shell?: boolean;
}

/** The versions `wsl --version` reports, in its fixed line order. */
export interface SimulatedWslVersion {
  readonly wsl: string;
  readonly kernel: string;
  readonly wslg: string;
  readonly msrdc: string;
  readonly direct3d: string;
  readonly dxcore: string;
  readonly windows: string;
}

/** An event in the simulated Windows event log, rendered as wevtutil's XML. */
export interface SimulatedEvent {
  readonly log: 'System' | 'Application';
  readonly provider: string;
  readonly eventId: number;
  readonly time: string;
  readonly level: number;
  readonly data: Readonly<Record<string, string>>;
}

/** A named situation of a Windows machine that the fake executables act out. */
export interface Scenario {
  readonly name: string;
  /** One line for `headroom scenarios`. */
  readonly summary: string;
  readonly host: {
    readonly totalMemoryBytes: number;
    readonly logicalProcessors: number;
    readonly windowsBuild: number;
    /** The NVIDIA driver (host nvidia-smi's driver_version); absent without an NVIDIA GPU. */
    readonly driverVersion?: string | undefined;
    readonly cudaVersion?: string | undefined;
    readonly gpus: readonly SimulatedGpu[];
    /**
     * Where the driver put nvidia-smi.exe: `System32` (current DCH drivers, the default) or `NVSMI`
     * (`%ProgramFiles%\NVIDIA Corporation\NVSMI`, older non-DCH drivers).
     */
    readonly nvidiaSmiFolder?: 'System32' | 'NVSMI';
    /** Windows' edition as systeminformation reports it; default `Microsoft Windows 11 Pro`. */
    readonly edition?: string;
    /** `24H2`; default from the registry's DisplayVersion. */
    readonly displayVersion?: string;
    /** Every display adapter Windows lists; default one per NVIDIA GPU of `gpus`. */
    readonly gpuControllers?: readonly { readonly vendor: string; readonly model: string }[];
    /** The drives' space; default C: with 420 GB free of 1 TB. */
    readonly drives?: readonly {
      readonly drive: string;
      readonly freeBytes: number;
      readonly totalBytes: number;
    }[];
    /** A laptop's battery; absent on a desktop. */
    readonly battery?: { readonly percent: number; readonly acConnected: boolean };
  };
  /**
   * WSL as installed: absent when there is not even a wsl.exe; `inbox` for the old wsl.exe without --version; `stub`
   * for the wsl.exe Windows ships without WSL, which answers every command with "not installed" and exit code 50.
   */
  readonly wsl?: SimulatedWslVersion | 'inbox' | 'stub' | undefined;
  readonly distros: readonly SimulatedDistro[];
  /** The simulated user's .wslconfig when the scenario starts (absent: no file). */
  readonly wslconfig?: string | undefined;
  /** The .wslconfig the running VM was started with, when it differs from the file (an edit not yet applied). */
  readonly appliedWslconfig?: string;
  /** How long creating the VM takes (simulated ms, scaled by HEADROOM_SIM_TIME_SCALE); default: at once. */
  readonly bootMs?: number;
  /** Distros something starts again right after `wsl --shutdown` (Docker Desktop does), so the VM never stays down. */
  readonly restartsAfterShutdown?: readonly string[];
  /** Registry values `reg query` answers, by key then value name. */
  readonly registry: Readonly<
    Record<string, Readonly<Record<string, { readonly type: string; readonly data: string }>>>
  >;
  readonly events: readonly SimulatedEvent[];
  /** Ollama and the models it has; absent: nothing answers on Ollama's port. */
  readonly ollama?: SimulatedOllama;
  /** The model the user set out to run (as the setup wizard saves it): what memory-ceiling is judged against. */
  readonly target?: { readonly model: string; readonly contextLength: number };
}
