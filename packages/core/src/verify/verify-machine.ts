/**
 * The shutdown-and-verify loop as an explicit state machine (docs/wsl-semantics.md "Timing and shutdown"): read the
 * file, apply the edits, ask before stopping running distros, `wsl --shutdown`, poll `wsl -l --running -q` with backoff
 * until nothing runs (or time out, naming what keeps restarting the VM), boot the distro, probe it, compare. Pure: the
 * runner performs each effect and feeds back what happened, with the time, so tests drive it with a fake clock.
 */

/** Where the loop is. */
export type VerifyPhase =
  | 'reading'
  | 'applying'
  | 'listing'
  | 'confirming'
  | 'shutting-down'
  | 'waiting-for-stop'
  | 'booting'
  | 'probing'
  | 'done'
  | 'cancelled'
  | 'timed-out'
  | 'failed';

/** What the loop asks the runner to do next. */
export type VerifyEffect =
  | { readonly kind: 'read-file' }
  | { readonly kind: 'apply-edits' }
  | { readonly kind: 'list-running' }
  | { readonly kind: 'ask-confirmation'; readonly running: readonly string[] }
  | { readonly kind: 'shutdown' }
  | { readonly kind: 'poll-running'; readonly at: number }
  | { readonly kind: 'boot-and-probe' }
  | { readonly kind: 'finish' };

/** What happened, as the runner reports it (every event carries the time, in ms). */
export type VerifyEvent =
  | { readonly type: 'start'; readonly now: number }
  | { readonly type: 'file-read'; readonly now: number }
  | { readonly type: 'edits-applied'; readonly now: number }
  | { readonly type: 'running'; readonly distros: readonly string[]; readonly now: number }
  | { readonly type: 'confirmed'; readonly yes: boolean; readonly now: number }
  | { readonly type: 'shutdown-done'; readonly now: number }
  | { readonly type: 'probed'; readonly now: number }
  | { readonly type: 'cancel'; readonly now: number }
  | { readonly type: 'error'; readonly message: string; readonly now: number };

/** How the loop behaves. */
export interface VerifyOptions {
  /** Whether there are .wslconfig edits to apply before the shutdown. */
  readonly hasEdits: boolean;
  /** `--yes`: stop running distros without asking. */
  readonly assumeYes: boolean;
  /** How long to wait for everything to stop after `wsl --shutdown`. */
  readonly stopTimeoutMs: number;
}

/** The loop's state: its phase, what it has seen, and how it ended. */
export interface VerifyState {
  readonly phase: VerifyPhase;
  readonly startedAt: number;
  /** Distros running before the shutdown (named in the confirmation). */
  readonly runningBefore: readonly string[];
  readonly shutdownAt?: number;
  readonly polls: number;
  readonly nextPollDelayMs: number;
  /** Distros seen running again after a poll had seen none: something restarts the VM. */
  readonly restarted: readonly string[];
  readonly sawStopped: boolean;
  /** Why the loop ended without a verification, in words. */
  readonly reason?: string;
}

/** The first and the longest wait between two polls. */
export const POLL_BACKOFF = { firstMs: 250, factor: 1.5, maxMs: 2000 } as const;

/** A new loop, before `start`. */
export function initialVerifyState(now: number): VerifyState {
  return {
    phase: 'reading',
    startedAt: now,
    runningBefore: [],
    polls: 0,
    nextPollDelayMs: POLL_BACKOFF.firstMs,
    restarted: [],
    sawStopped: false,
  };
}

const FINAL: readonly VerifyPhase[] = ['done', 'cancelled', 'timed-out', 'failed'];

/** Whether the loop has ended. */
export function isFinished(state: VerifyState): boolean {
  return FINAL.includes(state.phase);
}

interface Step {
  readonly state: VerifyState;
  readonly effects: readonly VerifyEffect[];
}

const to = (
  state: VerifyState,
  phase: VerifyPhase,
  effects: VerifyEffect[],
  changes: Partial<VerifyState> = {},
): Step => ({
  state: { ...state, ...changes, phase },
  effects,
});

