import type { NotificationPolicyState } from '@headroom/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier } from './notifier';
import { FakeNotification } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const T0 = Date.UTC(2026, 10, 21, 12);
const hang = {
  kind: 'health-worse' as const,
  title: 'GPU passthrough hangs',
  body: 'nvidia-smi inside WSL did not answer. Open Headroom to see what to do.',
  page: 'dashboard' as const,
};

beforeEach(() => {
  FakeNotification.instances.length = 0;
});

function notifierWith(initial?: NotificationPolicyState, now = T0) {
  let saved = initial;
  const open = vi.fn();
  const notifier = createNotifier({
    store: {
      read: () => Promise.resolve(saved),
      write: (state) => {
        saved = state;
        return Promise.resolve();
      },
    },
    open,
    clock: () => now,
  });
  return { notifier, open, saved: () => saved };
}

describe('createNotifier', () => {
  it('shows a toast that opens the right page when clicked, and remembers when', async () => {
    const { notifier, open, saved } = notifierWith();
    await notifier.notify([hang]);
    const [toast] = FakeNotification.instances;
    expect(toast?.options).toEqual({ title: hang.title, body: hang.body });
    expect(toast?.show).toHaveBeenCalledOnce();
    toast?.emit('click');
    expect(open).toHaveBeenCalledWith('dashboard');
    expect(saved()?.lastShown['health-worse']).toBe(T0);
  });

  it('stays quiet for a kind shown within the hour, even after a restart, and for a muted kind', async () => {
    await notifierWith({ lastShown: { 'health-worse': T0 - 60_000 }, muted: [] }).notifier.notify([hang]);
    await notifierWith({ lastShown: {}, muted: ['health-worse'] }).notifier.notify([hang]);
    expect(FakeNotification.instances).toEqual([]);
  });

  it('holds each shown toast until it is clicked, closed or fails, so its click still opens the page later', async () => {
    const { notifier, open } = notifierWith();
    await notifier.notify([hang]);
    expect(notifier.held).toBe(1);
    FakeNotification.instances[0]?.emit('click');
    expect(open).toHaveBeenCalledWith('dashboard');
    expect(notifier.held).toBe(0);

    const second = notifierWith(undefined, T0 + 2 * 3_600_000);
    await second.notifier.notify([hang]);
    expect(second.notifier.held).toBe(1);
    FakeNotification.instances.at(-1)?.emit('close');
    expect(second.notifier.held).toBe(0);

    const third = notifierWith(undefined, T0 + 4 * 3_600_000);
    await third.notifier.notify([hang]);
    FakeNotification.instances.at(-1)?.emit('failed', {}, 'the toast could not be shown');
    expect(third.notifier.held).toBe(0);
  });
});
