/**
 * Captures: collect every probe's raw outputs, write them as a folder (docs/architecture.md "Capture format"), read
 * them back.
 */
export { CaptureFormatError, readCapture, writeCapture } from './capture-folder';
export { collectCapture, HOST_PROBES, runProbe, type CollectOptions, type ProbeCommand } from './collect';
export { extraProbes } from './standard-probes';
export { thisWindowsHost, withHostFacts, type BasicCaptureHost } from './this-host';
