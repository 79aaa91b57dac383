import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenarios/scenario';
import { bootConfig } from '../vm-config';
import { readVmState, writeVmState, type VmState } from '../vm-state';
import { encodeLinuxOutput, encodeWslConsole } from './console';
import { linuxCommand, type LinuxOutput } from './distro-linux';
import type { FakeInvocation } from './host-programs';
import { isDistroSampler, runDistroSampler } from './distro-sampler';
import { ggufHeaderRead, isGgufHeaderRead, isModelFilesListing, modelFilesListing } from './model-files';
import { isDistroProbeBatch, runDistroProbeBatch } from './probe-batch';

/** WSL's generic failure; a DWORD 0xFFFFFFFF on Windows, 255 where exit codes are one byte. */
const WSL_E_FAILURE = -1;
/** The exit code of Windows' wsl.exe stub when WSL is not installed (core's WSL_STUB_EXIT_CODES). */
const WSL_STUB_NOT_INSTALLED = 50;

/** The simulated user's .wslconfig as bytes, as WSL reads it when it creates the VM. */
function readProfileWslconfig(stateDir: string): Uint8Array | undefined {
  const path = join(stateDir, 'profile', '.wslconfig');
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
}

/**
 * The simulated wsl.exe: `--list --verbose`, `--list --running --quiet`, `--list --quiet`, `--version`, `--status`,
 * `--shutdown` and `[-d NAME] -e CMD...`, from the VM state in the state folder, which it updates. The first command
 * that needs the VM creates it from the profile's .wslconfig and prints WSL's warnings on stderr.
 */
export async function runFakeWsl(
  invocation: FakeInvocation & { readonly stateDir: string },
): Promise<number> {
  const { argv, env, streams, scenario, stateDir } = invocation;
  const say = (text: string): void => void streams.stdout.write(encodeWslConsole(text, env));
  const fail = (text: string, code: string): number => {
    streams.stderr.write(encodeWslConsole(`${text}\nError code: ${code}\n`, env));
    return WSL_E_FAILURE;
  };
  if (scenario.wsl === 'stub') {
    // Windows' stub prints this in the user's language; Headroom goes by the exit code only.
    say(
      "Windows Subsystem for Linux is not installed. You can install by running 'wsl.exe --install'.\nFor more information please visit https://aka.ms/wslinstall\n",
    );
    return WSL_STUB_NOT_INSTALLED;
  }
  const state = readVmState(stateDir);
  const [first, ...rest] = argv;

  switch (first) {
    case '--list':
    case '-l':
      return listDistros(state, scenario, rest, say, fail);
    case '--version':
    case '-v': {
      if (scenario.wsl === 'inbox' || scenario.wsl === undefined) {
        say(
          'Copyright (c) Microsoft Corporation. All rights reserved.\n\nUsage: wsl.exe [Argument] [Options...] [CommandLine]\n',
        );
        return WSL_E_FAILURE;
      }
      const v = scenario.wsl;
      say(
        `WSL version: ${v.wsl}\nKernel version: ${v.kernel}\nWSLg version: ${v.wslg}\nMSRDC version: ${v.msrdc}\nDirect3D version: ${v.direct3d}\nDXCore version: ${v.dxcore}\nWindows version: ${v.windows}\n`,
      );
      return 0;
    }
    case '--status': {
      const fallback = scenario.distros.find((d) => d.isDefault);
      if (!fallback)
        return fail(
          'Windows Subsystem for Linux has no installed distributions.',
          'Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND',
        );
      say(`Default Distribution: ${fallback.name}\nDefault Version: 2\n`);
      return 0;
    }
    case '--shutdown':
      writeVmState(stateDir, {
        ...state,
        vm: null,
        distros: state.distros.map((d) => ({
          ...d,
          running: scenario.restartsAfterShutdown?.includes(d.name) ?? false,
        })),
      });
      return 0;
    case '-d':
    case '--distribution':
    case '-e':
    case '--exec':
      return execInDistro(invocation, state, fail);
    default:
      return fail(
        `Invalid command line argument: ${first ?? '(none)'}\nPlease use 'wsl.exe --help' to get a list of supported arguments.`,
        'Wsl/E_INVALIDARG',
      );
  }
}

