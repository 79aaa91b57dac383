import type { AppPage } from '@headroom/contract';
import {
  decideNotifications,
  NO_NOTIFICATIONS_YET,
  type NotificationPolicyState,
  type NotificationRequest,
} from '@headroom/core';
import { Notification } from 'electron';

/** Where the policy's state is kept between runs (so an hour's limit survives a restart). */
export interface NotifierStore {
  read(): Promise<NotificationPolicyState | undefined>;
  write(state: NotificationPolicyState): Promise<void>;
}

/** Shows Windows toast notifications through the policy: rate-limited per kind, grouped, muted kinds dropped. */
export interface Notifier {
  notify(requests: readonly NotificationRequest[]): Promise<void>;
}

/**
 * Build the notifier. A click on a notification opens the window on the notification's page. Nothing is shown where
 * the system has no notifications (Notification.isSupported()).
 */
export function createNotifier(options: {
  store: NotifierStore;
  open: (page: AppPage) => void;
  clock?: () => number;
}): Notifier {
  const clock = options.clock ?? (() => Date.now());
  let queue: Promise<void> = Promise.resolve();
  return {
    notify(requests) {
      queue = queue
        .catch(() => undefined)
        .then(async () => {
          if (!Notification.isSupported()) return;
          const state = (await options.store.read()) ?? NO_NOTIFICATIONS_YET;
          const decision = decideNotifications(requests, state, clock());
          for (const request of decision.show) {
            const notification = new Notification({ title: request.title, body: request.body });
            notification.on('click', () => options.open(request.page));
            notification.show();
          }
          if (decision.show.length > 0) await options.store.write(decision.state);
        });
      return queue;
    },
  };
}
