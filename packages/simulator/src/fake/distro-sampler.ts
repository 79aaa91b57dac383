import {
  SAMPLER_LATENCY_EVERY_SECONDS,
  SAMPLER_LATENCY_TIMEOUT_SECONDS,
  SAMPLER_MARKER,
  SAMPLER_STDIN_WATCH,
} from '@headroom/core';
import { readVmState } from '../vm-state';
import { encodeLinuxOutput } from './console';
import { distroNvidiaSmi, meminfo, type LinuxContext } from './distro-linux';
import type { FakeInvocation } from './host-programs';
import { linuxProcessStarted } from './job';

/** Whether a command is Headroom's long-lived in-distro sampler (`sh -c <script>`). */
export function isDistroSampler(command: readonly string[]): boolean {
  return command[0] === 'sh' && command[1] === '-c' && (command[2] ?? '').includes(SAMPLER_MARKER);
}

/** How long nvidia-smi takes in the simulated distro when it answers at its normal speed. */
const NORMAL_LATENCY_MS = 140;

/**
 * Act out the sampler as it runs in a distro: /proc/meminfo every second (real seconds: it is a 1 Hz stream), a
 * timed nvidia-smi every 30 s (a hang runs into the 10 s timeout, in simulated time), until WSL shuts down, when
 * wsl.exe ends as the real one does, or, when the script watches its stdin, until stdin ends. It is a Linux process:
 * it outlives Headroom unless its stdin tells it Headroom is gone.
 */
export async function runDistroSampler(
  ctx: LinuxContext,
  invocation: FakeInvocation & { readonly stateDir: string },
  script: string,
): Promise<number> {
  linuxProcessStarted();
  if (script.includes(SAMPLER_STDIN_WATCH)) {
    // wsl.exe relays its stdin to the script, whose watch loop kills it at end of file (sh's 143).
    process.stdin.on('end', () => process.exit(143));
    process.stdin.on('error', () => process.exit(143));
    process.stdin.resume();
  }
  const write = (text: string): void => void invocation.streams.stdout.write(encodeLinuxOutput(text));
  const stillRunning = (): boolean => {
    const state = readVmState(invocation.stateDir);
    return state.vm !== null && state.distros.some((d) => d.name === ctx.distro.name && d.running);
  };
  for (let tick = 0; stillRunning(); tick += 1) {
    write(`${SAMPLER_MARKER} meminfo@@\n${meminfo(ctx)}${SAMPLER_MARKER} end@@\n`);
    if (tick % SAMPLER_LATENCY_EVERY_SECONDS === 0) {
      const smi = distroNvidiaSmi(ctx, ['-L']);
      if (smi.hang) {
        await invocation.sleep(SAMPLER_LATENCY_TIMEOUT_SECONDS * 1000);
        write(`${SAMPLER_MARKER} smi ms=${SAMPLER_LATENCY_TIMEOUT_SECONDS * 1000} exit=124@@\n`);
      } else {
        const ms = smi.delayMs ?? NORMAL_LATENCY_MS;
        await invocation.sleep(ms);
        write(`${SAMPLER_MARKER} smi ms=${ms} exit=${smi.exitCode}@@\n`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return 1;
}
