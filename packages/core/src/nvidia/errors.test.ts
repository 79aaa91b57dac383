import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyNvidiaSmiFailure, type NvidiaSmiFailureKind } from './errors';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

const MISMATCH = 'Failed to initialize NVML: Driver/library version mismatch';
const BLOCKED = 'Failed to initialize NVML: GPU access blocked by the operating system';
const COULDNT =
  "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.";

describe('classifyNvidiaSmiFailure on the captured errors (errors/)', () => {
  // Exit codes: 18 where the fixture shows it, 127 where a shell reports a missing command, null (unknown) elsewhere.
  const cases: readonly [
    file: string,
    exitCode: number | null,
    kind: NvidiaSmiFailureKind,
    message: string,
    nvml: string | null,
  ][] = [
    // The WSL SSH session lacks /usr/lib/wsl/lib on PATH; zsh prints its own form.
    [
      'command-not-found__ms-WSL-8794-ssh-session.txt',
      127,
      'command-not-found',
      'zsh: command not found: nvidia-smi',
      null,
    ],
    [
      'command-not-found__nvidia-docker-1482-container-in-wsl2.txt',
      127,
      'command-not-found',
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:367: starting container process caused: exec: "nvidia-smi": executable file not found in $PATH: unknown.',
      null,
    ],
    ['couldnt-communicate__ms-WSL-11888.txt', null, 'couldnt-communicate', COULDNT, null],
    // Inside WSL with a second line `Failed to properly shut down NVML: Driver Not Loaded`.
    ['couldnt-communicate__ms-WSL-9134.txt', null, 'couldnt-communicate', COULDNT, null],
    // The issue shows `echo $?` → 18.
    [
      'driver-library-mismatch__anderskm-gputil-55__exit18.txt',
      18,
      'driver-library-mismatch',
      MISMATCH,
      '535.161',
    ],
    ['driver-library-mismatch__intel-llvm-17614.txt', null, 'driver-library-mismatch', MISMATCH, '550.144'],
    // A task log: return code 18, the message on stdout behind `[task ...] [train] [nvidia-smi(stdout)]`.
    [
      'driver-library-mismatch__mozilla-translations-1167__rc18-stdout.txt',
      18,
      'driver-library-mismatch',
      MISMATCH,
      '550.144',
    ],
    // The older one-line form, without the library version.
    ['driver-library-mismatch__pop-os-nvidia-470-18.txt', null, 'driver-library-mismatch', MISMATCH, null],
    [
      'driver-library-mismatch__tinygrad-open-gpu-kernel-modules-47.txt',
      null,
      'driver-library-mismatch',
      MISMATCH,
      '570.124',
    ],
    ['gpu-access-blocked__ms-WSL-14339.txt', null, 'gpu-access-blocked', BLOCKED, null],
    ['gpu-access-blocked__staralt-dxgkrnl-dkms-7.txt', null, 'gpu-access-blocked', BLOCKED, null],
    [
      'libnvidia-ml-not-found__projectbluefin-dakota-373.txt',
      null,
      'nvml-missing',
      "NVIDIA-SMI couldn't find libnvidia-ml.so library in your system. Please make sure that the NVIDIA Display Driver is properly installed and present in your system.",
      null,
    ],
    ['no-devices-found__open-gpu-kernel-modules-862.txt', null, 'no-devices', 'No devices were found', null],
  ];

  it.each(cases)('%s (exit %s) → %s', (file, exitCode, kind, message, nvmlLibraryVersion) => {
    expect(classifyNvidiaSmiFailure(fixture(`errors/${file}`), exitCode)).toEqual({
      kind,
      evidence: 'text',
      message,
      exitCode,
      nvmlLibraryVersion,
    });
  });

  it('classifies by text whatever the exit code says, even 0 (a wrapper that lost it)', () => {
    expect(classifyNvidiaSmiFailure(fixture('errors/gpu-access-blocked__ms-WSL-14339.txt'), 0)?.kind).toBe(
      'gpu-access-blocked',
    );
    expect(
      classifyNvidiaSmiFailure(fixture('errors/no-devices-found__open-gpu-kernel-modules-862.txt'), 1)?.kind,
    ).toBe('no-devices');
  });
});

describe('classifyNvidiaSmiFailure on other texts and exit codes', () => {
  it('reads the other forms of the same failures', () => {
    const kinds = [
      ['sh: 1: nvidia-smi: not found', 127],
      [
        "'nvidia-smi' is not recognized as an internal or external command,\r\noperable program or batch file.",
        1,
      ],
      ['<3>WSL (8) ERROR: CreateProcessCommon:559: execvpe(nvidia-smi) failed: No such file or directory', 1],
      ['NVML Shared Library Not Found', 12],
      [
        'nvidia-smi: error while loading shared libraries: libnvidia-ml.so.1: cannot open shared object file: No such file or directory',
        127,
      ],
      ['Failed to initialize NVML: Driver Not Loaded', 9],
      ['Segmentation fault (core dumped)', 139],
    ].map(([text, code]) => classifyNvidiaSmiFailure(String(text), Number(code))?.kind);
    expect(kinds).toEqual([
      'command-not-found',
      'command-not-found',
      'command-not-found',
      'nvml-missing',
      'nvml-missing',
      'couldnt-communicate',
      'crashed',
    ]);
  });

  it('falls back to the exit code when the text says nothing it knows, and says so', () => {
    expect(classifyNvidiaSmiFailure('', 127)).toMatchObject({
      kind: 'command-not-found',
      evidence: 'exit-code',
    });
    expect(classifyNvidiaSmiFailure('\n', 18)).toMatchObject({
      kind: 'driver-library-mismatch',
      evidence: 'exit-code',
    });
    expect(classifyNvidiaSmiFailure('', 139)).toMatchObject({ kind: 'crashed', evidence: 'exit-code' });
  });

  it('calls a non-zero exit with unrecognised text unknown, keeping its first line', () => {
    expect(
      classifyNvidiaSmiFailure(
        '\nUnable to determine the device handle for GPU0000:01:00.0: Unknown Error\n',
        255,
      ),
    ).toEqual({
      kind: 'unknown',
      evidence: 'exit-code',
      message: 'Unable to determine the device handle for GPU0000:01:00.0: Unknown Error',
      exitCode: 255,
      nvmlLibraryVersion: null,
    });
    expect(classifyNvidiaSmiFailure('', -1)?.kind).toBe('unknown');
  });

  it('returns undefined for a normal success and for unknown text with no exit code', () => {
    expect(classifyNvidiaSmiFailure('', 0)).toBeUndefined();
    expect(classifyNvidiaSmiFailure('whatever', null)).toBeUndefined();
    // 610 CSV shows `[Function Not Found]` in cells of a successful query: not a missing command.
    expect(
      classifyNvidiaSmiFailure('0, NVIDIA GeForce RTX 2080 SUPER, [Function Not Found], [N/A]\n', 0),
    ).toBeUndefined();
  });
});
