import { describe, expect, it } from 'vitest';
import { checkWslConfig, type HostFacts } from './check';

const GB = 2 ** 30;

/** Check a hand-written file; `ignored` lists the lines WSL skips, `codes` every problem as `line:code`. */
function check(text: string, host: HostFacts = {}) {
  const result = checkWslConfig(text, host);
  return {
    ...result,
    ignored: [...new Set(result.problems.filter((p) => p.ignoredByWsl).map((p) => p.line))],
    codes: result.problems.map((p) => `${p.line}:${p.code}`),
    problem: (code: string) => result.problems.find((p) => p.code === code),
  };
}

describe('comments', () => {
  it('treats # as a comment on its own line, after a value, straight after a value and after a header', () => {
    const r = check('# top\n[wsl2] # header\nmemory=8GB # note\nprocessors=4#tight\nswap = 0\t# tab\n');
    expect(r.settings).toEqual({ 'wsl2.memory': 8 * GB, 'wsl2.processors': 4, 'wsl2.swap': 0 });
    expect(r.problems).toEqual([]);
  });

  it('keeps # inside quotes as part of the value', () => {
    expect(check('[wsl2]\nkernelCommandLine="a # b"\n').settings).toEqual({
      'wsl2.kernelCommandLine': 'a # b',
    });
  });

  it('does not treat ; as a comment: a ; line is skipped with a warning, and a ; after a value is part of it', () => {
    const r = check('; my settings\n[wsl2]\nmemory=8GB ; eight\nkernelCommandLine = quiet ; comment\n');
    expect(r.ignored).toEqual([1, 3]);
    expect(r.codes).toEqual([
      '1:invalid-key-name',
      '3:invalid-size',
      '3:semicolon-comment',
      '4:semicolon-comment',
    ]);
    expect(r.settings).toEqual({ 'wsl2.kernelCommandLine': 'quiet ; comment' });
    expect(r.problems[0]?.fix?.edits).toEqual([{ kind: 'replace-line', line: 1, text: '# my settings' }]);
  });
});

