/**
 * @headroom/core — Headroom's pure domain logic. Everything here is a function of its inputs: no file, process,
 * network, clock or DOM access, so the same code judges a live machine, the simulator and a replayed capture.
 */
export {
  decodeConsoleOutput,
  normalizeLineEnds,
  type ConsoleEncoding,
  type DecodedText,
} from './text/decode-console';
export { decodeOemOutput, isKnownCodePage, OEM_HIGH_HALVES, type DecodedOemText } from './text/decode-oem';
export { DISTRO_STATES, type DistroState, type WslDistro } from './wsl/distro';
export { parseWslListQuiet, parseWslListVerbose, WslListParseError } from './wsl/list-verbose';
export { describeShutdownImpact } from './wsl/shutdown-impact';
export * from './wslconfig';
export * from './probe';
export { parseWslStatus, parseWslWarnings, type WslStatus } from './wsl/status';
export { WSL_STUB_EXIT_CODES, wslStubAnswer } from './wsl/stub';
export { compareVersions, parseWslVersion, type WslVersionFacts, type WslVersions } from './wsl/version';
export * from './capture';
export * from './eventlog';
export * from './distro';
export * from './windows';
export * from './nvidia';
export * from './doctor';
export * from './sizing';
export * from './models';
export * from './verify';
export * from './setup';
export * from './metrics';
export * from './health';
export * from './notify';
export * from './history';
