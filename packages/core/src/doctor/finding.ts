import type { WslConfigFix } from '../wslconfig';

/** How bad a finding is: error (it is broken), warning (it will bite), info (worth knowing). */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * Which part of the setup a finding is about; it decides `headroom doctor`'s exit code
 * (docs/architecture.md "Doctor exit codes"): configuration 1, GPU (driver and passthrough) 2, runtime 3, WSL missing
 * or unusable 4.
 */
export type FindingCategory = 'configuration' | 'gpu' | 'runtime' | 'wsl';

/** What shows the finding: the probe (or `.wslconfig`) and the excerpt or line that says so. */
export interface Evidence {
  readonly probe: string;
  readonly excerpt: string;
  /** A line of .wslconfig, when the evidence is one. */
  readonly line?: number;
}

/** A fix the app can run, or exact steps for the user. */
export type FindingFix =
  | {
      readonly kind: 'set-wslconfig';
      readonly label: string;
      readonly assignments: readonly { readonly key: string; readonly value: string }[];
    }
  | { readonly kind: 'unset-wslconfig'; readonly label: string; readonly keys: readonly string[] }
  | { readonly kind: 'edit-wslconfig'; readonly label: string; readonly fixes: readonly WslConfigFix[] }
  | { readonly kind: 'shutdown-and-verify'; readonly label: string }
  | { readonly kind: 'wsl-update'; readonly label: string }
  | { readonly kind: 'open-page'; readonly label: string; readonly url: string }
  | { readonly kind: 'steps'; readonly label: string; readonly steps: readonly string[] };

/** One diagnosis: what is wrong, what shows it, how to fix it, and where the rule comes from. */
export interface Finding {
  /** Stable id (e.g. `driver-mismatch`): the UI, tests and the CLI key off it. */
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly category: FindingCategory;
  /** One line: what is wrong. */
  readonly title: string;
  /** A few plain sentences: what it means and what WSL or the driver will do. */
  readonly explanation: string;
  readonly evidence: readonly Evidence[];
  readonly fix: FindingFix;
  /** Where the rule comes from, for "Why?". */
  readonly source: string;
  /** How sure the finding is when the evidence is indirect. */
  readonly confidence?: 'high' | 'medium' | 'low';
  /**
   * The problem goes away at WSL's next start (a .wslconfig change not applied yet): it still sets the exit code,
   * but the health light is amber ("waiting for a WSL restart"), not red.
   */
  readonly pendingRestart?: true;
}

/** The exit code each category gives when it has an error finding. */
export const CATEGORY_EXIT_CODES: Readonly<Record<FindingCategory, number>> = {
  configuration: 1,
  gpu: 2,
  runtime: 3,
  wsl: 4,
};
