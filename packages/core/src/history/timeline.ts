import type { WindowsEvent } from '../eventlog/typed-events';

/** What a history entry is about; the dashboard draws the same kinds as markers. */
export type TimelineKind =
  'windows-update' | 'driver-change' | 'display-reset' | 'inference-crash' | 'restart';

/** One line of the history page: when, what, and the detail that says so. */
export interface TimelineEntry {
  /** `channel:recordId`, stable across reads of the log. */
  readonly id: string;
  readonly time: string;
  readonly kind: TimelineKind;
  readonly title: string;
  readonly detail: string;
}

function entryOf(event: WindowsEvent): Omit<TimelineEntry, 'id' | 'time'> | undefined {
  switch (event.kind) {
    case 'windows-update':
      if (event.routine || (event.stage !== 'installed' && event.stage !== 'install-failed'))
        return undefined;
      // Audio, network, mouse and other drivers Windows Update installs do not touch WSL's GPU.
      if (event.driver && !event.driver.isNvidiaDisplay) return undefined;
      return {
        kind: event.driver ? 'driver-change' : 'windows-update',
        title:
          event.stage === 'installed'
            ? `${event.kb ? `Windows Update ${event.kb}` : 'A Windows Update'} installed`
            : `${event.kb ? `Windows Update ${event.kb}` : 'A Windows Update'} failed (${event.errorCode ?? 'no code'})`,
        detail: event.title,
      };
    case 'driver-installed':
      // Only an NVIDIA display driver: NVIDIA's HD Audio (class MEDIA) or another vendor's adapter is not WSL's GPU.
      if (!event.isDisplayClass || !event.isNvidia) return undefined;
      return {
        kind: 'driver-change',
        title: `Display driver installed${event.driverVersion ? `: ${event.driverVersion}` : ''}`,
        detail: [event.device, event.driverProvider].filter(Boolean).join(', '),
      };
    case 'display-driver-reset':
      return {
        kind: 'display-reset',
        title: 'The display driver stopped responding and recovered',
        detail: event.driver ?? '',
      };
    case 'app-crash':
      if (!event.isInference) return undefined;
      return {
        kind: 'inference-crash',
        title: `${event.appName ?? 'An inference program'} crashed${event.exceptionCode ? ` (${event.exceptionCode})` : ''}`,
        detail: [event.moduleName, event.appPath].filter(Boolean).join(', '),
      };
    case 'restart-initiated':
      return {
        kind: 'restart',
        title: event.byUpdate ? 'Windows restarted for an update' : 'Windows restarted',
        detail: event.process ?? '',
      };
    case 'unexpected-reboot':
      return {
        kind: 'restart',
        title: 'Windows restarted without shutting down cleanly',
        detail: event.bugcheck ?? '',
      };
    default:
      return undefined;
  }
}

/**
 * The events that matter for a WSL GPU setup, newest first: updates installed or failed (routine ones such as
 * Defender definitions, and drivers other than NVIDIA's display driver, left out), NVIDIA display driver installs
 * and display resets, crashes of inference programs, restarts.
 */
export function timelineOf(events: readonly WindowsEvent[]): TimelineEntry[] {
  return events
    .flatMap((event) => {
      const entry = entryOf(event);
      return entry ? [{ id: `${event.channel}:${event.recordId}`, time: event.time, ...entry }] : [];
    })
    .sort((a, b) => b.time.localeCompare(a.time));
}

/** The entries not seen before: their id is not in `seen` (the bookmark of what was already told). */
export function newEntries(entries: readonly TimelineEntry[], seen: ReadonlySet<string>): TimelineEntry[] {
  return entries.filter((entry) => !seen.has(entry.id));
}
