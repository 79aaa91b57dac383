import { probesNotRead, type ProbeNotRead } from '../capture/not-read';
import { CATEGORY_EXIT_CODES, type Finding } from './finding';
import type { DoctorInput, Rule } from './rule';

/**
 * green (all good), amber (warnings, or a .wslconfig change waiting for WSL's restart), red (something is broken),
 * grey (WSL is stopped: normal, not an error). A probe whose output could not be read keeps the light from green:
 * a check that could have found an error was not made.
 */
export type Health = 'green' | 'amber' | 'red' | 'grey';

/** What the doctor concluded. */
export interface DoctorReport {
  readonly findings: readonly Finding[];
  readonly health: Health;
  /** docs/architecture.md "Doctor exit codes": 0 healthy, else the lowest category code among the error findings. */
  readonly exitCode: number;
  /** What could not be checked because a probe was not collected. */
  readonly notChecked: readonly string[];
  /** Probes that were collected but could not be read: checks not made, so the light is not green. */
  readonly notRead: readonly ProbeNotRead[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Whether WSL's VM is running, as far as the capture shows. */
function wslRunning(input: DoctorInput): boolean {
  const running = input.facts.wsl.running;
  return input.facts.distro !== undefined || (running?.ok === true && running.value.length > 0);
}

/**
 * Run the rules over the input and conclude: findings sorted by severity, the health light, and the exit code.
 * A rule that throws is a bug in Headroom, reported as such rather than hidden.
 */
export function diagnose(input: DoctorInput, rules: readonly Rule[]): DoctorReport {
  const findings = rules
    .flatMap((rule) => rule(input))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id));
  const errors = findings.filter((finding) => finding.severity === 'error');
  const exitCode =
    errors.length === 0 ? 0 : Math.min(...errors.map((finding) => CATEGORY_EXIT_CODES[finding.category]));
  const notRead = probesNotRead(input.facts);
  const health: Health = errors.some((finding) => finding.pendingRestart !== true)
    ? 'red'
    : errors.length > 0 || findings.some((finding) => finding.severity === 'warning') || notRead.length > 0
      ? 'amber'
      : wslRunning(input)
        ? 'green'
        : 'grey';
  return { findings, health, exitCode, notChecked: input.facts.notCollected, notRead };
}
