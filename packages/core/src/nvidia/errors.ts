import { normalizeLineEnds } from '../text/decode-console';

/** The ways nvidia-smi fails that Headroom tells apart (docs/gpu-tools.md "Errors and exit codes"). */
export type NvidiaSmiFailureKind =
  /** `NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver` (no or broken driver). */
  | 'couldnt-communicate'
  /** `Failed to initialize NVML: Driver/library version mismatch` (exit 18; driver upgraded without a reboot). */
  | 'driver-library-mismatch'
  /** `Failed to initialize NVML: GPU access blocked by the operating system` (WSL: GPU in TCC, Server, Docker). */
  | 'gpu-access-blocked'
  /** `No devices were found`. */
  | 'no-devices'
  /** The shell or runtime could not find the nvidia-smi program (exit 127, `command not found`). */
  | 'command-not-found'
  /** `NVIDIA-SMI couldn't find libnvidia-ml.so library in your system` / `NVML Shared Library Not Found`. */
  | 'nvml-missing'
  /** nvidia-smi crashed (`Segmentation fault`, exit 139), as on some WSL and driver combinations. */
  | 'crashed'
  /** A non-zero exit with text that is none of the above. */
  | 'unknown';

/** A classified nvidia-smi failure. */
export interface NvidiaSmiFailure {
  readonly kind: NvidiaSmiFailureKind;
  /** Whether the kind was read from the text (reliable) or only from the exit code (weaker; always for `unknown`). */
  readonly evidence: 'text' | 'exit-code';
  /** The line that shows the failure (log prefixes such as `[task ...]` removed), or the first line for `unknown`. */
  readonly message: string;
  readonly exitCode: number | null;
  /** For a version mismatch, the user-space library version newer drivers print (`NVML library version: 550.144`). */
  readonly nvmlLibraryVersion: string | null;
}

/** Text patterns, most specific first: `NVML Shared Library Not Found` must not read as a missing command. */
const TEXT_PATTERNS: readonly (readonly [NvidiaSmiFailureKind, RegExp])[] = [
  ['nvml-missing', /couldn['\u2019]t find libnvidia-ml\.so/i],
  ['nvml-missing', /NVML Shared Library Not Found/i],
  ['nvml-missing', /libnvidia-ml\.so(?:\.1)?: cannot open shared object file/i],
  ['driver-library-mismatch', /Driver\/library version mismatch/i],
  ['gpu-access-blocked', /GPU access blocked by the operating system/i],
  ['couldnt-communicate', /couldn['\u2019]t communicate with the NVIDIA driver/i],
  ['couldnt-communicate', /Failed to initialize NVML: Driver Not Loaded/i],
  ['no-devices', /No devices were found/i],
  ['command-not-found', /command not found/i],
  ['command-not-found', /nvidia-smi(?:\.exe)?["']?: not found/i],
  ['command-not-found', /executable file not found/i],
  ['command-not-found', /nvidia-smi(?:\.exe)?['"]? is not recognized as/i],
  ['command-not-found', /nvidia-smi[^\n]*: No such file or directory/i],
  ['crashed', /Segmentation fault/i],
];

/**
 * What an exit code alone says when the text is not recognised. 127 comes from the shell, 139 is SIGSEGV; the
 * others are NVML return codes that nvidia-smi exits with (18 is verified in captures, the rest are not).
 */
const EXIT_CODES: ReadonlyMap<number, NvidiaSmiFailureKind> = new Map([
  [127, 'command-not-found'],
  [139, 'crashed'],
  [18, 'driver-library-mismatch'],
  [17, 'gpu-access-blocked'],
  [12, 'nvml-missing'],
  [9, 'couldnt-communicate'],
  [6, 'no-devices'],
]);

function cleanLine(line: string): string {
  return line.replace(/^(?:\[[^\]]*\]\s*)+/, '').trim();
}

/**
 * Classify what nvidia-smi printed (stdout and stderr together: its errors go to stdout) and its exit code. The text
 * decides first, the exit code second (docs/gpu-tools.md "Errors and exit codes"). Undefined means the output is not a
 * failure: exit code 0, or an unknown (null) exit code, with no failure text. A non-zero exit with text that matches
 * nothing is `unknown`.
 */
export function classifyNvidiaSmiFailure(
  text: string,
  exitCode: number | null,
): NvidiaSmiFailure | undefined {
  const lines = normalizeLineEnds(text).split('\n');
  const nvmlLibraryVersion = /NVML library version:\s*([\w.-]+)/i.exec(text)?.[1] ?? null;
  for (const [kind, pattern] of TEXT_PATTERNS) {
    const line = lines.find((candidate) => pattern.test(candidate));
    if (line !== undefined) {
      return { kind, evidence: 'text', message: cleanLine(line), exitCode, nvmlLibraryVersion };
    }
  }
  if (exitCode === null || exitCode === 0) return undefined;
  const first = lines.map(cleanLine).find((line) => line !== '') ?? '';
  const byCode = EXIT_CODES.get(exitCode);
  return {
    kind: byCode ?? 'unknown',
    evidence: 'exit-code',
    message: first.slice(0, 300),
    exitCode,
    nvmlLibraryVersion,
  };
}
