import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';

/** The README's "Simulated Windows" table, which a new contributor reads to pick a scenario. */
const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/** The rows of the README's scenario table: name and summary as written there. */
function readmeRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of README.split('\n')) {
    const match = /^\| `([a-z0-9-]+)`\s*\| (.*?)\s*\|$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined)
      rows.set(match[1], match[2].replace(/\\\|/g, '|'));
  }
  return rows;
}

describe("the README's scenario table", () => {
  it('describes every scenario `headroom scenarios` lists, with the same summary', () => {
    const rows = readmeRows();
    const catalog = new Map(CATALOG.map((scenario) => [scenario.name, scenario.summary]));
    expect([...rows.keys()].filter((name) => catalog.has(name)).sort()).toEqual([...catalog.keys()].sort());
    for (const [name, summary] of catalog) expect(rows.get(name), name).toBe(summary);
  });
});
