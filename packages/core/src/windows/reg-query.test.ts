import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getRegNumber, getRegString, getRegValue, parseRegQuery, type RegQueryResult } from './reg-query';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/registry/${name}`, import.meta.url), 'utf8');

function ok(text: string, exitCode: number | null = 0): RegQueryResult {
  const result = parseRegQuery(text, exitCode, 'reg-test');
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.value;
}

describe('parseRegQuery', () => {
  it('reads a single DWORD value from CRLF output', () => {
    const result = ok(fixture('hags-on.txt'));
    expect(result).toEqual({
      found: true,
      complete: true,
      keys: [
        {
          path: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\GraphicsDrivers',
          values: { HwSchMode: { type: 'REG_DWORD', data: 2 } },
        },
      ],
    });
  });

  it('reads every value type of a whole key: names with spaces, empty data, multi-strings, QWORDs, subkeys', () => {
    const result = ok(fixture('windows-version-24h2.txt'));
    const key = result.keys[0];
    if (!key) throw new Error('no key');
    expect(key.path).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion');
    expect(getRegString(key, 'CurrentBuild')).toBe('26100');
    expect(getRegNumber(key, 'UBR')).toBe(2894);
    expect(getRegValue(key, 'RegisteredOrganization')).toEqual({ type: 'REG_SZ', data: '' });
    expect(getRegValue(key, 'DigitalProductId')?.type).toBe('REG_BINARY');
    // A QWORD beyond 2^53 keeps its printed hex text instead of losing precision.
    expect(getRegValue(key, 'InstallTime')).toEqual({ type: 'REG_QWORD', data: '0x1db0a2c5e8f1a40' });
    // The subkeys listed after the values become keys without values.
    expect(result.keys.map((k) => k.path.split('\\').pop())).toContain('Winlogon');
    expect(result.keys.slice(1).every((k) => Object.keys(k.values).length === 0)).toBe(true);
  });

  it('reads value names with spaces and REG_EXPAND_SZ data unexpanded', () => {
    const key = ok(fixture('shell-folders-local.txt')).keys[0];
    if (!key) throw new Error('no key');
    expect(getRegValue(key, 'My Pictures')).toEqual({
      type: 'REG_EXPAND_SZ',
      data: '%USERPROFILE%\\Pictures',
    });
    expect(getRegString(key, 'Local AppData')).toBe('%USERPROFILE%\\AppData\\Local');
  });

  it('splits REG_MULTI_SZ at the literal \\0 reg.exe prints and reads a recursive /s listing key by key', () => {
    const result = ok(fixture('display-class-desktop-rtx4090.txt'));
    const [root, adapter] = result.keys;
    expect(root && getRegValue(root, 'IconPath')).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['%SystemRoot%\\System32\\setupapi.dll,-3'],
    });
    expect(root && getRegValue(root, 'UpperFilters')).toEqual({ type: 'REG_MULTI_SZ', data: [] });
    expect(root && getRegString(root, '(Default)')).toBe('Display adapters');
    expect(adapter?.path.endsWith('\\0000')).toBe(true);
    const drivers = adapter && getRegValue(adapter, 'InstalledDisplayDrivers');
    expect(Array.isArray(drivers?.data) && drivers.data.length).toBe(4);
    expect(adapter && getRegNumber(adapter, 'HardwareInformation.qwMemorySize')).toBe(24 * 1024 ** 3);
    expect(result.keys.map((k) => k.path.slice(k.path.lastIndexOf('}') + 1))).toEqual([
      '',
      '\\0000',
      '\\0000\\Settings',
      '\\0000\\VolatileSettings',
      '\\Configuration',
      '\\Properties',
    ]);
  });

  it('looks names up case-insensitively, as the registry does', () => {
    const key = ok(fixture('hags-on.txt')).keys[0];
    expect(key && getRegNumber(key, 'hwschmode')).toBe(2);
    expect(key && getRegString(key, 'HwSchMode')).toBeUndefined();
  });

  it('reads a missing key or value from exit code 1 whatever language the error is in', () => {
    for (const name of ['missing-value.de-DE.stderr.txt', 'missing-value.en-US.stderr.txt']) {
      expect(ok(fixture(name), 1)).toEqual({ found: false, keys: [], complete: false });
    }
    expect(ok('', 1).found).toBe(false);
  });

  it('keeps the keys printed before reg.exe stopped with exit 1', () => {
    const result = ok(fixture('display-class-partial.txt'), 1);
    expect(result.found).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.keys.length).toBeGreaterThan(1);
  });

  it('is unreadable for a timeout, an unexpected exit code, or exit 0 without a key', () => {
    for (const [text, exitCode] of [
      ['', null],
      ['', 5],
      ['ERROR: Invalid syntax.\r\nType "REG QUERY /?" for usage.\r\n', 0],
    ] as const) {
      const result = parseRegQuery(text, exitCode, 'reg-hags');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.unreadable.probe).toBe('reg-hags');
    }
  });

  it('ignores localised lines such as the end-of-search summary and keeps the first of repeated names', () => {
    const text = [
      '',
      'HKEY_LOCAL_MACHINE\\X',
      '    A    REG_SZ    first',
      '    A    REG_SZ    second',
      '    B    REG_DWORD    0xzz',
      '',
      'Suche beendet: 2 Übereinstimmung(en) gefunden.',
      '',
    ].join('\r\n');
    const key = ok(text).keys[0];
    expect(key?.values).toEqual({
      A: { type: 'REG_SZ', data: 'first' },
      B: { type: 'REG_DWORD', data: '0xzz' },
    });
  });

  it('keeps a value named __proto__ as a value', () => {
    const key = ok('\r\nHKEY_CURRENT_USER\\X\r\n    __proto__    REG_SZ    x\r\n').keys[0];
    expect(key && getRegString(key, '__proto__')).toBe('x');
    expect(key && Object.getPrototypeOf(key.values)).toBe(Object.prototype);
  });
});
