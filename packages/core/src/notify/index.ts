/** When to notify: rate limits per kind, grouping, muting. Pure; the desktop app shows what it decides. */
export {
  decideNotifications,
  muteNotifications,
  NO_NOTIFICATIONS_YET,
  NOTIFY_MIN_INTERVAL_MS,
  type NotificationDecision,
  type NotificationKind,
  type NotificationPolicyState,
  type NotificationRequest,
} from './notification-policy';
