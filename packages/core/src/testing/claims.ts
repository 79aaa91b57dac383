import type { Finding } from '../doctor/finding';

/** The mark a sentence carries when its figure is Headroom's own judgement, not a public source's. */
export const RULE_OF_THUMB_MARK = /Headroom['’]s (?:rule of thumb|own)/;

/** A figure a user reads: a size, a share, a time, or a driver branch (`R495`). */
const FIGURE = /\b\d+(?:\.\d+)?\s?(?:%|ms\b|s\b|GB\b|GiB\b|MB\b|MiB\b)|\bR\d{3}\b/g;

/** One sentence of a finding that makes a claim nothing backs. */
export interface UnbackedClaim {
  readonly finding: string;
  readonly where: string;
  readonly text: string;
  readonly why: string;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+/).filter((sentence) => sentence.trim() !== '');
}

/**
 * The claims of a finding that have neither a public source nor the mark "Headroom's rule of thumb": the finding
 * itself without an https `source` (unless its explanation carries the mark), and each figure in its title,
 * explanation and fix that is not the machine's own (in the evidence), not a documented figure (`documented`, the
 * text of doctor/rules/sources.ts, which names the sentence each figure is read from), and not in a sentence that
 * carries the mark. Pure: the test that walks the finding catalog feeds it every finding.
 */
export function unbackedClaims(finding: Finding, documented: string): UnbackedClaim[] {
  const claims: UnbackedClaim[] = [];
  if (!/^https:\/\/\S+$/.test(finding.source) && !RULE_OF_THUMB_MARK.test(finding.explanation)) {
    claims.push({
      finding: finding.id,
      where: 'source',
      text: finding.source,
      why: 'no public source URL and no "Headroom\'s rule of thumb"',
    });
  }
  const evidence = finding.evidence.map((item) => item.excerpt).join('\n');
  const fixTexts = [finding.fix.label, ...(finding.fix.kind === 'steps' ? finding.fix.steps : [])];
  const parts: [string, string][] = [
    ['title', finding.title],
    ['explanation', finding.explanation],
    ...fixTexts.map((text): [string, string] => ['fix', text]),
  ];
  for (const [where, text] of parts) {
    for (const sentence of sentences(text)) {
      if (RULE_OF_THUMB_MARK.test(sentence)) continue;
      for (const figure of sentence.match(FIGURE) ?? []) {
        const number = /\d+(?:\.\d+)?/.exec(figure)?.[0] ?? figure;
        const alone = new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?![\\d])`);
        const inEvidence = alone.test(evidence);
        const isDocumented = alone.test(documented);
        if (!inEvidence && !isDocumented) {
          claims.push({
            finding: finding.id,
            where,
            text: sentence,
            why: `${figure.trim()} is not the machine's (evidence), not in sources.ts and not marked`,
          });
        }
      }
    }
  }
  return claims;
}
