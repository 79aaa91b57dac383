import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWslConfig } from './check';
import { decodeConfigBytes, encodeConfigText } from './config-bytes';
import { diffLines } from './diff';
import { setWslConfigValues, unsetWslConfigKeys } from './edit';

/** 50 real .wslconfig files from public repositories (see testdata/wslconfig-corpus/MANIFEST.tsv). */
const corpusDir = new URL('../testdata/wslconfig-corpus/', import.meta.url);
const corpus = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.wslconfig'))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, corpusDir))) }));

const TWELVE_GB = 12 * 2 ** 30;

describe('the real-world .wslconfig corpus', () => {
  it('holds all 50 files', () => {
    expect(corpus).toHaveLength(50);
  });

  it.each(corpus)('$name prints back byte-identical', ({ bytes }) => {
    const decoded = decodeConfigBytes(bytes);
    expect(encodeConfigText(decoded.text, decoded)).toEqual(bytes);
  });

  it.each(corpus)(
    '$name: set wsl2.memory=12GB changes one line or adds one, and WSL then reads 12GB',
    ({ bytes }) => {
      const before = decodeConfigBytes(bytes).text;
      const edited = setWslConfigValues(bytes, [{ key: 'wsl2.memory', value: '12GB' }]);
      const after = decodeConfigBytes(edited).text;
      const changes = diffLines(before, after).filter((line) => line.kind !== 'same');
      const removed = changes.filter((line) => line.kind === 'removed');
      const added = changes.filter((line) => line.kind === 'added');
      const hadSection = /^\s*\[wsl2\]/im.test(before);
      if (checkWslConfig(bytes).settings['wsl2.memory'] === TWELVE_GB && /memory\s*=\s*12GB/i.test(before)) {
        expect(changes).toEqual([]);
      } else if (removed.length === 1) {
        expect(added).toHaveLength(1);
        expect(added[0]?.text).toMatch(/memory\s*=\s*12GB/i);
      } else {
        expect(removed).toEqual([]);
        expect(added.map((line) => line.text)).toEqual(
          hadSection ? ['memory=12GB'] : ['[wsl2]', 'memory=12GB'],
        );
      }
      expect(checkWslConfig(edited).settings['wsl2.memory']).toBe(TWELVE_GB);
      const lineEnds = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];
      expect(new Set(lineEnds(after))).toEqual(
        new Set(lineEnds(before).length > 0 ? lineEnds(before) : lineEnds(after)),
      );
    },
  );

  it.each(corpus)('$name: the check never contradicts itself', ({ bytes }) => {
    const result = checkWslConfig(bytes);
    for (const problem of result.problems) {
      expect(problem.message.length).toBeGreaterThan(10);
      expect(problem.line).toBeGreaterThanOrEqual(1);
    }
    for (const applied of result.applied) {
      expect(result.problems.some((p) => p.line === applied.line && p.ignoredByWsl)).toBe(false);
    }
  });

  it.each(corpus)(
    '$name: unset wsl2.memory leaves no memory setting and every other setting as it was',
    ({ bytes }) => {
      const before = checkWslConfig(bytes).settings;
      const after = checkWslConfig(unsetWslConfigKeys(bytes, ['wsl2.memory'])).settings;
      const { 'wsl2.memory': _removed, ...rest } = before;
      expect(after).toEqual(rest);
    },
  );
});