describe('sections and keys', () => {
  it('reads section and key names case-insensitively and answers in WSL’s spelling', () => {
    expect(check('[WSL2]\nMemory=4GB\nlocalhostforwarding=true\n').settings).toEqual({
      'wsl2.memory': 4 * GB,
      'wsl2.localhostForwarding': true,
    });
  });

  it('ignores a key before any section as unknown, and offers to move it under its section', () => {
    const r = check('memory=4GB\n[wsl2]\n');
    expect(r.settings).toEqual({});
    expect(r.codes).toEqual(['1:key-outside-section']);
    expect(r.problems[0]?.fix?.edits).toEqual([
      { kind: 'delete-line', line: 1 },
      { kind: 'set', key: 'wsl2.memory', value: '4GB' },
    ]);
  });

  it('does not read [wsl] as [wsl2]', () => {
    const r = check('[wsl]\nmemory=4GB\n');
    expect(r.settings).toEqual({});
    expect(r.ignored).toEqual([2]);
    expect(r.problem('wrong-section-name')?.fix?.edits).toEqual([
      { kind: 'replace-line', line: 1, text: '[wsl2]' },
    ]);
  });

  it('reads networkingMode, dnsTunneling, firewall and autoProxy under [wsl2] or [experimental] as one key', () => {
    const r = check('[experimental]\nnetworkingMode=mirrored\nfirewall=false\n[wsl2]\nnetworkingMode=nat\n');
    expect(r.settings).toEqual({ 'wsl2.networkingMode': 'Mirrored', 'wsl2.firewall': false });
    expect(r.codes).toContain('5:duplicate-key');
    expect(r.codes).toContain('2:legacy-experimental-location');
  });

  it('lets the first occurrence of a key win, even when its value was invalid', () => {
    const r = check('[wsl2]\nmemory=8gb\nmemory=8GB\nprocessors=2\nprocessors=4\n');
    expect(r.settings).toEqual({ 'wsl2.processors': 2 });
    expect(r.ignored).toEqual([2, 3, 5]);
    expect(r.problems.find((p) => p.line === 3)?.message).toContain('WSL uses its default');
  });

  it('flags the [experimental] keys people put under [wsl2], with a fix that moves them', () => {
    const r = check('[wsl2]\nautoMemoryReclaim=dropcache\nsparseVhd=true\n');
    expect(r.settings).toEqual({});
    expect(r.ignored).toEqual([2, 3]);
    expect(r.problem('experimental-key-in-wsl2')?.fix?.edits).toEqual([
      { kind: 'delete-line', line: 2 },
      { kind: 'set', key: 'experimental.autoMemoryReclaim', value: 'dropcache' },
    ]);
  });

  it('explains wsl.conf keys and sections pasted into .wslconfig, and keys WSL no longer reads', () => {
    const r = check('[boot]\nsystemd=true\n[wsl2]\nappendWindowsPath=false\npageReporting=false\n');
    expect(r.ignored).toEqual([2, 4, 5]);
    expect(r.codes).toEqual([
      '1:wsl-conf-section',
      '2:unknown-key',
      '2:wsl-conf-key',
      '4:unknown-key',
      '4:wsl-conf-key',
      '5:unknown-key',
      '5:removed-key',
    ]);
    expect(r.problems.find((p) => p.code === 'wsl-conf-key')?.message).toContain('/etc/wsl.conf');
  });

  it('suggests the key a typo meant', () => {
    const r = check('[wsl2]\nmemmory=4GB\n');
    expect(r.problems[0]?.message).toContain('did you mean `memory`?');
    expect(r.problems[0]?.fix?.edits).toEqual([{ kind: 'replace-line', line: 2, text: 'memory=4GB' }]);
  });

  it('follows WSL when a header is broken: keys after it keep the old section or a garbled one', () => {
    const r = check('[wsl2]\nmemory=4GB\n[experimental 2]\nsparseVhd=true\n[ wsl2 ]\nswap=0\n');
    expect(r.settings).toEqual({ 'wsl2.memory': 4 * GB });
    expect(r.codes).toEqual([
      '3:unclosed-section',
      '4:unknown-key',
      '5:invalid-section-name',
      '6:unknown-key',
    ]);
    expect(r.problems[2]?.fix?.edits).toEqual([{ kind: 'replace-line', line: 5, text: '[wsl2]' }]);
  });

  it('reports lines that are not key=value', () => {
    const r = check('[wsl2]\nmemory: 4GB\nauto-proxy=true\n// note\n');
    expect(r.codes).toEqual(['2:missing-equals', '3:missing-equals', '4:invalid-key-name']);
    expect(r.problems[0]?.fix?.edits).toEqual([{ kind: 'replace-line', line: 2, text: 'memory=4GB' }]);
  });
});

