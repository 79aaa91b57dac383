import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWslConfig } from './check';
import { decodeConfigBytes, encodeConfigText } from './config-bytes';
import { setWslConfigValues, unsetWslConfigKeys } from './edit';
import { WslConfigEditError } from './format-value';

/** Text built from the pieces .wslconfig files are made of, so the properties reach the parser's corners. */
const configText = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '[wsl2]',
          '[experimental]',
          '[WSL2]',
          '[wsl',
          '[ x ]',
          'memory',
          'processors',
          'networkingMode',
          'swapFile',
          'kernelCommandLine',
        ),
      },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '=',
          ' = ',
          '#',
          ';',
          '"',
          '\\',
          '\\\\',
          '\\t',
          '\r\n',
          '\n',
          '\r',
          ' ',
          '\t',
          '\uFEFF',
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '8GB',
          '8gb',
          '1.5GB',
          '0',
          'true',
          'mirrored',
          'C:\\temp',
          '核心',
          'ö',
          '\0',
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const utf8 = (text: string): Uint8Array => encodeConfigText(text, { encoding: 'utf-8', bom: false });
const runs = { numRuns: 400 };

describe('lossless printing', () => {
  it('gives back the same bytes for any bytes at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeConfigBytes(bytes);
        expect(encodeConfigText(decoded.text, decoded)).toEqual(bytes);
      }),
      runs,
    );
  });

  it('gives back the same bytes for any text, in UTF-8 with or without a BOM and in UTF-16LE with a BOM', () => {
    fc.assert(
      fc.property(
        fc.oneof(configText, fc.string({ unit: 'grapheme', maxLength: 60 })),
        fc.constantFrom('utf8', 'utf8bom', 'utf16'),
        (text, form) => {
          const bytes =
            form === 'utf16'
              ? encodeConfigText(text, { encoding: 'utf-16le', bom: true })
              : encodeConfigText(text, { encoding: 'utf-8', bom: form === 'utf8bom' });
          const decoded = decodeConfigBytes(bytes);
          expect(encodeConfigText(decoded.text, decoded)).toEqual(bytes);
        },
      ),
      runs,
    );
  });
});

describe('robustness', () => {
  it('checks any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), configText.map(utf8)), (bytes) => {
        const result = checkWslConfig(bytes, { totalMemoryBytes: 2 ** 34, logicalProcessors: 8 });
        for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      runs,
    );
  });

  it('sets and unsets on any file without throwing anything but an edit error, and what it sets reads back', () => {
    fc.assert(
      fc.property(
        configText,
        fc.constantFrom(
          ['wsl2.memory', '12GB', 12 * 2 ** 30],
          ['wsl2.networkingMode', 'mirrored', 'Mirrored'],
          ['wsl2.swapFile', 'D:\\swap.vhdx', 'D:\\swap.vhdx'],
        ),
        (text, [key, value, expected]) => {
          const bytes = utf8(text);
          try {
            const edited = setWslConfigValues(bytes, [{ key, value }]);
            expect(checkWslConfig(edited).settings[key]).toEqual(expected);
          } catch (error) {
            expect(error).toBeInstanceOf(WslConfigEditError);
          }
          try {
            const removed = unsetWslConfigKeys(bytes, [key]);
            expect(checkWslConfig(removed).settings[key]).toBeUndefined();
          } catch (error) {
            expect(error).toBeInstanceOf(WslConfigEditError);
          }
        },
      ),
      runs,
    );
  });
});
