/**
 * @headroom/contract — the one typed API between the service and its UIs. Channels are declared once with zod
 * schemas; `createBridge(transport)` turns any transport (Electron IPC, the demo's HTTP, or the router itself)
 * into the same typed, validated API. Payloads are plain JSON: ISO strings, arrays, objects.
 */
export {
  createBridge,
  type BridgeOptions,
  type HeadroomBridge,
  type RequestArgs,
  type Transport,
} from './bridge';
export {
  invokeChannels,
  isInvokeChannel,
  isPushChannel,
  pushChannels,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type PushChannel,
  type PushPayload,
} from './channels';
export { DEMO_PROTOCOL, invokePath, pushMessageSchema, type PushMessage } from './demo-protocol';
export {
  ERROR_CODES,
  envelopeSchema,
  errorPayloadSchema,
  HeadroomError,
  type Envelope,
  type ErrorCode,
  type ErrorPayload,
} from './errors';
export { RENDERER_CSP } from './renderer-policy';
export { wslDistroSchema, wslSnapshotSchema, type WslSnapshot } from './wsl';
export {
  VERIFY_EDIT_KEYS,
  verifyCheckSchema,
  verifyProgressSchema,
  verifyRequestSchema,
  verifyResultSchema,
  type VerifyProgress,
  type VerifyRequest,
  type VerifyResult,
} from './verify';
export {
  APP_PAGES,
  appPathsSchema,
  defaultContextSchema,
  discoveredModelSchema,
  MODEL_SOURCES,
  modelShapeSchema,
  skippedModelPlaceSchema,
  setupCeilingSchema,
  loginItemSchema,
  SETUP_CHECK_IDS,
  setupChangeSchema,
  setupCheckResultSchema,
  setupCheckSchema,
  setupCurrentSchema,
  setupFindingSchema,
  setupGoalSchema,
  setupMachineSchema,
  setupModelsSchema,
  setupPlanSchema,
  setupPreviewRequestSchema,
  setupPreviewSchema,
  setupStateSchema,
  type AppPage,
  type AppPaths,
  type DiscoveredModel,
  type DiscoveredModelShape,
  type LoginItem,
  type SetupCeiling,
  type SetupChange,
  type SetupCheck,
  type SetupCheckResult,
  type SetupFinding,
  type SetupGoal,
  type SetupModels,
  type SetupPlan,
  type SetupPreview,
  type SetupState,
  type SkippedModelPlace,
} from './setup';
export {
  GPU_METRICS,
  gpuMetricId,
  markerSchema,
  METRIC_IDS,
  METRICS_WINDOWS,
  metricsSampleSchema,
  metricsSnapshotSchema,
  metricsStatusSchema,
  metricsWatchRequestSchema,
  metricsUnwatchRequestSchema,
  metricsUnwatchResponseSchema,
  type GpuMetric,
  type MetricId,
  type MetricsMarker,
  type MetricsSample,
  type MetricsSnapshot,
  type MetricsStatus,
  type MetricsWindowSeconds,
} from './metrics';
export { healthSnapshotSchema, type HealthSnapshot } from './health';
export {
  WSLCONFIG_GROUPS,
  wslconfigDocumentSchema,
  wslconfigEditsSchema,
  wslconfigFieldSchema,
  type WslconfigDocument,
  type WslconfigField,
} from './wslconfig-editor';
export {
  HEADROOM_VERSION,
  HEALTH_INTERVAL_MINUTES,
  NOTIFICATION_KINDS,
  settingsSchema,
  settingsUpdateSchema,
  type NotificationKindName,
  type Settings,
  type SettingsUpdate,
} from './settings';
export {
  doctorFindingSchema,
  doctorFixPreviewSchema,
  doctorReportSchema,
  HEALTH_AREAS,
  type DoctorFinding,
  type DoctorFixPreview,
  type DoctorReportPayload,
  type HealthArea,
} from './doctor';
export {
  historySchema,
  timelineEntrySchema,
  versionDiffSchema,
  type VersionDiff,
  type HistoryPayload,
  type TimelineEntryPayload,
} from './history';
export { supportBundleSchema, type SupportBundleInfo } from './support';