describe('quotes and escapes', () => {
  it('toggles quotes anywhere and removes them, keeping spaces inside', () => {
    expect(check('[wsl2]\nkernelCommandLine=" a "\n').settings['wsl2.kernelCommandLine']).toBe(' a ');
    expect(check('[wsl2]\nkernelCommandLine=x"y z"w\n').settings['wsl2.kernelCommandLine']).toBe('xy zw');
  });

  it('reads \\\\ \\" \\b \\n \\t and backslash-newline continuation', () => {
    const r = check('[wsl2]\nkernelCommandLine=a\\\\b\\"c\\td\\ne\\bf \\\n  g\n');
    expect(r.settings['wsl2.kernelCommandLine']).toBe('a\\b"c\td\ne\bf   g');
  });

  it('drops the whole line at any other escape', () => {
    const r = check('[wsl2]\nswapFile=C:\\Users\\me\\swap.vhdx\nmemory=4GB\n');
    expect(r.settings).toEqual({ 'wsl2.memory': 4 * GB });
    expect(r.codes).toEqual(['2:invalid-escape']);
    expect(r.problems[0]?.fix?.edits).toEqual([
      { kind: 'replace-line', line: 2, text: 'swapFile=C:\\\\Users\\\\me\\\\swap.vhdx' },
    ]);
  });

  it('says what WSL really reads when single backslashes form valid escapes', () => {
    const r = check('[wsl2]\nkernel=C:\\temp\\bzImage\n');
    expect(r.settings['wsl2.kernel']).toBe('C:\temp\bzImage');
    expect(r.problems).toMatchObject([{ code: 'path-escapes', ignoredByWsl: false, severity: 'error' }]);
    expect(r.problems[0]?.message).toContain('C:<TAB>emp<BACKSPACE>zImage');
  });

  it('drops a line whose quote never closes', () => {
    expect(check('[wsl2]\nkernelCommandLine="quiet\n').codes).toEqual(['2:unclosed-quote']);
  });

  it('warns that non-ASCII values arrive garbled', () => {
    const r = check('[wsl2]\nswapFile=C:\\\\Users\\\\Jöhn\\\\swap.vhdx\n');
    expect(r.codes).toEqual(['2:non-ascii-value']);
    expect(r.settings['wsl2.swapFile']).not.toContain('ö');
  });
});

describe('values', () => {
  it('ignores lower-case and fractional sizes and offers the exact size', () => {
    const r = check('[wsl2]\nmemory=8gb\nswap=1.5GB\n');
    expect(r.settings).toEqual({});
    expect(r.problems.map((p) => p.fix?.edits)).toEqual([
      [{ kind: 'replace-line', line: 2, text: 'memory=8GB' }],
      [{ kind: 'replace-line', line: 3, text: 'swap=1536MB' }],
    ]);
  });

  it('reads memory=8 as 8 bytes, which WSL raises to 256MB', () => {
    const r = check('[wsl2]\nmemory=8\n');
    expect(r.settings).toEqual({ 'wsl2.memory': 8 });
    expect(r.problems).toMatchObject([{ code: 'memory-below-minimum', ignoredByWsl: false }]);
    expect(r.problems[0]?.fix?.edits).toEqual([{ kind: 'replace-line', line: 2, text: 'memory=8GB' }]);
  });

  it('says when memory or processors exceed the host, given host facts', () => {
    const host = { totalMemoryBytes: 16 * GB, logicalProcessors: 8 };
    expect(check('[wsl2]\nmemory=32GB\nprocessors=16\n', host).codes).toEqual([
      '2:memory-above-host',
      '3:processors-above-host',
    ]);
    expect(check('[wsl2]\nmemory=12GB\nprocessors=8\n', host).codes).toEqual([]);
    expect(check('[wsl2]\nmemory=32GB\nprocessors=16\n').codes).toEqual([]);
  });

  it('reads booleans true/false/1/0 only', () => {
    const r = check('[wsl2]\nguiApplications=0\nlocalhostForwarding=True\nnestedVirtualization=yes\n');
    expect(r.settings).toEqual({ 'wsl2.guiApplications': false, 'wsl2.localhostForwarding': true });
    expect(r.problem('invalid-boolean')?.fix?.edits).toEqual([
      { kind: 'replace-line', line: 4, text: 'nestedVirtualization=true' },
    ]);
  });

  it('reads enums case-insensitively and names the valid values otherwise', () => {
    const r = check('[wsl2]\nnetworkingMode=MIRRORED\n[experimental]\nautoMemoryReclaim=sometimes\n');
    expect(r.settings).toEqual({ 'wsl2.networkingMode': 'Mirrored' });
    expect(r.problem('invalid-enum')?.message).toContain('Disabled, DropCache, Gradual');
  });

  it('warns about autoMemoryReclaim=gradual and cites the known hangs', () => {
    const r = check('[experimental]\nautoMemoryReclaim=gradual\n');
    expect(r.settings).toEqual({ 'experimental.autoMemoryReclaim': 'Gradual' });
    expect(r.problem('auto-memory-reclaim-gradual')).toMatchObject({
      ignoredByWsl: false,
      severity: 'warning',
      source: 'https://github.com/microsoft/WSL/issues/10675',
    });
  });

  it('reads octal integers as WSL does and says so', () => {
    const r = check('[wsl2]\nprocessors=010\n');
    expect(r.settings).toEqual({ 'wsl2.processors': 8 });
    expect(r.codes).toEqual(['2:octal-or-hex-integer']);
  });

  it('warns that gpuSupport=false hides the GPU from CUDA', () => {
    expect(check('[wsl2]\ngpuSupport=false\n').codes).toEqual(['2:gpu-support-off']);
  });

  it('says an invalid MAC address stops WSL from starting', () => {
    expect(check('[wsl2]\nmacAddress=zz\n').problem('invalid-mac-address')?.message).toContain(
      'refuses to start',
    );
  });
});

