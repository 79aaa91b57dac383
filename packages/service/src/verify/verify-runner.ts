import {
  checkWslConfig,
  initialVerifyState,
  isFinished,
  readCaptureFacts,
  setWslConfigValues,
  stepVerify,
  verifyBaseline,
  verifyChecks,
  vmResources,
  type Capture,
  type VerifyBaseline,
  type VerifyCheck,
  type VerifyEffect,
  type VerifyEvent,
  type VerifyState,
  type WslConfigAssignment,
} from '@headroom/core';
import type { WslCli, WslConfigSnapshot, WslConfigStore } from '@headroom/host';

/** What the verify loop needs from the machine; the CLI, the service and tests hand in their own. */
export interface VerifyDeps {
  readonly wsl: WslCli;
  readonly store: WslConfigStore;
  /** Collect a capture, starting the VM for the distro probes (this is the boot). */
  readonly collectBooted: () => Promise<Capture>;
  /** The host's RAM and processors, for what WSL will give the VM. */
  readonly host: { readonly totalMemoryBytes: number; readonly logicalProcessors: number };
  /** Ask before stopping running distros; resolves true to go ahead. */
  readonly confirm: (running: readonly string[]) => Promise<boolean>;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** How to run the loop. */
export interface VerifyRunOptions {
  /** .wslconfig changes to write before the shutdown (backed up, atomic). */
  readonly edits?: readonly WslConfigAssignment[];
  readonly assumeYes?: boolean;
  readonly stopTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Told about every state the loop enters (for live progress). */
  readonly onProgress?: (state: VerifyState) => void;
}

/** How a verification ended: pass or fail with a result per check, or why it could not run to the end. */
export interface VerifyOutcome {
  readonly ok: boolean;
  readonly state: VerifyState;
  readonly checks: readonly VerifyCheck[];
  readonly baseline: VerifyBaseline | null;
  /** The .wslconfig as it was before the edits, for "roll back". */
  readonly previous?: WslConfigSnapshot;
  /** What the freshly booted VM showed, for the doctor's findings when a check fails. */
  readonly capture?: Capture;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Run the shutdown-and-verify loop: the state machine in core decides, this performs each effect with the real
 * adapters and feeds back what happened. Never throws for what WSL does: failures end the loop with a reason.
 */
export async function runVerify(deps: VerifyDeps, options: VerifyRunOptions = {}): Promise<VerifyOutcome> {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const machineOptions = {
    hasEdits: (options.edits?.length ?? 0) > 0,
    assumeYes: options.assumeYes === true,
    stopTimeoutMs: options.stopTimeoutMs ?? 60_000,
  };
  let state = initialVerifyState(now());
  let snapshot: WslConfigSnapshot | undefined;
  let previous: WslConfigSnapshot | undefined;
  let capture: Capture | undefined;
  const queue: VerifyEvent[] = [{ type: 'start', now: now() }];

  const perform = async (effect: VerifyEffect): Promise<VerifyEvent | undefined> => {
    switch (effect.kind) {
      case 'read-file':
        snapshot = await deps.store.read();
        previous = snapshot;
        return { type: 'file-read', now: now() };
      case 'apply-edits': {
        const current = snapshot ?? (await deps.store.read());
        const edited = setWslConfigValues(current.bytes, options.edits ?? []);
        snapshot = await deps.store.write(edited, {
          expectedHash: current.hash,
          reason: `verify: set ${(options.edits ?? []).map((e) => `${e.key}=${e.value}`).join(' ')}`,
        });
        return { type: 'edits-applied', now: now() };
      }
      case 'list-running':
        return { type: 'running', distros: await deps.wsl.listRunning(), now: now() };
      case 'ask-confirmation':
        return { type: 'confirmed', yes: await deps.confirm(effect.running), now: now() };
      case 'shutdown':
        await deps.wsl.shutdown();
        return { type: 'shutdown-done', now: now() };
      case 'poll-running':
        await sleep(Math.max(0, effect.at - now()));
        return { type: 'running', distros: await deps.wsl.listRunning(), now: now() };
      case 'boot-and-probe':
        capture = await deps.collectBooted();
        return { type: 'probed', now: now() };
      case 'finish':
        return undefined;
    }
  };

  const onAbort = (): void => void queue.push({ type: 'cancel', now: now() });
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (!isFinished(state)) {
      const event = queue.shift();
      if (!event) break;
      const step = stepVerify(state, event, machineOptions);
      state = step.state;
      options.onProgress?.(state);
      for (const effect of step.effects) {
        if (options.signal?.aborted) {
          queue.unshift({ type: 'cancel', now: now() });
          break;
        }
        try {
          const next = await perform(effect);
          if (next) queue.push(next);
        } catch (error) {
          queue.unshift({ type: 'error', message: errorMessage(error), now: now() });
        }
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  if (state.phase !== 'done' || !capture) {
    return { ok: false, state, checks: [], baseline: null, ...(previous ? { previous } : {}) };
  }
  const facts = readCaptureFacts(capture);
  const wslconfig = checkWslConfig(snapshot?.bytes ?? new Uint8Array(), deps.host);
  const checks = verifyChecks({
    machine: state,
    facts,
    expected: vmResources(wslconfig.settings, deps.host),
    wslconfig,
  });
  const ok = checks.every((check) => check.ok);
  return {
    ok,
    state,
    checks,
    capture,
    baseline: ok ? verifyBaseline(facts, snapshot?.hash ?? 'absent', new Date(now()).toISOString()) : null,
    ...(previous ? { previous } : {}),
  };
}
