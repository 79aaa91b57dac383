import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeConsoleOutput, normalizeLineEnds } from './decode-console';

/** Encode text the way the Windows CRT's U16 text mode writes it: UTF-16LE, no BOM unless asked. */
function utf16le(text: string, { bom = false } = {}): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]) : bytes;
}

const listVerbose = '  NAME            STATE           VERSION\r\n* Ubuntu-24.04    Running         2\r\n';
const zhVersion = readFileSync(
  new URL('../testdata/wsl/wsl-version.zh-CN.issue9640.txt', import.meta.url),
  'utf8',
);

describe('decodeConsoleOutput', () => {
  it('reads UTF-16LE without a BOM, as wsl.exe writes by default', () => {
    const decoded = decodeConsoleOutput(utf16le(listVerbose));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(
      '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running         2\n',
    );
  });

  it('reads UTF-16LE with a BOM and drops the BOM', () => {
    const decoded = decodeConsoleOutput(utf16le(listVerbose, { bom: true }));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text.startsWith('  NAME')).toBe(true);
  });

  it('reads localised UTF-16LE output with CJK text and full-width colons', () => {
    const consoleBytes = utf16le(zhVersion.replace(/\n/g, '\r\n'));
    const decoded = decodeConsoleOutput(consoleBytes);
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(zhVersion);
    expect(decoded.text.split('\n')[0]).toBe('WSL 版本： 1.0.3.0');
  });

  it('reads UTF-8, as wsl.exe writes with WSL_UTF8=1 and Linux programs write through wsl -e', () => {
    const decoded = decodeConsoleOutput(Buffer.from(zhVersion.replace(/\n/g, '\r\n'), 'utf8'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(zhVersion);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeConsoleOutput(Buffer.from('\uFEFFUbuntu-24.04\r\n', 'utf8'));
    expect(decoded).toEqual({ encoding: 'utf-8', text: 'Ubuntu-24.04\n' });
  });

  it('turns the stray \\r\\r\\n that wsl.exe sometimes writes into one line end', () => {
    expect(decodeConsoleOutput(utf16le('Ubuntu-24.04\r\r\ndocker-desktop\r\r\n')).text).toBe(
      'Ubuntu-24.04\ndocker-desktop\n',
    );
    expect(decodeConsoleOutput(Buffer.from('a\r\r\nb\r\n', 'utf8')).text).toBe('a\nb\n');
  });

  it('returns empty text for empty output', () => {
    expect(decodeConsoleOutput(new Uint8Array())).toEqual({ encoding: 'utf-8', text: '' });
  });

  it('survives a UTF-16LE stream cut in the middle of a character', () => {
    const cut = utf16le('Ubuntu\r\n').subarray(0, 15);
    expect(decodeConsoleOutput(cut).text.startsWith('Ubuntu\n')).toBe(true);
  });

  it('reads UTF-16LE without any NUL byte when the bytes are not valid UTF-8', () => {
    const decoded = decodeConsoleOutput(utf16le('版本：'));
    expect(decoded).toEqual({ encoding: 'utf-16le', text: '版本：' });
  });
});

describe('normalizeLineEnds', () => {
  it('turns CRLF, CR CR LF and lone CR into LF and leaves LF alone', () => {
    expect(normalizeLineEnds('a\r\nb\r\r\nc\rd\ne')).toBe('a\nb\nc\nd\ne');
  });
});
