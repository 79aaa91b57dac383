import { newEntries, type TimelineEntry } from '@headroom/core';
import { openJsonDocument } from '@headroom/host';

/** Tells which timeline entries are new, remembering (in a file) what was already told, across restarts. */
export interface EventWatcher {
  /**
   * The entries not told before, now marked as told. On the very first run nothing is new: events from before
   * Headroom was installed are history, not news.
   */
  observe(entries: readonly TimelineEntry[]): Promise<TimelineEntry[]>;
}

const MAX_SEEN = 2_000;

/** The bookmark file: the ids of the entries already told. */
interface Seen {
  readonly seen: readonly string[];
}

function acceptSeen(value: unknown): Seen | undefined {
  const seen = (value as { seen?: unknown } | null)?.seen;
  return Array.isArray(seen) && seen.every((id) => typeof id === 'string') ? { seen } : undefined;
}

/** Open the watcher whose bookmark (the ids already told) lives in `file`. */
export function createEventWatcher(file: string): EventWatcher {
  const document = openJsonDocument(file, acceptSeen);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    observe(entries) {
      // A failed observe rejects for its own caller; the next one runs all the same.
      const run = async (): Promise<TimelineEntry[]> => {
        const stored = (await document.read())?.seen;
        const fresh = stored === undefined ? [] : newEntries(entries, new Set(stored));
        const seen = [...new Set([...entries.map((entry) => entry.id), ...(stored ?? [])])].slice(
          0,
          MAX_SEEN,
        );
        if (stored === undefined || fresh.length > 0) await document.write({ seen });
        return fresh;
      };
      const next = queue.then(run, run);
      queue = next;
      return next;
    },
  };
}
