import { describe, expect, it } from 'vitest';
import {
  parseWslBool,
  parseWslEnum,
  parseWslInt,
  parseWslIpv4,
  parseWslMac,
  parseWslPorts,
  parseWslSize,
} from './wsl-values';

const GB = 2n ** 30n;

describe('parseWslSize (ParseMemorySize)', () => {
  it.each([
    ['8GB', 8n * GB],
    ['8G', 8n * GB],
    ['1536MB', 1536n * 2n ** 20n],
    ['512M', 512n * 2n ** 20n],
    ['64KB', 64n * 1024n],
    ['64K', 64n * 1024n],
    ['1TB', 2n ** 40n],
    ['100B', 100n],
    ['4294967296', 4294967296n],
    ['0', 0n],
    ['0GB', 0n],
    ['8', 8n],
  ])('reads %s as %s bytes', (text, bytes) => {
    expect(parseWslSize(text)).toBe(bytes);
  });

  it.each(['8gb', '8Gb', '8 GB', '1.5GB', '8GiB', '8g', '', 'GB', '00', '0x10', ' 0', 'eight'])(
    'rejects %j',
    (text) => {
      expect(parseWslSize(text)).toBeUndefined();
    },
  );

  it('follows strtoull: a minus sign wraps around 64 bits, overflow saturates', () => {
    expect(parseWslSize('-1')).toBe(2n ** 64n - 1n);
    expect(parseWslSize('99999999999999999999999')).toBe(2n ** 64n - 1n);
    expect(parseWslSize('-99999999999999999999999')).toBe(2n ** 64n - 1n);
  });
});

describe('parseWslInt (strtol base 0, 32-bit long)', () => {
  it('reads decimal, 0x hex, 0 octal and signs', () => {
    expect(parseWslInt('8')?.value).toBe(8);
    expect(parseWslInt('0x10')?.value).toBe(16);
    expect(parseWslInt('010')?.value).toBe(8);
    expect(parseWslInt('-1')?.value).toBe(-1);
    expect(parseWslInt('+4')?.value).toBe(4);
  });

  it('rejects empty values, trailing text and digits outside the base', () => {
    for (const text of ['', '4 cores', '08', '0x', '4.0', 'four'])
      expect(parseWslInt(text), text).toBeUndefined();
  });

  it('saturates out-of-range values at the 32-bit limits, as MSVC strtol does', () => {
    expect(parseWslInt('99999999999')).toEqual({ value: 2147483647, saturated: true });
    expect(parseWslInt('-99999999999')).toEqual({ value: -2147483648, saturated: true });
  });
});

describe('parseWslBool', () => {
  it('accepts exactly true/false (any case) and 1/0', () => {
    expect(['true', 'True', 'TRUE', '1'].map(parseWslBool)).toEqual([true, true, true, true]);
    expect(['false', 'False', '0'].map(parseWslBool)).toEqual([false, false, false]);
    expect(['yes', 'on', 't', 'no', '', ' true'].map(parseWslBool)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('the other value types', () => {
  it('matches enums case-insensitively and answers in WSL’s spelling', () => {
    expect(parseWslEnum('mirrored', ['Nat', 'Mirrored'])).toBe('Mirrored');
    expect(parseWslEnum('dropcache', ['Disabled', 'DropCache', 'Gradual'])).toBe('DropCache');
    expect(parseWslEnum('mirror', ['Nat', 'Mirrored'])).toBeUndefined();
  });

  it('reads IPv4 addresses, MAC addresses and port lists as WSL does', () => {
    expect(parseWslIpv4('10.255.255.254')).toBe('10.255.255.254');
    expect(parseWslIpv4('10.255.255')).toBeUndefined();
    expect(parseWslIpv4('256.1.1.1')).toBeUndefined();
    expect(parseWslMac('00:15:5d:01:02:03')).toBe('00:15:5d:01:02:03');
    expect(parseWslMac('00-15-5D-01-02-03')).toBe('00-15-5D-01-02-03');
    expect(parseWslMac('00:15:5d:01:02')).toBeUndefined();
    expect(parseWslMac('00:15-5d:01:02:03')).toBeUndefined();
    expect(parseWslPorts('3000,,5173, 8080,80abc,0,70000,x')).toEqual({
      ports: [80, 3000, 5173, 8080],
      rejected: ['0', '70000', 'x'],
    });
  });
});
