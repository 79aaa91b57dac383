import { describe, expect, it } from 'vitest';
import { parseAttribOutput } from './windows-attributes';

describe('parseAttribOutput', () => {
  it('reads Hidden and System from attrib.exe’s answer on Windows and under Wine', () => {
    expect(
      parseAttribOutput('A  SH        C:\\Users\\ana\\.wslconfig\r\n', 'C:\\Users\\ana\\.wslconfig'),
    ).toEqual({
      hidden: true,
      system: true,
    });
    expect(parseAttribOutput('A   H        Z:\\tmp\\.wslconfig\r\n', 'z:\\tmp\\.wslconfig')).toEqual({
      hidden: true,
      system: false,
    });
    expect(
      parseAttribOutput('A            C:\\Users\\ana\\.wslconfig\r\n', 'C:\\Users\\ana\\.wslconfig'),
    ).toEqual({
      hidden: false,
      system: false,
    });
  });

  it('reads nothing from an error or another file', () => {
    expect(parseAttribOutput('File not found - C:\\x\r\n', 'C:\\x')).toBeUndefined();
    expect(parseAttribOutput('A  SH        C:\\other\r\n', 'C:\\x')).toBeUndefined();
  });
});
