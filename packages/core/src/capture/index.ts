/** Captures: the raw outputs of one collection, the input every judgement works from. */
export { CAPTURE_FORMAT, findProbe, type Capture, type CaptureHost, type ProbeRecord } from './capture';
export { readCaptureFacts, type CaptureFacts, type NvidiaSmiFacts } from './capture-facts';
export { probesNotRead, type ProbeNotRead } from './not-read';
export { storagePaths, windowsPathOfMount } from './storage-paths';
export {
  redactBytes,
  redactCapture,
  redactText,
  REDACTED_MACHINE,
  REDACTED_USER,
  type RedactionTargets,
} from './redact';
