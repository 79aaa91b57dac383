import { runFakeWsl } from './fake-wsl';

/**
 * Entry point of the fake wsl.exe shim: run one invocation against the state folder and exit with its code.
 * A failure inside the simulator itself is reported as such, never disguised as a WSL answer.
 */
export async function main(stateDir: string): Promise<void> {
  try {
    process.exitCode = await runFakeWsl({
      stateDir,
      argv: process.argv.slice(2),
      env: process.env,
      streams: { stdout: process.stdout, stderr: process.stderr },
    });
  } catch (error) {
    process.stderr.write(`headroom simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  }
}
