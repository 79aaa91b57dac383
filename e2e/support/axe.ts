import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle (the npm package, no network). */
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** The impacts an accessibility check fails on: serious and critical, as the issue sets the bar. */
const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

/** One violation as the report prints it: the rule, its impact, its help, and each offending element. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/**
 * Run axe-core over the whole page as it stands (injected once per page) and return its serious and critical
 * violations. axe is evaluated through the DevTools protocol rather than added as a `<script>`: the window's
 * Content-Security-Policy (`script-src 'self'`) rightly refuses inline scripts, and the test must not weaken it.
 * Runs in the page as a string, so no helper of the test's own compiler is needed there.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) {
    axeSource ??= readFileSync(AXE_SCRIPT, 'utf8');
    await page.evaluate(axeSource);
  }
  const { violations, passes } = await page.evaluate<{ violations: Result[]; passes: number }>(
    'window.axe.run(document).then((results) => ({ violations: results.violations, passes: results.passes.length }))',
  );
  // A run that passed no rule did not look at the page: say so rather than report a clean page.
  if (passes === 0) throw new Error('axe-core checked nothing on this page');
  return violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
}

/** Violations as lines a person can act on: where (place and theme), which rule, which element, what to fix. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where}: [${violation.impact}] ${violation.id} (${violation.help}) at ${node.target}: ${node.summary}`,
    ),
  );
}
