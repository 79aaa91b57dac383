import { describe, expect, it } from 'vitest';
import { checkWslConfig } from './check';
import { decodeConfigBytes, encodeConfigText } from './config-bytes';
import {
  applyWslConfigFix,
  applyWslConfigFixes,
  setWslConfigValues,
  unsetWslConfigKeys,
  type WslConfigAssignment,
} from './edit';
import { WslConfigEditError } from './format-value';

const utf8 = (text: string): Uint8Array => encodeConfigText(text, { encoding: 'utf-8', bom: false });
const text = (bytes: Uint8Array): string => decodeConfigBytes(bytes).text;
const set = (input: string, ...assignments: WslConfigAssignment[]): string =>
  text(setWslConfigValues(utf8(input), assignments));
const unset = (input: string, ...keys: string[]): string => text(unsetWslConfigKeys(utf8(input), keys));

describe('setWslConfigValues', () => {
  it('replaces only the value of the first occurrence, keeping spacing, case and the inline comment', () => {
    expect(
      set('[WSL2]\n  Memory = 8GB   # half my RAM\nmemory=2GB\n', { key: 'wsl2.memory', value: '12GB' }),
    ).toBe('[WSL2]\n  Memory = 12GB   # half my RAM\nmemory=2GB\n');
  });

  it('fixes an invalid first occurrence in place rather than adding a second one WSL would ignore', () => {
    expect(set('[wsl2]\nmemory=8gb\n', { key: 'wsl2.memory', value: '8GB' })).toBe('[wsl2]\nmemory=8GB\n');
  });

  it('keeps an alias in the section where the user wrote it', () => {
    expect(
      set('[experimental]\nnetworkingMode=nat\n', { key: 'wsl2.networkingMode', value: 'mirrored' }),
    ).toBe('[experimental]\nnetworkingMode=Mirrored\n');
  });

  it('appends a missing key at the end of its section, before the blank lines and the next section’s comment', () => {
    const input = '[wsl2]\nmemory=8GB\n# processors=4\n\n# Experimental\n[experimental]\nsparseVhd=true\n';
    expect(set(input, { key: 'wsl2.swap', value: '0' })).toBe(
      '[wsl2]\nmemory=8GB\n# processors=4\nswap=0\n\n# Experimental\n[experimental]\nsparseVhd=true\n',
    );
    expect(set(input, { key: 'experimental.autoMemoryReclaim', value: 'dropcache' })).toBe(
      `${input}autoMemoryReclaim=DropCache\n`,
    );
  });

  it('creates the section at the end of the file when there is none', () => {
    expect(set('[experimental]\nsparseVhd=true\n', { key: 'wsl2.memory', value: '16GB' })).toBe(
      '[experimental]\nsparseVhd=true\n[wsl2]\nmemory=16GB\n',
    );
    expect(set('', { key: 'wsl2.memory', value: '16GB' })).toBe('[wsl2]\r\nmemory=16GB\r\n');
  });

  it('keeps CRLF, a missing final newline, a UTF-8 BOM and UTF-16LE encoding', () => {
    expect(set('[wsl2]\r\nmemory=8GB', { key: 'wsl2.swap', value: '0' })).toBe(
      '[wsl2]\r\nmemory=8GB\r\nswap=0',
    );
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('[wsl2]\nmemory=8GB\n')]);
    expect(
      Array.from(setWslConfigValues(bom, [{ key: 'wsl2.memory', value: '4GB' }]).subarray(0, 3)),
    ).toEqual([0xef, 0xbb, 0xbf]);
    const utf16 = encodeConfigText('[wsl2]\r\nmemory=8GB\r\n', { encoding: 'utf-16le', bom: true });
    const edited = setWslConfigValues(utf16, [{ key: 'wsl2.memory', value: '4GB' }]);
    expect(edited).toEqual(encodeConfigText('[wsl2]\r\nmemory=4GB\r\n', { encoding: 'utf-16le', bom: true }));
  });

  it('writes values the way WSL reads them', () => {
    const written = set(
      '[wsl2]\n',
      { key: 'wsl2.memory', value: '1.5gb' },
      { key: 'wsl2.swap', value: '8589934592' },
      { key: 'wsl2.guiApplications', value: 'no' },
      { key: 'wsl2.swapFile', value: 'D:\\wsl\\swap.vhdx' },
      { key: 'wsl2.kernelCommandLine', value: 'quiet # not a comment' },
      { key: 'experimental.ignoredPorts', value: '5173, 3000' },
    );
    expect(written).toBe(
      '[wsl2]\nmemory=1536MB\nswap=8GB\nguiApplications=false\nswapFile=D:\\\\wsl\\\\swap.vhdx\nkernelCommandLine="quiet # not a comment"\n[experimental]\nignoredPorts=3000,5173\n',
    );
    expect(checkWslConfig(written).settings).toEqual({
      'wsl2.memory': 1536 * 2 ** 20,
      'wsl2.swap': 8 * 2 ** 30,
      'wsl2.guiApplications': false,
      'wsl2.swapFile': 'D:\\wsl\\swap.vhdx',
      'wsl2.kernelCommandLine': 'quiet # not a comment',
      'experimental.ignoredPorts': [3000, 5173],
    });
  });

  it('refuses unknown keys, invalid values, non-ASCII text and files WSL cannot read, naming what to do', () => {
    const attempt = (input: Uint8Array, assignment: WslConfigAssignment) => () =>
      setWslConfigValues(input, [assignment]);
    expect(attempt(utf8('[wsl2]\n'), { key: 'wsl2.memmory', value: '8GB' })).toThrow(
      /did you mean "wsl2.memory"/,
    );
    expect(attempt(utf8('[wsl2]\n'), { key: 'wsl2.memory', value: 'lots' })).toThrow(WslConfigEditError);
    expect(attempt(utf8('[wsl2]\n'), { key: 'wsl2.networkingMode', value: 'mirror' })).toThrow(
      /did you mean Mirrored/,
    );
    expect(attempt(utf8('[wsl2]\n'), { key: 'wsl2.swapFile', value: 'C:\\Users\\Jöhn\\swap.vhdx' })).toThrow(
      /ASCII/,
    );
    const noBom = Uint8Array.from(Buffer.from('[wsl2]\r\nmemory=8GB\r\n', 'utf16le'));
    expect(attempt(noBom, { key: 'wsl2.memory', value: '4GB' })).toThrow(/UTF-16 without a byte-order mark/);
  });

  it('refuses a carriage return, DEL, ESC, NUL or other control character in a value, writing nothing', () => {
    for (const [char, name] of [
      ['\r', 'carriage return (U+000D)'],
      ['\x7f', 'DEL (U+007F)'],
      ['\x1b', 'ESC (U+001B)'],
      ['\0', 'NUL (U+0000)'],
      ['\x01', 'U+0001'],
    ] as const) {
      const attempt = () =>
        setWslConfigValues(utf8('[wsl2]\n'), [
          { key: 'wsl2.kernelCommandLine', value: `quiet${char}splash` },
        ]);
      expect(attempt).toThrow(WslConfigEditError);
      expect(attempt).toThrow(name);
    }
  });

  it('writes tab, newline and backspace as WSL escapes, and WSL reads back exactly the value asked for', () => {
    const value = 'a\tb\nc\bd "q" \\e';
    const written = set('[wsl2]\n', { key: 'wsl2.kernelCommandLine', value });
    expect(written).toBe('[wsl2]\nkernelCommandLine=a\\tb\\nc\\bd \\"q\\" \\\\e\n');
    expect(checkWslConfig(written).settings['wsl2.kernelCommandLine']).toBe(value);
  });

  it('places a key before a broken header, where WSL still reads it', () => {
    expect(set('[wsl2]\nmemory=8GB\n[my settings]\n', { key: 'wsl2.swap', value: '0' })).toBe(
      '[wsl2]\nmemory=8GB\nswap=0\n[my settings]\n',
    );
  });

  it('refuses, changing nothing, when WSL would not read the key where it has to go', () => {
    const input = utf8('[wsl2]\nkernelCommandLine=quiet \\\n');
    expect(() => setWslConfigValues(input, [{ key: 'wsl2.swap', value: '0' }])).toThrow(
      /could not place wsl2.swap=0/,
    );
  });
});