function afterShutdown(state: VerifyState, now: number): Step {
  return to(state, 'waiting-for-stop', [{ kind: 'list-running' }], {
    shutdownAt: now,
    polls: 0,
    nextPollDelayMs: POLL_BACKOFF.firstMs,
  });
}

function onPoll(state: VerifyState, distros: readonly string[], now: number, options: VerifyOptions): Step {
  if (distros.length === 0)
    return to(state, 'booting', [{ kind: 'boot-and-probe' }], { sawStopped: true, polls: state.polls + 1 });
  const restarted = state.sawStopped ? [...new Set([...state.restarted, ...distros])] : state.restarted;
  const waited = now - (state.shutdownAt ?? now);
  if (waited >= options.stopTimeoutMs) {
    const names = distros.join(', ');
    const reason =
      restarted.length > 0
        ? `WSL stopped, then ${restarted.join(', ')} started again within ${Math.round(waited / 1000)} s: something restarts the VM (Docker Desktop and VS Code's WSL extension do). Quit them and try again.`
        : `${names} still ran ${Math.round(waited / 1000)} s after wsl --shutdown. Close what uses WSL (Docker Desktop, VS Code, terminals) and try again.`;
    return to(state, 'timed-out', [{ kind: 'finish' }], { restarted, reason, polls: state.polls + 1 });
  }
  const delay = state.nextPollDelayMs;
  return to(state, 'waiting-for-stop', [{ kind: 'poll-running', at: now + delay }], {
    restarted,
    polls: state.polls + 1,
    nextPollDelayMs: Math.min(POLL_BACKOFF.maxMs, Math.round(delay * POLL_BACKOFF.factor)),
  });
}

/** Advance the loop by one event. Events that do not fit the phase are ignored; `cancel` and `error` end it from any phase. */
export function stepVerify(state: VerifyState, event: VerifyEvent, options: VerifyOptions): Step {
  if (isFinished(state)) return { state, effects: [] };
  if (event.type === 'cancel') {
    return to(state, 'cancelled', [{ kind: 'finish' }], {
      reason:
        state.phase === 'reading' ||
        state.phase === 'applying' ||
        state.phase === 'listing' ||
        state.phase === 'confirming'
          ? 'Cancelled before anything was stopped.'
          : 'Cancelled: WSL may be stopped; start your distro again when you need it.',
    });
  }
  if (event.type === 'error') return to(state, 'failed', [{ kind: 'finish' }], { reason: event.message });
  switch (state.phase) {
    case 'reading':
      if (event.type === 'start') return to(state, 'reading', [{ kind: 'read-file' }]);
      if (event.type === 'file-read')
        return options.hasEdits
          ? to(state, 'applying', [{ kind: 'apply-edits' }])
          : to(state, 'listing', [{ kind: 'list-running' }]);
      break;
    case 'applying':
      if (event.type === 'edits-applied') return to(state, 'listing', [{ kind: 'list-running' }]);
      break;
    case 'listing':
      if (event.type === 'running') {
        if (event.distros.length === 0 || options.assumeYes)
          return to(state, 'shutting-down', [{ kind: 'shutdown' }], { runningBefore: event.distros });
        return to(state, 'confirming', [{ kind: 'ask-confirmation', running: event.distros }], {
          runningBefore: event.distros,
        });
      }
      break;
    case 'confirming':
      if (event.type === 'confirmed') {
        return event.yes
          ? to(state, 'shutting-down', [{ kind: 'shutdown' }])
          : to(state, 'cancelled', [{ kind: 'finish' }], {
              reason: `Nothing was stopped: ${state.runningBefore.join(', ')} keep running. The change applies at WSL's next start.`,
            });
      }
      break;
    case 'shutting-down':
      if (event.type === 'shutdown-done') return afterShutdown(state, event.now);
      break;
    case 'waiting-for-stop':
      if (event.type === 'running') return onPoll(state, event.distros, event.now, options);
      break;
    case 'booting':
      if (event.type === 'probed') return to(state, 'done', [{ kind: 'finish' }]);
      break;
    default:
      break;
  }
  return { state, effects: [] };
}
