/**
 * Captures: collect every probe's raw outputs, write them as a folder (docs/architecture.md "Capture format"), read
 * them back.
 */
export { captureFolderFiles, CaptureFormatError, readCapture, writeCapture } from './capture-folder';
export {
  currentUserIdentity,
  writeSupportBundle,
  type SupportBundle,
  type SupportBundleOptions,
} from './support-bundle';
export { collectCapture, HOST_PROBES, runProbe, type CollectOptions, type ProbeCommand } from './collect';
export { extraProbes } from './standard-probes';
export { thisWindowsHost, withHostFacts, type BasicCaptureHost } from './this-host';