describe('unsetWslConfigKeys', () => {
  it('removes every occurrence of the key, in every spelling and section, and nothing else', () => {
    const input = '[experimental]\nnetworkingMode=nat # old\n[wsl2]\nmemory=8GB\nNETWORKINGMODE=mirrored\n';
    expect(unset(input, 'wsl2.networkingMode')).toBe('[experimental]\n[wsl2]\nmemory=8GB\n');
  });

  it('keeps a missing final newline and removes continuation lines with their key', () => {
    expect(unset('[wsl2]\nmemory=8GB\nswap=0', 'wsl2.swap')).toBe('[wsl2]\nmemory=8GB');
    expect(unset('[wsl2]\nkernelCommandLine=a \\\n  b\nswap=0\n', 'wsl2.kernelCommandLine')).toBe(
      '[wsl2]\nswap=0\n',
    );
  });

  it('leaves a file without the key byte-identical', () => {
    expect(unset('[wsl2]\r\nmemory=8GB\r\n', 'wsl2.swap')).toBe('[wsl2]\r\nmemory=8GB\r\n');
  });
});

describe('applyWslConfigFix', () => {
  it('applies every problem’s fix so that WSL reads the file without ignoring a line', () => {
    const input =
      '; settings\nmemory=4GB\n[wsl2]\nswap=2gb\nautoMemoryReclaim=dropcache\nswapFile=C:\\temp\\swap.vhdx\n';
    let bytes = utf8(input);
    for (let round = 0; round < 10; round += 1) {
      const problem = checkWslConfig(bytes).problems.find((p) => p.ignoredByWsl && p.fix);
      if (!problem?.fix) break;
      bytes = applyWslConfigFix(bytes, problem.fix);
    }
    const result = checkWslConfig(bytes);
    expect(result.problems.filter((p) => p.ignoredByWsl)).toEqual([]);
    expect(result.settings).toEqual({
      'wsl2.memory': 4 * 2 ** 30,
      'wsl2.swap': 2 * 2 ** 30,
      'experimental.autoMemoryReclaim': 'DropCache',
      'wsl2.swapFile': 'C:\\temp\\swap.vhdx',
    });
  });
});

describe('applyWslConfigFixes', () => {
  it('applies the fixes of one check together, so one fix never lands on a line another moved', () => {
    const text = '[wsl2]\nmemory=8GB\nautoMemoryReclaim=gradual\nsparseVhd=true\n[experimental]\n';
    const fixes = checkWslConfig(text).problems.flatMap((problem) => (problem.fix ? [problem.fix] : []));
    expect(fixes.length).toBeGreaterThan(1);
    const fixed = new TextDecoder().decode(applyWslConfigFixes(new TextEncoder().encode(text), fixes));
    expect(fixed.match(/sparseVhd=true/g)).toHaveLength(1);
    expect(fixed.match(/autoMemoryReclaim=gradual/g)).toHaveLength(1);
    expect(fixed).toContain('[experimental]');
    expect(checkWslConfig(fixed).problems.filter((problem) => problem.ignoredByWsl)).toEqual([]);
  });
});
