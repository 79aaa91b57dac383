/**
 * @headroom/service — Headroom's brain without Electron: it answers the contract's channels over the host adapters,
 * keeps state over time and pushes changes. The desktop app, the CLI, the demo server and the tests all run it.
 */
export { startDemoServer, type DemoServer, type DemoServerOptions } from './demo/demo-server';
export { readStaticFile, type StaticFile } from './demo/static-files';
export { toErrorPayload } from './error-payload';
export {
  createHeadroomService,
  type HeadroomService,
  type HeadroomServiceOptions,
  type InvokeHandlers,
} from './headroom-service';
export { createServiceRouter, type ServiceRouter } from './service-router';
export {
  runVerify,
  type VerifyDeps,
  type VerifyOutcome,
  type VerifyRunOptions,
} from './verify/verify-runner';
export { ServiceError } from './service-error';
export {
  createVerifyHandlers,
  PHASE_MESSAGES,
  type VerifierDeps,
  type VerifyHandlers,
} from './verify/verify-handlers';
export { createVerifier, quietCollector, type VerifierOptions } from './verify/verifier';
export {
  createSetupHandlers,
  type LoginItemPort,
  type SetupDeps,
  type FoundModel,
  type ModelFinder,
  type ModelSearch,
  type SetupHandlers,
} from './setup/setup-handlers';
export { createGoalTarget, type GoalTarget, type GoalTargetDeps } from './setup/goal-target';
export { createModelFinder, type ModelDiscoveryDeps } from './setup/model-discovery';
export {
  createMetricsSampler,
  METRICS_CSV_COLUMNS,
  type HostMemoryReading,
  type MetricsSampler,
  type MetricsSamplerDeps,
  type OllamaReader,
} from './metrics/metrics-sampler';
export { createHealthMonitor, type HealthMonitor, type HealthMonitorDeps } from './health/health-monitor';
export { createEventWatcher, type EventWatcher } from './history/event-watcher';
export {
  createHeadroom,
  type CreateHeadroomOptions,
  type Headroom,
  type HeadroomIntervals,
} from './headroom/create-headroom';
export {
  memoryLoginItem,
  simulatedMachine,
  windowsMachine,
  type Machine,
  type SimulatedWindowsLike,
} from './headroom/machine';
export {
  acceptPolicyState,
  eventNotification,
  HEALTH_RANK,
  healthNotifications,
} from './notify/notification-decisions';
