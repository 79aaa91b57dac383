import { describe, expect, it } from 'vitest';
import {
  initialVerifyState,
  isFinished,
  POLL_BACKOFF,
  stepVerify,
  type VerifyEvent,
  type VerifyOptions,
  type VerifyState,
} from './verify-machine';

const options: VerifyOptions = { hasEdits: false, assumeYes: false, stopTimeoutMs: 60_000 };

/** Drive the machine through events; returns the final state and every effect it asked for, in order. */
function drive(
  events: readonly VerifyEvent[],
  opts: VerifyOptions = options,
  start: VerifyState = initialVerifyState(0),
) {
  let state = start;
  const effects: string[] = [];
  for (const event of events) {
    const step = stepVerify(state, event, opts);
    state = step.state;
    effects.push(
      ...step.effects.map((effect) => (effect.kind === 'poll-running' ? `poll@${effect.at}` : effect.kind)),
    );
  }
  return { state, effects };
}

const happyPath: VerifyEvent[] = [
  { type: 'start', now: 0 },
  { type: 'file-read', now: 10 },
  { type: 'running', distros: ['Ubuntu-24.04'], now: 20 },
  { type: 'confirmed', yes: true, now: 30 },
  { type: 'shutdown-done', now: 2000 },
  { type: 'running', distros: [], now: 2100 },
  { type: 'probed', now: 5000 },
];

describe('the verify state machine', () => {
  it('reads, lists, asks, shuts down, waits, boots and probes, then finishes', () => {
    const { state, effects } = drive(happyPath);
    expect(effects).toEqual([
      'read-file',
      'list-running',
      'ask-confirmation',
      'shutdown',
      'list-running',
      'boot-and-probe',
      'finish',
    ]);
    expect(state.phase).toBe('done');
    expect(state.runningBefore).toEqual(['Ubuntu-24.04']);
    expect(isFinished(state)).toBe(true);
  });

  it('applies the edits first when there are any', () => {
    const { effects } = drive(
      [
        { type: 'start', now: 0 },
        { type: 'file-read', now: 1 },
        { type: 'edits-applied', now: 2 },
        { type: 'running', distros: [], now: 3 },
      ],
      { ...options, hasEdits: true },
    );
    expect(effects).toEqual(['read-file', 'apply-edits', 'list-running', 'shutdown']);
  });

  it('does not ask when nothing runs, or with --yes', () => {
    expect(
      drive([
        { type: 'start', now: 0 },
        { type: 'file-read', now: 1 },
        { type: 'running', distros: [], now: 2 },
      ]).effects.at(-1),
    ).toBe('shutdown');
    expect(
      drive(
        [
          { type: 'start', now: 0 },
          { type: 'file-read', now: 1 },
          { type: 'running', distros: ['Ubuntu'], now: 2 },
        ],
        { ...options, assumeYes: true },
      ).effects.at(-1),
    ).toBe('shutdown');
  });

  it('stops nothing when the user declines, and says what keeps running', () => {
    const { state, effects } = drive([
      { type: 'start', now: 0 },
      { type: 'file-read', now: 1 },
      { type: 'running', distros: ['Ubuntu', 'docker-desktop'], now: 2 },
      { type: 'confirmed', yes: false, now: 3 },
    ]);
    expect(state.phase).toBe('cancelled');
    expect(effects).not.toContain('shutdown');
    expect(state.reason).toContain('Ubuntu, docker-desktop keep running');
  });

  it('polls with backoff until nothing runs, without fixed sleeps', () => {
    const { effects, state } = drive([
      ...happyPath.slice(0, 5),
      { type: 'running', distros: ['Ubuntu-24.04'], now: 2010 },
      { type: 'running', distros: ['Ubuntu-24.04'], now: 2260 },
      { type: 'running', distros: ['Ubuntu-24.04'], now: 2640 },
      { type: 'running', distros: [], now: 3200 },
    ]);
    expect(effects.slice(4)).toEqual([
      'list-running',
      `poll@${2010 + POLL_BACKOFF.firstMs}`,
      `poll@${2260 + 375}`,
      `poll@${2640 + 563}`,
      'boot-and-probe',
    ]);
    expect(state.phase).toBe('booting');
    expect(state.sawStopped).toBe(true);
  });

  it('caps the backoff', () => {
    let state = drive(happyPath.slice(0, 5)).state;
    let delay = 0;
    for (let now = 2000; now < 30_000; now += 1000) {
      const step = stepVerify(state, { type: 'running', distros: ['Ubuntu'], now }, options);
      state = step.state;
      const poll = step.effects[0];
      if (poll?.kind === 'poll-running') delay = poll.at - now;
    }
    expect(delay).toBe(POLL_BACKOFF.maxMs);
  });

  it('times out when the VM never stops, naming what still runs', () => {
    const { state, effects } = drive([
      ...happyPath.slice(0, 5),
      { type: 'running', distros: ['Ubuntu-24.04'], now: 2000 + 60_000 },
    ]);
    expect(state.phase).toBe('timed-out');
    expect(effects.at(-1)).toBe('finish');
    expect(state.reason).toContain('Ubuntu-24.04 still ran 60 s after wsl --shutdown');
  });

  it('says something restarts the VM when it comes back after stopping', () => {
    const start = drive(happyPath.slice(0, 5)).state;
    const stopped = { ...start, sawStopped: true };
    const { state } = drive(
      [
        { type: 'running', distros: ['docker-desktop'], now: 10_000 },
        { type: 'running', distros: ['docker-desktop'], now: 62_500 },
      ],
      options,
      stopped,
    );
    expect(state.phase).toBe('timed-out');
    expect(state.restarted).toEqual(['docker-desktop']);
    expect(state.reason).toContain('docker-desktop started again');
  });

  it.each([
    ['reading', 1, 'Cancelled before anything was stopped.'],
    ['confirming', 3, 'Cancelled before anything was stopped.'],
    ['waiting-for-stop', 5, 'Cancelled: WSL may be stopped'],
  ])('can be cancelled while %s', (phase, steps, reason) => {
    const { state: before } = drive(happyPath.slice(0, steps));
    expect(before.phase).toBe(phase);
    const { state, effects } = drive([{ type: 'cancel', now: 9999 }], options, before);
    expect(state.phase).toBe('cancelled');
    expect(state.reason).toContain(reason);
    expect(effects).toEqual(['finish']);
  });

  it('fails with the runner’s message on an error, and ignores events after it ends', () => {
    const { state } = drive([
      { type: 'start', now: 0 },
      { type: 'error', message: 'wsl.exe was not found', now: 1 },
      { type: 'file-read', now: 2 },
    ]);
    expect(state).toMatchObject({ phase: 'failed', reason: 'wsl.exe was not found' });
  });

  it('ignores events that do not fit the phase', () => {
    const { state, effects } = drive([
      { type: 'start', now: 0 },
      { type: 'probed', now: 1 },
      { type: 'shutdown-done', now: 2 },
    ]);
    expect(state.phase).toBe('reading');
    expect(effects).toEqual(['read-file']);
  });
});
