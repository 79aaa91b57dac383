import { describe, expect, it } from 'vitest';
import {
  parseWslListQuiet,
  parseWslListVerbose,
  readWslListVerbose,
  WslListParseError,
} from './list-verbose';

describe('parseWslListVerbose', () => {
  it('reads name, default marker, state and version of every distro', () => {
    const text = [
      '  NAME            STATE           VERSION',
      '* Ubuntu-24.04    Running         2',
      '  docker-desktop  Stopped         2',
      '  Legacy          Stopped         1',
      '',
    ].join('\n');
    expect(parseWslListVerbose(text)).toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Stopped', version: 2 },
      { name: 'Legacy', isDefault: false, state: 'Stopped', version: 1 },
    ]);
  });

  it('reads the column width WSL uses for long names (longest name + 4)', () => {
    const text =
      '  NAME                            STATE           VERSION\n* Ubuntu-22.04-with-a-long-name    Converting      2\n';
    expect(parseWslListVerbose(text)).toEqual([
      { name: 'Ubuntu-22.04-with-a-long-name', isDefault: true, state: 'Converting', version: 2 },
    ]);
  });

  it('maps a state word it does not know to Unknown instead of failing', () => {
    expect(parseWslListVerbose('  NAME STATE VERSION\n* Arch    Hibernating 2\n')[0]?.state).toBe('Unknown');
  });

  it('throws a parse error naming the line when a row is malformed', () => {
    const text = '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running\n';
    expect(() => parseWslListVerbose(text)).toThrow(WslListParseError);
    expect(() => parseWslListVerbose(text)).toThrow(/Line 2/);
  });

  it('throws when the header is missing, e.g. for a localised error message', () => {
    const text = 'Windows Subsystem for Linux has no installed distributions.\n';
    expect(() => parseWslListVerbose(text)).toThrow(/header/);
  });
});

describe('readWslListVerbose', () => {
  it('keeps the rows it can read and names the one it cannot, never claiming a version WSL does not have', () => {
    const text = [
      '  NAME            STATE           VERSION',
      '* Ubuntu-24.04    Running         2',
      '  Odd             Stopped         3',
      '  Broken',
      '  Legacy          Stopped         1',
      '',
    ].join('\n');
    const read = readWslListVerbose(text);
    expect(read.distros.map((distro) => distro.name)).toEqual(['Ubuntu-24.04', 'Legacy']);
    expect(read.unread).toEqual([
      {
        line: 3,
        text: 'Odd             Stopped         3',
        reason: 'VERSION 3 is not one Headroom knows (WSL has versions 1 and 2)',
      },
      { line: 4, text: 'Broken', reason: 'not a distro row' },
    ]);
  });
});

describe('parseWslListQuiet', () => {
  it('returns one name per line and nothing for empty output', () => {
    expect(parseWslListQuiet('Ubuntu-24.04\ndocker-desktop\n')).toEqual(['Ubuntu-24.04', 'docker-desktop']);
    expect(parseWslListQuiet('')).toEqual([]);
    expect(parseWslListQuiet('\n')).toEqual([]);
  });
});
