import type { CliIo } from './cli-io';
import { devSimulation } from './dev-simulation';
import { runHeadroom } from './run';
import { registerSimulation } from './simulation';

registerSimulation(devSimulation);

/**
 * The development `headroom`, with the simulated Windows (`--simulate`, `demo`, `scenarios`): what `npx headroom`
 * in the repository and the tests run. Resolves with the exit code; see {@link runHeadroom}.
 */
export function main(argv: readonly string[], io?: CliIo): Promise<number> {
  return io === undefined ? runHeadroom(argv) : runHeadroom(argv, io);
}
