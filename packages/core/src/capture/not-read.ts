import type { Unreadable } from '../probe/parse-result';
import type { CaptureFacts } from './capture-facts';

/** A probe that was collected but whose output could not be read, and why: a check that could not be made. */
export interface ProbeNotRead {
  readonly probe: string;
  readonly reason: string;
}

function isUnreadable(value: unknown): value is { ok: false; unreadable: Unreadable } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    typeof (value as { unreadable?: unknown }).unreadable === 'object'
  );
}

/**
 * Every probe of the facts whose output could not be read, once each, in the order met: each `Parsed` result that
 * is unreadable, wherever it sits in the facts, the event-log batches that could not be read, and the probes that
 * did not finish (spawn failed, timed out, output limit).
 */
export function probesNotRead(facts: CaptureFacts): ProbeNotRead[] {
  const found = new Map<string, string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || typeof value !== 'object' || value === null) return;
    if (isUnreadable(value)) {
      if (!found.has(value.unreadable.probe)) found.set(value.unreadable.probe, value.unreadable.reason);
      return;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
  };
  const { events: _events, wslconfig: _wslconfig, eventsNotRead, probesFailed, ...rest } = facts;
  // A probe that did not finish says why first: its parser only saw what it printed before it stopped.
  for (const item of probesFailed ?? []) if (!found.has(item.probe)) found.set(item.probe, item.reason);
  visit(rest, 0);
  for (const item of eventsNotRead ?? []) if (!found.has(item.probe)) found.set(item.probe, item.reason);
  return [...found].map(([probe, reason]) => ({ probe, reason }));
}
