/** What a notification is about: each kind is rate-limited and can be muted on its own. */
export type NotificationKind =
  | 'windows-update'
  | 'driver-change'
  | 'wslconfig-warnings'
  | 'health-worse'
  | 'inference-crash'
  | 'display-reset';

/** Something worth telling: one line of what happened, one of what to do, and the page a click opens. */
export interface NotificationRequest {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly page: 'overview' | 'dashboard' | 'setup';
}

/** What the policy remembers: when each kind was last shown, and the muted kinds. */
export interface NotificationPolicyState {
  readonly lastShown: Readonly<Partial<Record<NotificationKind, number>>>;
  readonly muted: readonly NotificationKind[];
}

/** The notifications to show now, and the policy's state after showing them. */
export interface NotificationDecision {
  readonly show: readonly NotificationRequest[];
  readonly state: NotificationPolicyState;
}

/** At most one notification of a kind per hour (docs/ux.md "Notifications"). */
export const NOTIFY_MIN_INTERVAL_MS = 60 * 60 * 1000;

/** An empty state: nothing shown yet, nothing muted. */
export const NO_NOTIFICATIONS_YET: NotificationPolicyState = { lastShown: {}, muted: [] };

/**
 * Decide which of the requests that arrived together to show: muted kinds never, a kind shown less than an hour ago
 * not again, and several of one kind grouped into one notification (the first's title, "and N more" in its body).
 * Pure: the caller keeps the state (so it survives restarts) and the clock.
 */
export function decideNotifications(
  requests: readonly NotificationRequest[],
  state: NotificationPolicyState,
  now: number,
): NotificationDecision {
  const byKind = new Map<NotificationKind, NotificationRequest[]>();
  for (const request of requests) {
    if (state.muted.includes(request.kind)) continue;
    const last = state.lastShown[request.kind];
    if (last !== undefined && now - last < NOTIFY_MIN_INTERVAL_MS && now >= last) continue;
    byKind.set(request.kind, [...(byKind.get(request.kind) ?? []), request]);
  }
  const show: NotificationRequest[] = [];
  const lastShown = { ...state.lastShown };
  for (const [kind, group] of byKind) {
    const [first] = group;
    if (!first) continue;
    show.push(
      group.length === 1 ? first : { ...first, body: `${first.body} (and ${group.length - 1} more like it)` },
    );
    lastShown[kind] = now;
  }
  return { show, state: { ...state, lastShown } };
}

/** Mute or unmute a kind. */
export function muteNotifications(
  state: NotificationPolicyState,
  kind: NotificationKind,
  muted: boolean,
): NotificationPolicyState {
  const others = state.muted.filter((candidate) => candidate !== kind);
  return { ...state, muted: muted ? [...others, kind] : others };
}
