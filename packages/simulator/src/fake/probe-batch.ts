import {
  DISTRO_PROBE_IDS,
  DISTRO_PROBE_TIMEOUT_SECONDS,
  GPU_QUERY_FIELDS,
  PROBE_MARKER,
  type DistroProbeId,
} from '@headroom/core';
import { encodeLinuxOutput } from './console';
import {
  distroNvidiaSmi,
  libcudaListing,
  linuxCommand,
  packageListing,
  type LinuxContext,
  type LinuxOutput,
} from './distro-linux';
import type { FakeInvocation } from './host-programs';

/** How long a probe without an injected delay takes inside the simulated distro, in simulated ms (`ms=`). */
const SIMULATED_PROBE_MS = 40;

/** Whether a command is Headroom's batched in-distro probe script (`sh -c <script>`). */
export function isDistroProbeBatch(command: readonly string[]): boolean {
  return command[0] === 'sh' && command[1] === '-c' && (command[2] ?? '').includes(PROBE_MARKER);
}

/** What one in-distro probe prints in the simulated distro. */
function probeOutput(ctx: LinuxContext, id: DistroProbeId): LinuxOutput {
  switch (id) {
    case 'distro-meminfo':
      return linuxCommand(ctx, ['cat', '/proc/meminfo']);
    case 'distro-nproc':
      return linuxCommand(ctx, ['nproc']);
    case 'distro-uname':
      return linuxCommand(ctx, ['uname', '-r']);
    case 'distro-os-release':
      return linuxCommand(ctx, ['cat', '/etc/os-release']);
    case 'distro-nvidia-smi':
      return distroNvidiaSmi(ctx, []);
    case 'distro-nvidia-smi-query':
      return distroNvidiaSmi(ctx, [`--query-gpu=${GPU_QUERY_FIELDS.join(',')}`, '--format=csv,nounits']);
    case 'distro-libcuda':
      return libcudaListing(ctx);
    case 'distro-nvidia-packages':
      return packageListing(ctx);
    case 'distro-wsl-conf':
      return linuxCommand(ctx, ['cat', '/etc/wsl.conf']);
    case 'distro-mounts':
      return linuxCommand(ctx, ['cat', '/proc/mounts']);
    case 'distro-model-dirs':
      return {
        stdout: ctx.distro.modelDirs.map((dir) => `dir ${dir.path} -> ${dir.resolved}\n`).join(''),
        stderr: '',
        exitCode: 0,
      };
  }
}

/**
 * Answer the batched probe script as the real one prints in a distro: each probe between its markers, written as it
 * finishes (so a kill mid-run leaves what was printed), with its own simulated time (`ms=`, unscaled). A hung probe
 * runs into its `timeout` and exits 124.
 */
export async function runDistroProbeBatch(
  ctx: LinuxContext,
  _command: readonly string[],
  invocation: FakeInvocation,
): Promise<number> {
  const write = (text: string): void => void invocation.streams.stdout.write(encodeLinuxOutput(text));
  for (const id of DISTRO_PROBE_IDS) {
    write(`${PROBE_MARKER} ${id} begin@@\n`);
    const output = probeOutput(ctx, id);
    if (output.hang) {
      await invocation.sleep(DISTRO_PROBE_TIMEOUT_SECONDS[id] * 1000);
      write(`\n${PROBE_MARKER} ${id} stderr@@\n\n${PROBE_MARKER} ${id} end exit=124@@\n`);
      continue;
    }
    if (output.delayMs) await invocation.sleep(output.delayMs);
    write(output.stdout);
    write(
      `\n${PROBE_MARKER} ${id} stderr@@\n${output.stderr.replace(/\n+$/, '')}\n${PROBE_MARKER} ${id} end exit=${output.exitCode} ms=${output.delayMs ?? SIMULATED_PROBE_MS}@@\n`,
    );
  }
  return 0;
}
