import { resolve } from 'node:path';
import type { MisplacedConfig, WslConfigStore } from '@headroom/host';
import type { CliIo } from '../../cli-io';
import { cliMachine, openHeadroom } from '../machine';

/** The .wslconfig a command works on, its store, and where it came from. */
export interface WslConfigTarget {
  readonly store: WslConfigStore;
  /** What to call the file in messages. */
  readonly label: string;
  /** True for the user's own .wslconfig (real or simulated), false for a --file. */
  readonly isUsersFile: boolean;
  readonly simulated: boolean;
  /** Copies WSL never reads, found next to the user's file. */
  misplaced(): Promise<MisplacedConfig[]>;
}

/**
 * The file to work on: `--file PATH` as given (its versions in a folder of its own), otherwise the .wslconfig WSL
 * really reads (the profile folder from Windows), or on a machine that is not Windows the simulated user's
 * .wslconfig, the one the app runs on there. The user's file keeps its versions where the app keeps them.
 */
export async function resolveWslConfigTarget(
  file: string | undefined,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WslConfigTarget> {
  const headroom = await openHeadroom(cliMachine(undefined, env), io, { env });
  if (file !== undefined) {
    const path = resolve(file);
    return {
      store: headroom.storeFor(path),
      label: path,
      isUsersFile: false,
      simulated: false,
      misplaced: () => Promise.resolve([]),
    };
  }
  const { machine, verifier } = headroom;
  return {
    store: verifier.store,
    label: machine.simulated ? `${machine.wslconfigPath} (simulated Windows)` : machine.wslconfigPath,
    isUsersFile: true,
    simulated: machine.simulated,
    misplaced: () => machine.misplaced(),
  };
}
