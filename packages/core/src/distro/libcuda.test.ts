import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLibcuda } from './libcuda';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/distro/${name}`, import.meta.url), 'utf8');

describe('parseLibcuda', () => {
  it('sees WSL libcuda only, which the loader takes', () => {
    const result = parseLibcuda(fixture('libcuda-wsl.txt'));
    expect(result.ok && result.value).toMatchObject({
      wslLibcudaPresent: true,
      resolvedPath: '/usr/lib/wsl/lib/libcuda.so.1',
      resolvesToWsl: true,
      foreignFiles: [],
    });
    expect(result.ok && result.value.files.map((file) => file.kind)).toEqual(['file', 'file', 'file']);
    expect(result.ok && result.value.ldconfig?.[0]).toEqual({
      soname: 'libcuda.so.1',
      flags: 'libc6,x86-64',
      path: '/usr/lib/wsl/lib/libcuda.so.1',
    });
  });

  it('sees a Linux driver libcuda that shadows WSL one', () => {
    const result = parseLibcuda(fixture('libcuda-shadowed-by-linux-driver.txt'));
    expect(result.ok && result.value).toMatchObject({
      wslLibcudaPresent: true,
      resolvedPath: '/usr/lib/x86_64-linux-gnu/libcuda.so.1',
      resolvesToWsl: false,
      foreignFiles: [
        '/usr/lib/x86_64-linux-gnu/libcuda.so',
        '/usr/lib/x86_64-linux-gnu/libcuda.so.1',
        '/usr/lib/x86_64-linux-gnu/libcuda.so.550.120',
      ],
    });
    expect(result.ok && result.value.files[4]).toEqual({
      path: '/usr/lib/x86_64-linux-gnu/libcuda.so.1',
      kind: 'link',
      target: 'libcuda.so.550.120',
      fromWsl: false,
    });
  });

  it('sees no libcuda at all (no GPU passthrough), and a distro without ldconfig', () => {
    const none = parseLibcuda(fixture('libcuda-no-gpu.txt'));
    expect(none.ok && none.value).toEqual({
      files: [],
      ldconfig: [],
      wslLibcudaPresent: false,
      resolvesToWsl: false,
      foreignFiles: [],
    });
    const noLdconfig = parseLibcuda('file /usr/lib/wsl/lib/libcuda.so.1\nldconfig\nldconfig-missing\n');
    expect(noLdconfig.ok && noLdconfig.value.ldconfig).toBeUndefined();
    expect(noLdconfig.ok && noLdconfig.value.wslLibcudaPresent).toBe(true);
  });

  it('is unreadable for output that is not the probe', () => {
    expect(parseLibcuda('').ok).toBe(false);
    expect(parseLibcuda('sh: 1: syntax error').ok).toBe(false);
  });
});

describe('parseLibcuda and links into /usr/lib/wsl/lib', () => {
  it('counts a libcuda.so.1 that links into WSL’s folder (absolute or relative) as WSL’s own', () => {
    const result = parseLibcuda(
      [
        'file /usr/lib/wsl/lib/libcuda.so.1',
        'link /usr/lib/x86_64-linux-gnu/libcuda.so.1 -> ../wsl/lib/libcuda.so.1',
        'link /usr/local/lib/libcuda.so -> /usr/lib/wsl/lib/libcuda.so.1',
        'ldconfig',
        '\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1',
        '',
      ].join('\n'),
    );
    expect(result.ok && result.value).toMatchObject({ resolvesToWsl: true, foreignFiles: [] });
  });
});
