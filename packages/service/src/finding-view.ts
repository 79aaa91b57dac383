import type { SetupFinding } from '@headroom/contract';
import type { Finding } from '@headroom/core';

/**
 * A doctor finding as the window shows it: its evidence one line each, and its fix as a label with steps, a page, or
 * a flag that Headroom can run it (a .wslconfig edit).
 */
export function toSetupFinding(finding: Finding): SetupFinding {
  const { fix } = finding;
  return {
    id: finding.id,
    severity: finding.severity,
    title: finding.title,
    explanation: finding.explanation,
    source: finding.source,
    evidence: finding.evidence.map((item) =>
      item.line === undefined || item.excerpt.includes(`line ${item.line}`)
        ? `${item.probe}: ${item.excerpt}`
        : `${item.probe} line ${item.line}: ${item.excerpt}`,
    ),
    fix: {
      label: fix.label,
      steps:
        fix.kind === 'steps'
          ? [...fix.steps]
          : fix.kind === 'shutdown-and-verify'
            ? [
                'Step 4 of this setup, “Apply and verify”, does it: it shuts WSL down fully, starts it again and checks.',
              ]
            : [],
      runnable:
        fix.kind === 'set-wslconfig' || fix.kind === 'unset-wslconfig' || fix.kind === 'edit-wslconfig',
      ...(fix.kind === 'open-page' ? { url: fix.url } : {}),
    },
  };
}
