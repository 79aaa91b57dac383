/** Captures: collect the raw outputs of every probe, write them as a folder (ARCHITECTURE.md §3.3), read them back. */
export { CaptureFormatError, readCapture, writeCapture } from './capture-folder';
export { collectCapture, HOST_PROBES, runProbe, type CollectOptions, type ProbeCommand } from './collect';
export { extraProbes } from './standard-probes';
export { thisWindowsHost } from './this-host';