describe('encodings and line ends', () => {
  const utf16 = (text: string, bom: boolean) =>
    Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(text, 'utf16le')]);

  it('reads UTF-8 with a BOM, UTF-16LE with a BOM, CRLF, mixed line ends and no final newline alike', () => {
    const expected = { 'wsl2.memory': 4 * GB, 'wsl2.swap': 0 };
    expect(check('\uFEFF[wsl2]\nmemory=4GB\nswap=0').settings).toEqual(expected);
    expect(
      checkWslConfig(
        Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('[wsl2]\r\nmemory=4GB\r\nswap=0\r\n')]),
      ).settings,
    ).toEqual(expected);
    expect(checkWslConfig(utf16('[wsl2]\r\nmemory=4GB\r\nswap=0\r\n', true)).settings).toEqual(expected);
    expect(check('[wsl2]\r\nmemory=4GB\nswap=0\r\n').settings).toEqual(expected);
  });

  it('says WSL cannot read UTF-16 without a BOM', () => {
    const r = checkWslConfig(utf16('[wsl2]\r\nmemory=4GB\r\n', false));
    expect(r.settings).toEqual({});
    expect(r.problems.map((p) => [p.line, p.code, p.ignoredByWsl])).toEqual([
      [1, 'utf16-without-bom', true],
      [2, 'utf16-without-bom', true],
    ]);
  });

  it('survives non-ASCII comments', () => {
    const r = check('# 核心配置 — настройки\n[wsl2]                      # 核心配置\nmemory=8GB # 内存\n');
    expect(r.settings).toEqual({ 'wsl2.memory': 8 * GB });
    expect(r.problems).toEqual([]);
  });

  it('treats a lone CR as the end of a value, as WSL does', () => {
    expect(check('[wsl2]\rmemory=4GB\rswap=0\r').settings).toEqual({ 'wsl2.memory': 4 * GB, 'wsl2.swap': 0 });
  });
});

describe('values WSL wraps (issue 15)', () => {
  it('flags memory=-1 as wrapping to 2^64 - 1 bytes and keeps the size exact', () => {
    const result = checkWslConfig('[wsl2]\nmemory=-1\nswap=99999999999999999999\n');
    expect(result.sizes['wsl2.memory']).toBe('18446744073709551615');
    expect(result.sizes['wsl2.swap']).toBe('18446744073709551615');
    const memory = result.problems.find((p) => p.code === 'size-wraps' && p.key === 'wsl2.memory');
    expect(memory).toMatchObject({ severity: 'error', ignoredByWsl: false });
    expect(memory?.message).toContain('18446744073709551615 bytes');
    expect(memory?.message).toContain('lowers it to all of this computer’s RAM');
    expect(result.problems.find((p) => p.key === 'wsl2.swap')?.code).toBe('size-wraps');
  });

  it('flags a unit multiplication that wraps to a small size', () => {
    const result = checkWslConfig('[wsl2]\nmemory=16777216TB\n');
    expect(result.sizes['wsl2.memory']).toBe('0');
    expect(result.problems.map((p) => p.code)).toContain('size-wraps');
  });
});
