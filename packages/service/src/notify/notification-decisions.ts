import type { HealthSnapshot } from '@headroom/contract';
import type { NotificationPolicyState, NotificationRequest, TimelineEntry } from '@headroom/core';

/** How bad each light is, to notify only when it gets worse. */
export const HEALTH_RANK: Readonly<Record<HealthSnapshot['health'], number>> = {
  grey: 0,
  green: 1,
  amber: 2,
  red: 3,
};

/** What a new event in the log says as a notification; restarts are left to the history page. */
export function eventNotification(entry: TimelineEntry): NotificationRequest[] {
  if (entry.kind === 'restart') return [];
  const body =
    entry.kind === 'inference-crash'
      ? 'Open Headroom to see whether the GPU or memory was the cause.'
      : 'Your WSL GPU setup may have changed. Open Headroom to re-verify it.';
  return [{ kind: entry.kind, title: entry.title, body, page: 'overview' }];
}

/** The notification policy's saved state, when the file holds one (a hand edit or an older format reads as none). */
export function acceptPolicyState(value: unknown): NotificationPolicyState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { lastShown, muted } = value as Record<string, unknown>;
  return typeof lastShown === 'object' && lastShown !== null && Array.isArray(muted)
    ? (value as NotificationPolicyState)
    : undefined;
}

/**
 * What a new light says as notifications, given the one before (undefined on the first check): the light got worse
 * (grey, WSL stopped, is normal and never told), and each change since the last verified setup not told yet.
 */
export function healthNotifications(
  previous: Pick<HealthSnapshot, 'health' | 'changes'> | undefined,
  next: Pick<HealthSnapshot, 'health' | 'summary' | 'changes'>,
): NotificationRequest[] {
  const requests: NotificationRequest[] = [];
  if (
    previous !== undefined &&
    HEALTH_RANK[next.health] > HEALTH_RANK[previous.health] &&
    next.health !== 'grey'
  ) {
    requests.push({
      kind: 'health-worse',
      title: `Headroom: ${next.summary}`,
      body: 'Open Headroom to see what changed and how to fix it.',
      page: 'overview',
    });
  }
  const told = previous?.changes ?? [];
  const fresh = next.changes.filter((change) => !told.includes(change));
  if (fresh.length > 0) {
    requests.push({
      kind: 'driver-change',
      title: `Since the last verified setup: ${fresh.join(', ')}`,
      body: 'Your WSL GPU setup may have changed. Open Headroom to re-verify it.',
      page: 'overview',
    });
  }
  return requests;
}
