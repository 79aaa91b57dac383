/**
 * The .wslconfig engine: read a file exactly as WSL does (settings and problems), edit it without touching any
 * byte but the ones asked for, and diff versions. Pure: bytes in, bytes out.
 */
export {
  checkWslConfig,
  type AppliedSetting,
  type HostFacts,
  type WslConfigCheck,
  type WslSettingValue,
} from './check';
export { decodeConfigBytes, encodeConfigText, type ConfigEncoding, type DecodedConfig } from './config-bytes';
export { diffLines, formatUnifiedDiff, type DiffLine } from './diff';
export {
  applyWslConfigFix,
  applyWslConfigFixes,
  setWslConfigValues,
  unsetWslConfigKeys,
  type WslConfigAssignment,
} from './edit';
export { formatWslValue, requireKeySpec, WslConfigEditError } from './format-value';
export {
  PARSER_SOURCE,
  type FixEdit,
  type WslConfigFix,
  type WslConfigProblem,
  type WslConfigProblemCode,
} from './problem';
export { scanWslConfig, type ConfigScan, type KeyLine, type SectionHeader, type SyntaxIssue } from './scan';
export {
  findKeySpec,
  REMOVED_KEYS,
  WSL_CONF_KEYS,
  WSL_CONF_SECTIONS,
  WSL_KEYS,
  type WslKeySpec,
  type WslValueType,
} from './schema';
export { formatSize, readHumanSize } from './suggest';
export { vmResources, type VmResources } from './vm-resources';
