import { describe, expect, it } from 'vitest';
import {
  decideNotifications,
  muteNotifications,
  NO_NOTIFICATIONS_YET,
  NOTIFY_MIN_INTERVAL_MS,
  type NotificationRequest,
} from './notification-policy';

const T0 = Date.UTC(2026, 10, 21, 12);
const update = (kb: string): NotificationRequest => ({
  kind: 'windows-update',
  title: `Windows Update ${kb} installed`,
  body: 'Re-verify the WSL GPU setup?',
  page: 'overview',
});
const worse: NotificationRequest = {
  kind: 'health-worse',
  title: 'GPU passthrough hangs',
  body: 'Open Headroom to see what to do.',
  page: 'overview',
};

describe('decideNotifications', () => {
  it('shows one of a kind, grouping several that arrive together', () => {
    const { show } = decideNotifications(
      [update('KB5036893'), update('KB5037771'), worse],
      NO_NOTIFICATIONS_YET,
      T0,
    );
    expect(show.map((notice) => notice.title)).toEqual([
      'Windows Update KB5036893 installed',
      'GPU passthrough hangs',
    ]);
    expect(show[0]?.body).toBe('Re-verify the WSL GPU setup? (and 1 more like it)');
  });

  it('shows a kind at most once an hour', () => {
    const first = decideNotifications([update('KB1')], NO_NOTIFICATIONS_YET, T0);
    expect(decideNotifications([update('KB2')], first.state, T0 + NOTIFY_MIN_INTERVAL_MS - 1).show).toEqual(
      [],
    );
    expect(decideNotifications([worse], first.state, T0 + 1).show).toEqual([worse]);
    expect(decideNotifications([update('KB3')], first.state, T0 + NOTIFY_MIN_INTERVAL_MS).show).toHaveLength(
      1,
    );
  });

  it('never shows a muted kind, until it is unmuted', () => {
    const muted = muteNotifications(NO_NOTIFICATIONS_YET, 'windows-update', true);
    expect(decideNotifications([update('KB1')], muted, T0).show).toEqual([]);
    const unmuted = muteNotifications(muted, 'windows-update', false);
    expect(decideNotifications([update('KB1')], unmuted, T0).show).toHaveLength(1);
  });

  it('does not stay silent for an hour after the clock jumped back', () => {
    const first = decideNotifications([update('KB1')], NO_NOTIFICATIONS_YET, T0);
    expect(decideNotifications([update('KB2')], first.state, T0 - 10 * 60_000).show).toHaveLength(1);
  });
});
