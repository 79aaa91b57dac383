import { z } from 'zod';
import { doctorFixPreviewSchema, doctorReportSchema } from './doctor';
import { healthSnapshotSchema } from './health';
import { NOTIFICATION_KINDS, settingsSchema, settingsUpdateSchema } from './settings';
import { supportBundleSchema } from './support';
import { wslconfigDocumentSchema, wslconfigEditsSchema } from './wslconfig-editor';
import { historySchema, versionDiffSchema } from './history';
import {
  metricsSampleSchema,
  metricsSnapshotSchema,
  metricsUnwatchRequestSchema,
  metricsUnwatchResponseSchema,
  metricsWatchRequestSchema,
} from './metrics';
import {
  APP_PAGES,
  appPathsSchema,
  loginItemSchema,
  setupCheckResultSchema,
  setupGoalSchema,
  setupModelsSchema,
  setupPlanSchema,
  setupPreviewRequestSchema,
  setupPreviewSchema,
  setupStateSchema,
} from './setup';
import { verifyProgressSchema, verifyRequestSchema, verifyResultSchema } from './verify';
import { wslSnapshotSchema } from './wsl';

/**
 * Request/response channels: `domain.verb` names, one schema each way. A channel is declared here once and both
 * the service and every transport are typed and validated from it.
 */
export const invokeChannels = {
  /** Read the distros and their states. */
  'wsl.list': { request: z.undefined(), response: wslSnapshotSchema },
  /** Run `wsl --shutdown` and answer with the distros afterwards. */
  'wsl.shutdown': { request: z.undefined(), response: wslSnapshotSchema },
  /** Apply the edits, shut WSL down, boot it and prove it has what .wslconfig says. */
  'verify.run': { request: verifyRequestSchema, response: verifyResultSchema },
  /** Stop the verification under way; the file keeps whatever was written before the shutdown. */
  'verify.cancel': { request: z.undefined(), response: z.object({ cancelled: z.boolean() }) },
  /** After a failed verification of edits, write .wslconfig back as it was before them. */
  'verify.rollBack': { request: z.undefined(), response: z.object({ restored: z.boolean() }) },
  /** The wizard's first step: WSL, the distro, the host GPU and the GPU inside WSL (starts WSL if stopped). */
  'setup.check': { request: z.undefined(), response: setupCheckResultSchema },
  /** Run a finding's fix when it is a .wslconfig edit (backup first); answers what was done. */
  'setup.fix': {
    request: z.object({ findingId: z.string().min(1) }),
    response: z.object({ message: z.string() }),
  },
  /** The model presets and KV cache types for the goal step. */
  'setup.models': { request: z.undefined(), response: setupModelsSchema },
  /** Size the goal on this machine and propose the .wslconfig changes, each with why. */
  'setup.plan': { request: setupGoalSchema, response: setupPlanSchema },
  /** The file as the edits would leave it: diff, the engine's warnings, and the VM WSL would create. */
  'setup.preview': { request: setupPreviewRequestSchema, response: setupPreviewSchema },
  /** Where the wizard was left (step 1 and not completed on first start). */
  'setup.state': { request: z.undefined(), response: setupStateSchema },
  /** Keep where the wizard is, so a restart resumes there. */
  'setup.saveState': { request: setupStateSchema, response: z.object({ saved: z.boolean() }) },
  /** Whether Headroom starts at sign-in. */
  'app.loginItem': { request: z.undefined(), response: loginItemSchema },
  /** Turn starting at sign-in on or off. */
  'app.setLoginItem': { request: z.object({ enabled: z.boolean() }), response: loginItemSchema },
  /** Where Headroom keeps its data and its log, and whether this UI can open a folder. */
  'app.paths': { request: z.undefined(), response: appPathsSchema },
  /** Open the log folder in Explorer; the demo in a browser cannot, and answers with the path and why. */
  'app.openLogFolder': {
    request: z.undefined(),
    response: z.object({ opened: z.boolean(), path: z.string(), message: z.string().optional() }),
  },
  /**
   * Keep live sampling on for another minute (the dashboard calls it every 20 s while shown) and answer the window's
   * series. Sampling stops by itself when nobody has asked for a minute.
   */
  'metrics.watch': { request: metricsWatchRequestSchema, response: metricsSnapshotSchema },
  /**
   * The watcher's page or window hid: it stops renewing, and sampling stops at once when no other watcher's lease
   * runs (no `nvidia-smi -lms` keeps a laptop's GPU awake behind a hidden window).
   */
  'metrics.unwatch': { request: metricsUnwatchRequestSchema, response: metricsUnwatchResponseSchema },
  /** The health light as last judged (a check runs first when there has been none). */
  'health.get': { request: z.undefined(), response: healthSnapshotSchema },
  /** Run the light health check now (it never starts WSL) and answer the new light. */
  'health.check': { request: z.undefined(), response: healthSnapshotSchema },
  /** The doctor's findings of the last health check (a check runs first when there has been none). */
  'doctor.report': { request: z.undefined(), response: doctorReportSchema },
  /** Run the health check again (it never starts WSL) and answer its findings. */
  'doctor.check': { request: z.undefined(), response: doctorReportSchema },
  /** The diff a finding's .wslconfig fix would make, before it is applied. */
  'doctor.previewFix': {
    request: z.object({ findingId: z.string().min(1) }),
    response: doctorFixPreviewSchema,
  },
  /** Apply a finding's .wslconfig fix (a backup first), check again and answer what was done and the findings. */
  'doctor.fix': {
    request: z.object({ findingId: z.string().min(1) }),
    response: z.object({ message: z.string(), report: doctorReportSchema }),
  },
  /** Mute or unmute a finding (kept in the data folder); answers the findings. */
  'doctor.mute': {
    request: z.object({ findingId: z.string().min(1), muted: z.boolean() }),
    response: doctorReportSchema,
  },
  /** .wslconfig for the editor: every key WSL reads with its default here, unknown keys, and the raw lines' problems. */
  'wslconfig.read': { request: z.undefined(), response: wslconfigDocumentSchema },
  /** The diff the form's edits would make, before saving. */
  'wslconfig.preview': {
    request: wslconfigEditsSchema,
    response: z.object({
      diff: z.array(z.object({ kind: z.enum(['same', 'removed', 'added']), text: z.string() })),
    }),
  },
  /** Save the form's edits (a backup first); answers the file as it is now. */
  'wslconfig.save': { request: wslconfigEditsSchema, response: wslconfigDocumentSchema },
  /** The Settings page's values. */
  'settings.get': { request: z.undefined(), response: settingsSchema },
  /** Mute or unmute a kind of notification (kept in the data folder's notifications.json). */
  'settings.muteNotification': {
    request: z.object({ kind: z.enum(NOTIFICATION_KINDS), muted: z.boolean() }),
    response: settingsSchema,
  },
  /**
   * Change the health-check interval, the target distro or the metrics CSV log (kept in the data folder's
   * settings.json); each applies at once. Answers the settings.
   */
  'settings.update': { request: settingsUpdateSchema, response: settingsSchema },
  /** Open the data folder in Explorer; the demo in a browser cannot, and answers with the path and why. */
  'app.openDataFolder': {
    request: z.undefined(),
    response: z.object({ opened: z.boolean(), path: z.string(), message: z.string().optional() }),
  },
  /**
   * Collect a capture (redacted unless `redact` is false) and zip it with the log into the data folder's `support`
   * folder; it takes seconds (every probe runs, WSL is never started).
   */
  'support.saveBundle': { request: z.object({ redact: z.boolean() }), response: supportBundleSchema },
  /** Open the folder of the support bundles in Explorer; the demo in a browser cannot, and says so. */
  'support.openFolder': {
    request: z.undefined(),
    response: z.object({ opened: z.boolean(), path: z.string(), message: z.string().optional() }),
  },
  /** The Windows timeline (updates, drivers, crashes) from the last health check and the .wslconfig versions. */
  'history.list': { request: z.undefined(), response: historySchema },
  /** How a saved version of .wslconfig differs from the file now. */
  'history.diff': { request: z.object({ id: z.string().min(1) }), response: versionDiffSchema },
  /** Write a saved version of .wslconfig back (a backup of the file now comes first); it applies at WSL's next start. */
  'history.restore': { request: z.object({ id: z.string().min(1) }), response: historySchema },
} as const;

