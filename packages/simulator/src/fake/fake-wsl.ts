import { spawn } from 'node:child_process';
import type { Scenario } from '../scenarios/scenario';
import { getScenario } from '../scenarios';
import { readVmState, writeVmState, type VmState } from '../vm-state';
import { encodeLinuxOutput, encodeWslConsole, type ConsoleStreams } from './console';

/** What one run of the fake wsl.exe is given. */
export interface FakeWslInvocation {
  readonly stateDir: string;
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly streams: ConsoleStreams;
}

/** WSL's generic failure; a DWORD 0xFFFFFFFF on Windows, 255 where exit codes are one byte. */
const WSL_E_FAILURE = -1;

/**
 * The simulated wsl.exe: answers `--list --verbose`, `--list --running --quiet`, `--list --quiet`, `--version`,
 * `--shutdown` and `[-d NAME] -e CMD...` from the VM state in the state folder, which it updates.
 * Resolves with the exit code.
 */
export async function runFakeWsl(invocation: FakeWslInvocation): Promise<number> {
  const { argv, env, streams, stateDir } = invocation;
  const say = (text: string): void => void streams.stdout.write(encodeWslConsole(text, env));
  const fail = (text: string, code: string): number => {
    streams.stderr.write(encodeWslConsole(`${text}\nError code: ${code}\n`, env));
    return WSL_E_FAILURE;
  };
  const state = readVmState(stateDir);
  const scenario = getScenario(state.scenario);
  const [first, ...rest] = argv;

  switch (first) {
    case '--list':
    case '-l':
      return listDistros(state, rest, say, fail);
    case '--version':
    case '-v':
      say(formatVersion(scenario));
      return 0;
    case '--shutdown':
      writeVmState(stateDir, { ...state, distros: state.distros.map((d) => ({ ...d, running: false })) });
      return 0;
    case '-d':
    case '--distribution':
    case '-e':
    case '--exec':
      return execInDistro(invocation, state, argv, fail);
    default:
      return fail(
        `Invalid command line argument: ${first ?? '(none)'}\nPlease use 'wsl.exe --help' to get a list of supported arguments.`,
        'Wsl/E_INVALIDARG',
      );
  }
}

function listDistros(
  state: VmState,
  flags: readonly string[],
  say: (text: string) => void,
  fail: (text: string, code: string) => number,
): number {
  const running = flags.includes('--running');
  const quiet = flags.includes('--quiet') || flags.includes('-q');
  const verbose = flags.includes('--verbose') || flags.includes('-v');
  const distros = [...state.distros].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
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

function formatVersion(scenario: Scenario): string {
  const v = scenario.wslVersion;
  return [
    `WSL version: ${v.wsl}`,
    `Kernel version: ${v.kernel}`,
    `WSLg version: ${v.wslg}`,
    `MSRDC version: ${v.msrdc}`,
    `Direct3D version: ${v.direct3d}`,
    `DXCore version: ${v.dxcore}`,
    `Windows version: ${v.windows}`,
    '',
  ].join('\n');
}

async function execInDistro(
  invocation: FakeWslInvocation,
  state: VmState,
  argv: readonly string[],
  fail: (text: string, code: string) => number,
): Promise<number> {
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
      ? state.distros.find((d) => d.isDefault)
      : state.distros.find((d) => d.name.toLowerCase() === distroName.toLowerCase());
  if (!distro)
    return fail('There is no distribution with the supplied name.', 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND');

  const vmWasStopped = state.distros.every((d) => !d.running);
  writeVmState(invocation.stateDir, {
    ...state,
    boots: state.boots + (vmWasStopped ? 1 : 0),
    distros: state.distros.map((d) => (d.name === distro.name ? { ...d, running: true } : d)),
  });
  return runLinuxCommand(command, distro, invocation.streams);
}

/** The few Linux programs the simulated distros answer; `sleep` runs a real child so process trees are real. */
async function runLinuxCommand(
  command: readonly string[],
  distro: VmState['distros'][number],
  streams: ConsoleStreams,
): Promise<number> {
  const [program, ...args] = command;
  const print = (text: string): number => {
    streams.stdout.write(encodeLinuxOutput(text));
    return 0;
  };
  switch (program) {
    case 'echo':
      return print(`${args.join(' ')}\n`);
    case 'nproc':
      return print(`${distro.nproc}\n`);
    case 'uname':
      return print(`${args.includes('-r') ? distro.kernelRelease : 'Linux'}\n`);
    case 'true':
      return 0;
    case 'false':
      return 1;
    case 'sleep':
      return new Promise((resolve) => {
        const child = spawn('sleep', args, { stdio: 'ignore' });
        child.on('close', (code) => resolve(code ?? 1));
        child.on('error', () => resolve(127));
      });
    default:
      streams.stderr.write(
        encodeLinuxOutput(`<3>WSL ERROR: execvpe(${program ?? ''}) failed: No such file or directory\n`),
      );
      return 1;
  }
}
