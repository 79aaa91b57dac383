import type { ProcessResult } from './process-result';

/** Why a process did not run to completion. */
export type ProcessFailure = 'not-found' | 'spawn-failed' | 'timeout' | 'output-limit' | 'aborted';

/**
 * A process that could not start or was stopped before it finished. `result` holds what it printed until then
 * (absent when it never started), so a capture can still keep the evidence.
 */
export class ProcessError extends Error {
  constructor(
    readonly failure: ProcessFailure,
    readonly argv: readonly string[],
    message: string,
    readonly result?: ProcessResult,
  ) {
    super(message);
    this.name = 'ProcessError';
  }
}