/** Push channels: the service tells every UI when something changed. */
export const pushChannels = {
  /** The distros or their states changed (after a shutdown, or seen by the watcher). */
  'wsl.changed': wslSnapshotSchema,
  /** A verification moved to its next step. */
  'verify.progress': verifyProgressSchema,
  /** Show a page (the tray's "Set up Headroom…"). */
  'app.show': z.object({ page: z.enum(APP_PAGES) }),
  /** One second's values while someone watches the metrics. */
  'metrics.sample': metricsSampleSchema,
  /** The health light changed colour or line. */
  'health.changed': healthSnapshotSchema,
  /** The history changed (a new check read the event log, or .wslconfig was saved). */
  'history.changed': historySchema,
} as const;

/** A request/response channel name. */
export type InvokeChannel = keyof typeof invokeChannels;
/** A push channel name. */
export type PushChannel = keyof typeof pushChannels;
/** The request type of an invoke channel. */
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;
/** The response type of an invoke channel. */
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;
/** The payload type of a push channel. */
export type PushPayload<C extends PushChannel> = z.infer<(typeof pushChannels)[C]>;

/** Whether a string names a declared invoke channel (transports check before they send or dispatch). */
export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeChannels, channel);
}

/** Whether a string names a declared push channel. */
export function isPushChannel(channel: string): channel is PushChannel {
  return Object.hasOwn(pushChannels, channel);
}
