import { readdirSync, readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parsed } from '../probe/parse-result';
import { GPU_QUERY_FIELDS } from '../probe/probe-ids';
import { decodeConsoleOutput } from '../text/decode-console';
import {
  classifyNvidiaSmiFailure,
  createGpuStreamParser,
  parseGpuQueryCsv,
  parseNvidiaSmiBanner,
  parseSmiCsv,
} from './index';

const ROOT = new URL('../testdata/nvidia-smi/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');
const PROBE = 'robustness-probe';

/** Every parser that answers with Parsed, by the name the fixture rules below use. */
const READERS = {
  'gpu-query': (text: string) => parseGpuQueryCsv(text, PROBE),
  'gpu-query-noheader': (text: string) => parseGpuQueryCsv(text, PROBE, GPU_QUERY_FIELDS),
  'smi-csv': (text: string) => parseSmiCsv(text, PROBE),
  banner: (text: string) => parseNvidiaSmiBanner(text, PROBE),
} satisfies Record<string, (text: string) => Parsed<unknown>>;

type ReaderName = keyof typeof READERS;

/**
 * Which reader each fixture is for; the facts each shows are asserted in the reader's own test file. `failure` is
 * read by classifyNvidiaSmiFailure, `stream` by createGpuStreamParser; `none` is not nvidia-smi output.
 */
const RULES: readonly (readonly [RegExp, ReaderName | 'failure' | 'stream' | 'none'])[] = [
  [/^errors\//, 'failure'],
  [/^csv\/polybar-scripts-42/, 'stream'],
  [/^csv\/.+\.csv$|\/query-gpu-(idle|load)\.csv$/, 'gpu-query'],
  [/^banners\/|\/banner-(idle|load)\.txt$|__banner-/, 'banner'],
  // `which nvidia-smi` and `file` on it: shows /usr/lib/wsl/lib/nvidia-smi is an ELF binary; nothing to parse.
  [/__which-and-file-/, 'none'],
];

const FIXTURES = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .map((path) => path.split(sep).join('/'))
  .filter((path) => path !== 'MANIFEST.md' && statSync(new URL(path, ROOT)).isFile())
  .sort();

function ruleOf(path: string): ReaderName | 'failure' | 'stream' | 'none' {
  const matches = RULES.filter(([pattern]) => pattern.test(path));
  expect(matches, path).toHaveLength(1);
  return matches[0]?.[1] ?? 'none';
}

describe('every fixture', () => {
  it('is there: all 54 captured files Headroom has a parser for are here, with MANIFEST.md', () => {
    expect(FIXTURES).toHaveLength(54);
    expect(read('MANIFEST.md')).toContain('nvidia-smi fixtures');
  });

  it.each(FIXTURES)(
    '%s: is read by its parser, and cut in half is unreadable (or, for a stream, not read)',
    (path) => {
      const text = read(path);
      const half = text.slice(0, Math.floor(text.length / 2));
      const rule = ruleOf(path);
      if (rule === 'failure') {
        expect(classifyNvidiaSmiFailure(text, null)?.evidence).toBe('text');
        expect(() => classifyNvidiaSmiFailure(half, 1)).not.toThrow();
      } else if (rule === 'stream') {
        const parser = createGpuStreamParser(['temperature.gpu', 'utilization.gpu', 'utilization.memory']);
        const all = [...parser.push(text), ...parser.flush()];
        const cut = createGpuStreamParser(['temperature.gpu', 'utilization.gpu', 'utilization.memory']);
        const some = [...cut.push(half), ...cut.flush()];
        expect(all).toHaveLength(9);
        // Only whole lines are read: the half is a prefix of the samples, and the cut line counts as skipped.
        expect(some.length).toBeLessThan(all.length);
        expect(all.slice(0, some.length)).toEqual(some);
        expect(cut.skippedLines).toBeGreaterThanOrEqual(1);
      } else if (rule === 'none') {
        for (const reader of Object.values(READERS)) expect(reader(text).ok).toBe(false);
      } else {
        expect(READERS[rule](text)).toMatchObject({ ok: true });
        expect(READERS[rule](half)).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
      }
    },
  );

  it.each(FIXTURES.filter((path) => !path.startsWith('errors/')))(
    '%s: is not a failure when nvidia-smi exits 0',
    (path) => {
      expect(classifyNvidiaSmiFailure(read(path), 0)).toBeUndefined();
    },
  );
});

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failure can be reproduced. */
function randomBytes(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >>> 16;
  }
  return bytes;
}

const HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>502 Bad Gateway</title></head>
<body><h1>502 Bad Gateway</h1><p>nvidia-smi, memory.total [MiB], GPU 00000000:01:00.0</p><hr><center>nginx</center></body>
</html>
`;

describe('garbage', () => {
  const garbage: readonly [string, string][] = [
    ['an empty output', ''],
    ['blank lines', '\r\n\n  \n'],
    ['an HTML page', HTML],
    ['random bytes read as UTF-8', decodeConsoleOutput(randomBytes(7, 4096).map((byte) => byte | 1)).text],
    [
      'random bytes read as UTF-16LE',
      decodeConsoleOutput(randomBytes(11, 4096).map((byte, index) => (index % 2 ? 0 : byte))).text,
    ],
    ['random bytes', decodeConsoleOutput(randomBytes(42, 8192)).text],
  ];

  it.each(garbage)('%s is unreadable for every parser, naming the probe', (_, text) => {
    for (const [name, reader] of Object.entries(READERS)) {
      expect(reader(text), name).toMatchObject({ ok: false, unreadable: { probe: PROBE } });
    }
    expect(classifyNvidiaSmiFailure(text, 0)).toBeUndefined();
  });

  it.each(garbage)('%s gives the stream no sample', (_, text) => {
    const parser = createGpuStreamParser();
    expect([...parser.push(text), ...parser.flush()]).toEqual([]);
  });
});

describe('no input makes a parser throw (fast-check)', () => {
  const texts = FIXTURES.map(read);
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({
      unit: fc.constantFrom(
        '|',
        ',',
        ' ',
        '\n',
        '\r',
        ':',
        '[N/A]',
        'MiB',
        '<',
        '>',
        '/',
        '0',
        '9',
        '.',
        '-',
        '"',
        'GPU',
      ),
      maxLength: 200,
    }),
    // A fixture with a slice replaced by arbitrary text: cut, spliced and corrupted real output.
    fc
      .tuple(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.nat({ max: 300 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
      )
      .map(([text, at, length, insert]) => {
        const start = at % (text.length + 1);
        return text.slice(0, start) + insert + text.slice(start + length);
      }),
  );

  it('Parsed parsers return ok or unreadable naming the probe', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const reader of Object.values(READERS)) {
          const result = reader(text);
          if (!result.ok) expect(result.unreadable.probe).toBe(PROBE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the failure classifier and the stream parser never throw, whatever the chunks', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(fc.nat({ max: 50 }), { maxLength: 20 }),
        fc.integer({ min: -2, max: 300 }),
        (text, cuts, exitCode) => {
          classifyNvidiaSmiFailure(text, exitCode);
          const parser = createGpuStreamParser();
          let rest = text;
          for (const cut of cuts) {
            parser.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          parser.push(rest);
          parser.flush();
          expect(parser.skippedLines).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
