import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVOCATION_LOG } from '../invocation-log';
import { getScenario } from '../scenarios';
import { simulatorTimeScale } from '../time-scale';
import { readVmState } from '../vm-state';
import { runFakeNvidiaSmi, runFakeReg, runFakeWevtutil, type FakeInvocation } from './host-programs';
import { runFakeWsl } from './fake-wsl';
import { endWithStarter } from './job';

/** The fake Windows programs the simulator provides. */
export type FakeProgram = 'wsl' | 'nvidia-smi' | 'reg' | 'wevtutil';

/**
 * Entry point of every fake program's shim: run one invocation against the state folder and exit with its code.
 * A failure inside the simulator itself is reported as such, never disguised as the program's answer.
 */
export async function main(stateDir: string, program: FakeProgram): Promise<void> {
  // A Windows program does not die of a broken pipe (there is no SIGPIPE): its writes fail and it carries on.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  endWithStarter();
  try {
    appendFileSync(
      join(stateDir, INVOCATION_LOG),
      `${JSON.stringify({ program, argv: process.argv.slice(2, 4) })}\n`,
    );
    const scenario = getScenario(readVmState(stateDir).scenario);
    const scale = simulatorTimeScale(process.env);
    const invocation: FakeInvocation = {
      argv: process.argv.slice(2),
      env: process.env,
      streams: { stdout: process.stdout, stderr: process.stderr },
      scenario,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms * scale)),
    };
    const run = {
      wsl: () => runFakeWsl({ ...invocation, stateDir }),
      'nvidia-smi': () => runFakeNvidiaSmi(invocation),
      reg: () => Promise.resolve(runFakeReg(invocation)),
      wevtutil: () => Promise.resolve(runFakeWevtutil(invocation)),
    }[program];
    process.exitCode = await run();
  } catch (error) {
    process.stderr.write(`headroom simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  }
}
