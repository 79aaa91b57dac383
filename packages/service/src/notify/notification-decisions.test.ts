import type { TimelineEntry } from '@headroom/core';
import { describe, expect, it } from 'vitest';
import { acceptPolicyState, eventNotification, healthNotifications } from './notification-decisions';

const light = (health: 'green' | 'amber' | 'red' | 'grey', changes: string[] = []) => ({
  health,
  summary: `${health} line`,
  changes,
});

describe('healthNotifications', () => {
  it('tells when the light gets worse, never on the first check and never for grey', () => {
    expect(healthNotifications(undefined, light('red'))).toEqual([]);
    expect(healthNotifications(light('green'), light('amber'))).toEqual([
      expect.objectContaining({ kind: 'health-worse', title: 'Headroom: amber line', page: 'overview' }),
    ]);
    expect(healthNotifications(light('red'), light('amber'))).toEqual([]);
    expect(healthNotifications(light('green'), light('grey'))).toEqual([]);
  });

  it('tells each change since the verified setup once, including one found on the first check', () => {
    const first = healthNotifications(undefined, light('green', ['driver 552.12 → 560.94']));
    expect(first).toEqual([
      expect.objectContaining({
        kind: 'driver-change',
        title: 'Since the last verified setup: driver 552.12 → 560.94',
      }),
    ]);
    expect(
      healthNotifications(
        light('green', ['driver 552.12 → 560.94']),
        light('green', ['driver 552.12 → 560.94']),
      ),
    ).toEqual([]);
  });
});

describe('eventNotification', () => {
  it('says what a driver install or crash means and leaves restarts to the history page', () => {
    const entry = (kind: TimelineEntry['kind']) => ({ kind, title: 't' }) as TimelineEntry;
    expect(eventNotification(entry('restart'))).toEqual([]);
    expect(eventNotification(entry('inference-crash'))[0]?.body).toMatch(/GPU or memory/);
    expect(eventNotification(entry('driver-change'))[0]?.body).toMatch(/re-verify/);
  });
});

describe('acceptPolicyState', () => {
  it('reads a saved state and refuses anything else', () => {
    expect(acceptPolicyState({ lastShown: {}, muted: [] })).toEqual({ lastShown: {}, muted: [] });
    expect(acceptPolicyState({ lastShown: {} })).toBeUndefined();
    expect(acceptPolicyState(null)).toBeUndefined();
  });
});
