import type { AppPage } from '@headroom/contract';
import {
  decideNotifications,
  NO_NOTIFICATIONS_YET,
  type NotificationPolicyState,
  type NotificationRequest,
} from '@headroom/core';
import { nullLog, type Log } from '@headroom/host';
import { Notification } from 'electron';

/** Where the policy's state is kept between runs (so an hour's limit survives a restart). */
export interface NotifierStore {
  read(): Promise<NotificationPolicyState | undefined>;
  write(state: NotificationPolicyState): Promise<void>;
}

/** Shows Windows toast notifications through the policy: rate-limited per kind, grouped, muted kinds dropped. */
export interface Notifier {
  notify(requests: readonly NotificationRequest[]): Promise<void>;
  /** How many shown notifications are still held, waiting for a click, a close or a failure. */
  readonly held: number;
}

/**
 * Build the notifier. A click on a notification opens the window on the notification's page. Each shown notification
 * is held until it is clicked, closed or fails: one that nothing references is garbage-collected, and its click
 * handler with it, so a click on the toast in the Action Center would do nothing. Nothing is shown where the system
 * has no notifications (Notification.isSupported()).
 */
export function createNotifier(options: {
  store: NotifierStore;
  open: (page: AppPage) => void;
  clock?: () => number;
  /** Where a notification that could not be shown or remembered is logged; default none. */
  log?: Log;
}): Notifier {
  const clock = options.clock ?? (() => Date.now());
  let queue: Promise<void> = Promise.resolve();
  const held = new Set<Notification>();
  return {
    get held() {
      return held.size;
    },
    notify(requests) {
      const log = options.log ?? nullLog;
      const show = async (): Promise<void> => {
        if (!Notification.isSupported()) return;
        const state = (await options.store.read()) ?? NO_NOTIFICATIONS_YET;
        const decision = decideNotifications(requests, state, clock());
        for (const request of decision.show) {
          const notification = new Notification({ title: request.title, body: request.body });
          held.add(notification);
          notification.on('click', () => {
            held.delete(notification);
            options.open(request.page);
          });
          notification.on('close', () => held.delete(notification));
          notification.on('failed', (_event, error: string) => {
            held.delete(notification);
            log.warn(`Windows did not show the notification "${request.title}"`, error);
          });
          notification.show();
        }
        if (decision.show.length > 0) await options.store.write(decision.state);
      };
      // Each notify is logged when it fails and never stops the ones after it.
      queue = queue.then(show).catch((error: unknown) => log.warn('showing a notification', error));
      return queue;
    },
  };
}
