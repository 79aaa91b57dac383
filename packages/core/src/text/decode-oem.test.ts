import { describe, expect, it } from 'vitest';
import { decodeOemOutput, isKnownCodePage, OEM_HIGH_HALVES } from './decode-oem';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

/** `C:\Users\Jürgen ÄÖÜß` in code page 437 (a US English console). */
const CP437_FOLDER = bytes(
  ...ascii('C:\\Users\\J'),
  0x81,
  ...ascii('rgen '),
  0x8e,
  0x99,
  0x9a,
  0xe1,
  0x0d,
  0x0a,
);
/** `C:\Users\Jürgen ø` in code page 850 (a western European console): ø is 0x9B, where 437 has ¢. */
const CP850_FOLDER = bytes(...ascii('C:\\Users\\J'), 0x81, ...ascii('rgen '), 0x9b, 0x0d, 0x0a);
/** `Windows 11 Version 24H2 の累積更新プログラム` in code page 932 (Shift_JIS, a Japanese console). */
const CP932_TITLE = bytes(
  ...ascii('Windows 11 Version 24H2 '),
  130,
  204,
  151,
  221,
  144,
  207,
  141,
  88,
  144,
  86,
  131,
  118,
  131,
  141,
  131,
  79,
  131,
  137,
  131,
  128,
);

describe('decodeOemOutput', () => {
  it('reads code page 437 and 850 with their own tables', () => {
    expect(decodeOemOutput(CP437_FOLDER, 437)).toEqual({
      text: 'C:\\Users\\Jürgen ÄÖÜß\n',
      encoding: 'cp437',
    });
    expect(decodeOemOutput(CP850_FOLDER, 850).text).toBe('C:\\Users\\Jürgen ø\n');
    expect(decodeOemOutput(CP850_FOLDER, 437).text).toBe('C:\\Users\\Jürgen ¢\n');
  });

  it('reads a Japanese update title in code page 932 (Shift_JIS)', () => {
    expect(decodeOemOutput(CP932_TITLE, 932)).toEqual({
      text: 'Windows 11 Version 24H2 の累積更新プログラム',
      encoding: 'cp932',
    });
  });

  it('lets a byte-order mark or UTF-16LE win over the code page', () => {
    const utf16 = new Uint8Array(Buffer.from('Jürgen\r\n', 'utf16le'));
    expect(decodeOemOutput(utf16, 850)).toEqual({ text: 'Jürgen\n', encoding: 'utf-16le' });
    expect(decodeOemOutput(bytes(0xef, 0xbb, 0xbf, 0x4a, 0xc3, 0xbc), 850).text).toBe('Jü');
  });

  it('reads 65001 as UTF-8, and an unknown code page as UTF-8 with a note', () => {
    const utf8 = new Uint8Array(Buffer.from('für', 'utf8'));
    expect(decodeOemOutput(utf8, 65001)).toEqual({ text: 'für', encoding: 'utf-8' });
    expect(decodeOemOutput(utf8, 720)).toMatchObject({
      text: 'für',
      encoding: 'utf-8',
      note: 'code page 720 is not one Headroom decodes; read as UTF-8',
    });
    expect(isKnownCodePage(720)).toBe(false);
    expect(isKnownCodePage(1252)).toBe(true);
  });

  it('has 128 characters in each table', () => {
    for (const table of Object.values(OEM_HIGH_HALVES)) expect(Array.from(table)).toHaveLength(128);
  });
});
