import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the state folder where every fake program records that it was started: what the budgets count. */
export const INVOCATION_LOG = 'invocations.log';

/** One start of a fake program: which one, and its first two arguments. */
export interface Invocation {
  readonly program: 'wsl' | 'nvidia-smi' | 'reg' | 'wevtutil';
  readonly argv: readonly string[];
}

/** Every fake program started against this state folder so far, oldest first. */
export function readInvocations(stateDir: string): Invocation[] {
  const path = join(stateDir, INVOCATION_LOG);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Invocation);
}
