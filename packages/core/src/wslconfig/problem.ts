import type { SyntaxIssueKind } from './scan';

/** An edit the .wslconfig editor can apply to fix a problem. Lines are 1-based physical lines of the file. */
export type FixEdit =
  | { readonly kind: 'replace-line'; readonly line: number; readonly text: string }
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'set'; readonly key: string; readonly value: string };

/** A fix: what it does in words, and the edits that do it. */
export interface WslConfigFix {
  readonly label: string;
  readonly edits: readonly FixEdit[];
}

/** Stable codes of .wslconfig problems. The UI, the CLI and the doctor key off these, never off messages. */
export type WslConfigProblemCode =
  | SyntaxIssueKind
  | 'unknown-key'
  | 'key-outside-section'
  | 'duplicate-key'
  | 'invalid-size'
  | 'invalid-boolean'
  | 'invalid-integer'
  | 'invalid-enum'
  | 'invalid-ip-address'
  | 'invalid-mac-address'
  | 'invalid-port'
  | 'utf16-without-bom'
  | 'semicolon-comment'
  | 'path-escapes'
  | 'non-ascii-value'
  | 'memory-below-minimum'
  | 'size-wraps'
  | 'memory-zero-default'
  | 'memory-above-host'
  | 'processors-above-host'
  | 'processors-default'
  | 'integer-saturated'
  | 'octal-or-hex-integer'
  | 'wsl-conf-key'
  | 'wsl-conf-section'
  | 'experimental-key-in-wsl2'
  | 'wsl2-key-in-experimental'
  | 'legacy-experimental-location'
  | 'removed-key'
  | 'wrong-section-name'
  | 'auto-memory-reclaim-gradual'
  | 'gpu-support-off'
  | 'safe-mode-on';

/** One finding about one line. `ignoredByWsl` is true exactly when WSL warns about the line and ignores it. */
export interface WslConfigProblem {
  readonly line: number;
  readonly ignoredByWsl: boolean;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: WslConfigProblemCode;
  readonly message: string;
  /** The key the line is about, in WSL's canonical spelling when WSL knows it. */
  readonly key?: string;
  readonly fix?: WslConfigFix;
  /** Where the rule comes from, for the UI's "Why?". */
  readonly source?: string;
}

/** Where WSL's parser lives, cited by syntax problems. */
export const PARSER_SOURCE =
  'https://github.com/microsoft/WSL/blob/master/src/shared/configfile/configfile.cpp';