function listDistros(
  state: VmState,
  scenario: Scenario,
  flags: readonly string[],
  say: (text: string) => void,
  fail: (text: string, code: string) => number,
): number {
  const running = flags.includes('--running');
  const quiet = flags.includes('--quiet') || flags.includes('-q');
  const verbose = flags.includes('--verbose') || flags.includes('-v');
  const distros = [...scenario.distros]
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
    .map((d) => ({ ...d, running: state.distros.find((s) => s.name === d.name)?.running ?? false }));
  if (distros.length === 0) {
    return fail(
      'Windows Subsystem for Linux has no installed distributions.',
      'Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND',
    );
  }
  const shown = running ? distros.filter((d) => d.running) : distros;
  if (quiet) {
    say(shown.map((d) => `${d.name}\n`).join(''));
    return 0;
  }
  if (verbose) {
    const width = Math.max(4, ...shown.map((d) => d.name.length)) + 4;
    const row = (mark: string, name: string, stateWord: string, version: string): string =>
      `${mark} ${name.padEnd(width)}${stateWord.padEnd(16)}${version}\n`;
    say(
      row(' ', 'NAME', 'STATE', 'VERSION') +
        shown
          .map((d) =>
            row(d.isDefault ? '*' : ' ', d.name, d.running ? 'Running' : 'Stopped', String(d.version)),
          )
          .join(''),
    );
    return 0;
  }
  if (running && shown.length === 0)
    return fail('There are no running distributions.', 'Wsl/WSL_E_NO_RUNNING_DISTROS');
  say(
    `Windows Subsystem for Linux Distributions:\n${shown.map((d) => `${d.name}${d.isDefault ? ' (Default)' : ''}\n`).join('')}`,
  );
  return 0;
}

async function emit(invocation: FakeInvocation, output: LinuxOutput): Promise<number> {
  if (output.delayMs) await invocation.sleep(output.delayMs);
  if (output.hang) await new Promise<never>(() => setInterval(() => undefined, 60_000));
  invocation.streams.stdout.write(encodeLinuxOutput(output.stdout));
  invocation.streams.stderr.write(encodeLinuxOutput(output.stderr));
  return output.exitCode;
}

async function execInDistro(
  invocation: FakeInvocation & { readonly stateDir: string },
  state: VmState,
  fail: (text: string, code: string) => number,
): Promise<number> {
  const { argv, scenario, stateDir, env, streams } = invocation;
  let distroName: string | undefined;
  let index = 0;
  if (argv[0] === '-d' || argv[0] === '--distribution') {
    distroName = argv[1];
    index = 2;
  }
  if (argv[index] !== '-e' && argv[index] !== '--exec') {
    return fail(`Invalid command line argument: ${argv[index] ?? '(none)'}`, 'Wsl/E_INVALIDARG');
  }
  const command = argv.slice(index + 1);
  const distro =
    distroName === undefined
      ? scenario.distros.find((d) => d.isDefault)
      : scenario.distros.find((d) => d.name.toLowerCase() === distroName.toLowerCase());
  if (!distro)
    return fail('There is no distribution with the supplied name.', 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND');

  let vm = state.vm;
  if (!vm) {
    if (scenario.bootMs !== undefined) await invocation.sleep(scenario.bootMs);
    vm = bootConfig(readProfileWslconfig(stateDir), scenario.host);
    for (const warning of vm.warnings) streams.stderr.write(encodeWslConsole(`wsl: ${warning}\n`, env));
  }
  writeVmState(stateDir, {
    ...state,
    boots: state.boots + (state.vm ? 0 : 1),
    vm,
    distros: state.distros.map((d) => (d.name === distro.name ? { ...d, running: true } : d)),
  });
  if (distro.shell === false) {
    // A data-only distro has no programs: WSL starts it, fails to exec the command and ends at once.
    streams.stderr.write(
      encodeLinuxOutput(
        `<3>WSL (12) ERROR: CreateProcessCommon:559: execvpe(${command[0] ?? 'sh'}) failed: No such file or directory\n`,
      ),
    );
    return 1;
  }
  const ctx = { scenario, distro, vm };
  if (isDistroProbeBatch(command)) return runDistroProbeBatch(ctx, command, invocation);
  if (isDistroSampler(command)) return runDistroSampler(ctx, invocation, command[2] ?? '');
  if (isModelFilesListing(command)) return emit(invocation, modelFilesListing(distro));
  if (isGgufHeaderRead(command)) return emit(invocation, ggufHeaderRead(distro, command));
  if (command[0] === 'sleep') {
    const seconds = Number(command[1] ?? '0');
    const { spawn } = await import('node:child_process');
    return new Promise((resolve) => {
      const child = spawn('sleep', [String(seconds)], { stdio: 'ignore' });
      child.on('close', (code) => resolve(code ?? 1));
      child.on('error', () => resolve(127));
    });
  }
  if (command[0] === 'echo')
    return emit(invocation, { stdout: `${command.slice(1).join(' ')}\n`, stderr: '', exitCode: 0 });
  if (command[0] === 'true' || command[0] === 'false') return command[0] === 'true' ? 0 : 1;
  return emit(invocation, linuxCommand(ctx, command));
}
