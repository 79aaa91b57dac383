/** The history page's timeline: the Windows events that matter for a WSL GPU setup, in words. */
export { newEntries, timelineOf, type TimelineEntry, type TimelineKind } from './timeline';
