import type { VerifyProgress, VerifyRequest, VerifyResult } from '@headroom/contract';
import {
  checkWslConfig,
  decodeConfigBytes,
  diagnose,
  readCaptureFacts,
  STANDARD_RULES,
  wslMemTotalBytes,
  type VerifyPhase,
} from '@headroom/core';
import type { BaselineLog, WslConfigSnapshot } from '@headroom/host';
import { toSetupFinding } from '../finding-view';
import { ServiceError } from '../service-error';
import { createWslTurns, type WslTurns } from '../wsl-turns';
import { runVerify, type VerifyDeps, type VerifyOutcome } from './verify-runner';

/** What the service needs to verify: the loop's adapters (asking happens in the window) and where baselines go. */
export type VerifierDeps = Omit<VerifyDeps, 'confirm'> & {
  readonly baselines?: BaselineLog;
  /** How long to wait for every distro to stop after `wsl --shutdown`; default 60 s. */
  readonly stopTimeoutMs?: number;
};

/** What each phase of the loop is called in the window's progress line. */
export const PHASE_MESSAGES: Readonly<Record<VerifyPhase, string>> = {
  reading: 'Reading .wslconfig…',
  applying: 'Writing your changes to .wslconfig (a backup comes first)…',
  listing: 'Looking at what runs in WSL…',
  confirming: 'Waiting for your go-ahead to stop running distributions…',
  'shutting-down': 'Shutting WSL down (wsl --shutdown)…',
  'waiting-for-stop': 'Waiting for every distribution to stop…',
  booting: 'Starting WSL again so it reads .wslconfig…',
  probing: 'Checking what the new VM has…',
  done: 'Comparing what WSL has with what .wslconfig says.',
  cancelled: 'Cancelled.',
  'timed-out': 'Timed out.',
  failed: 'Failed.',
};

/** Put the file back as it was before the edits (after a cancel or a roll back); says so, or nothing when unchanged. */
async function putBack(deps: VerifierDeps, previous: WslConfigSnapshot): Promise<string> {
  const current = await deps.store.read();
  if (current.hash === previous.hash) return '';
  await deps.store.write(previous.bytes, {
    expectedHash: current.hash,
    reason: 'verify: put back as it was before the edits',
  });
  return ' .wslconfig is back as it was before.';
}

/** The verify channels' handlers, one verification at a time. */
export interface VerifyHandlers {
  run(request: VerifyRequest): Promise<VerifyResult>;
  cancel(): Promise<{ cancelled: boolean }>;
  /** Write back the file as it was before the edits of the last, failed verification. */
  rollBack(): Promise<{ restored: boolean }>;
}

/** Resolves when `signal` aborts (at once when it already has). */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Run verifications for the window: progress goes to `push`, the baseline of a pass to the log. Each waits its turn
 * in `turns` (a verification stops and starts WSL) and says what it waits for; a cancel while it waits ends it there.
 */
export function createVerifyHandlers(
  deps: VerifierDeps | undefined,
  push: (progress: VerifyProgress) => void,
  turns: WslTurns = createWslTurns(),
): VerifyHandlers {
  let running: AbortController | undefined;
  /** The file as it was before the edits of a verification that failed: what "roll back" writes. */
  let beforeFailedEdits: WslConfigSnapshot | undefined;
  return {
    async run(request) {
      if (!deps) throw new ServiceError('unavailable', 'Verification is not available on this machine.');
      if (running) throw new ServiceError('busy', 'A verification is already under way.');
      const controller = new AbortController();
      running = controller;
      try {
        let last: VerifyPhase | undefined;
        let ended = false;
        const verifyNow = (): Promise<VerifyOutcome> =>
          runVerify(
            { ...deps, confirm: () => Promise.resolve(request.stopRunning) },
            {
              edits: request.edits.map(({ key, value }) => ({ key: `wsl2.${key}`, value })),
              signal: controller.signal,
              ...(deps.stopTimeoutMs === undefined ? {} : { stopTimeoutMs: deps.stopTimeoutMs }),
              onProgress: (state) => {
                if (ended || state.phase === last) return;
                last = state.phase;
                push({ phase: state.phase, message: PHASE_MESSAGES[state.phase] });
              },
            },
          );
        const turn = { started: false };
        const taken = turns.take(
          'a verification',
          () => {
            turn.started = true;
            return verifyNow();
          },
          {
            stopsWsl: true,
            signal: controller.signal,
            onWait: (holder) => push({ phase: 'reading', message: `Waiting for ${holder} to end…` }),
          },
        );
        // Cancelled while it waits for its turn: it ends at once (a run already aborted touches nothing), and its
        // place in the queue, given up through the signal, ends without taking the turn. Once started, the loop
        // ends it.
        const outcome = await Promise.race([
          taken,
          whenAborted(controller.signal).then(() => (turn.started ? taken : verifyNow())),
        ]);
        ended = true;
        if (outcome.baseline) await deps.baselines?.record(outcome.baseline);
        const putBackNote =
          controller.signal.aborted && outcome.state.phase === 'cancelled' && outcome.previous
            ? await putBack(deps, outcome.previous)
            : '';
        const current = await deps.store.read();
        // A run cancelled before its turn changed nothing: an earlier failed run's roll-back point still holds.
        if (turn.started)
          beforeFailedEdits =
            !outcome.ok && outcome.previous && outcome.previous.hash !== current.hash
              ? outcome.previous
              : undefined;
        const bytes = current.bytes;
        const lines = decodeConfigBytes(bytes).text.split(/\r\n|\n|\r/);
        const ignoredLines = checkWslConfig(bytes, deps.host)
          .problems.filter((problem) => problem.ignoredByWsl)
          .map((problem) => ({
            line: problem.line,
            text: lines[problem.line - 1] ?? '',
            why: problem.message,
          }));
        const facts = outcome.capture ? readCaptureFacts(outcome.capture) : undefined;
        const memTotal = facts ? wslMemTotalBytes(facts) : undefined;
        const findings =
          facts && !outcome.ok
            ? diagnose({ facts }, STANDARD_RULES)
                .findings.filter((finding) => finding.severity !== 'info')
                .map(toSetupFinding)
            : undefined;
        return {
          ok: outcome.ok,
          phase: outcome.state.phase,
          ...(memTotal === undefined ? {} : { wslMemTotalBytes: memTotal }),
          ...(findings ? { findings } : {}),
          ...(outcome.state.reason === undefined ? {} : { reason: outcome.state.reason + putBackNote }),
          checks: outcome.checks.map(({ id, ok, expected, observed, message }) => ({
            id,
            ok,
            expected,
            observed,
            message,
          })),
          ignoredLines,
          baselineSaved: outcome.baseline !== null && deps.baselines !== undefined,
          canRollBack: beforeFailedEdits !== undefined,
        };
      } finally {
        running = undefined;
      }
    },
    async rollBack() {
      if (!deps || !beforeFailedEdits) return { restored: false };
      if (running)
        throw new ServiceError('busy', 'A verification is under way; roll back when it has ended.');
      await putBack(deps, beforeFailedEdits);
      beforeFailedEdits = undefined;
      return { restored: true };
    },
    cancel() {
      running?.abort();
      return Promise.resolve({ cancelled: running !== undefined });
    },
  };
}
