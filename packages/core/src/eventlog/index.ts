/**
 * The Windows event log: the `wevtutil qe` queries Headroom polls, reading their XML output, and what each event
 * means (Windows Updates, display drivers, TDRs, crashes of inference programs, reboots).
 */
export {
  buildEventQuery,
  buildEventXPath,
  buildStandardEventQuery,
  DEFAULT_MAX_EVENTS,
  eventLogProbeId,
  highestRecordId,
  MAX_XPATH_EXPRESSIONS,
  STANDARD_EVENT_QUERIES,
  WEVTUTIL_EXECUTABLE,
  type EventLogName,
  type EventLogProbeId,
  type EventQuery,
  type StandardQuery,
  type StandardQueryName,
} from './query';
export { EVENTLOG_PROBE, parseEventXml, type RawEvent, type RawEventBatch } from './xml-events';
export {
  classifyEvent,
  eventFacts,
  parseWindowsEvents,
  type AppCrashFacts,
  type DisplayDriverResetFacts,
  type DriverInstalledFacts,
  type DriverServiceAddedFacts,
  type ErrorReportFacts,
  type EventEnvelope,
  type EventFacts,
  type EventKind,
  type EventLogStartedFacts,
  type EventLogStoppedFacts,
  type EventSource,
  type NvidiaDriverErrorFacts,
  type OsStartedFacts,
  type OsStoppedFacts,
  type OsVersionFacts,
  type OtherEventFacts,
  type RestartInitiatedFacts,
  type ServiceInstalledFacts,
  type ShutdownTransitionFacts,
  type SleepFacts,
  type UnexpectedRebootFacts,
  type UnexpectedShutdownFacts,
  type UpdateStage,
  type WindowsEvent,
  type WindowsEventBatch,
  type WindowsUpdateFacts,
} from './typed-events';
export {
  classifyUpdateTitle,
  type DriverUpdateTitle,
  type UpdateKind,
  type UpdateTitleFacts,
} from './update-title';
export { isInferenceProgram, watchedProgramOf, type WatchedProgram } from './programs';
export { PROVIDERS, type KnownProvider } from './providers';
