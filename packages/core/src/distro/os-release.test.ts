import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsRelease } from './os-release';

const ubuntu = readFileSync(
  new URL('../testdata/distro/os-release-ubuntu-24.04.txt', import.meta.url),
  'utf8',
);

describe('parseOsRelease', () => {
  it('reads Ubuntu 24.04', () => {
    const result = parseOsRelease(ubuntu);
    expect(result.ok && result.value).toMatchObject({
      id: 'ubuntu',
      versionId: '24.04',
      prettyName: 'Ubuntu 24.04.1 LTS',
      idLike: ['debian'],
    });
    expect(result.ok && result.value.fields.VERSION_CODENAME).toBe('noble');
  });

  it('undoes double and single quotes and escapes, and ignores comments and junk', () => {
    const text = [
      '# comment',
      'ID=opensuse-tumbleweed',
      'ID_LIKE="opensuse suse"',
      `PRETTY_NAME='openSUSE Tumbleweed'`,
      'NAME="A \\"quoted\\" \\$name"',
      'not an assignment',
    ].join('\n');
    const result = parseOsRelease(text);
    expect(result.ok && result.value).toMatchObject({
      id: 'opensuse-tumbleweed',
      idLike: ['opensuse', 'suse'],
      prettyName: 'openSUSE Tumbleweed',
      fields: { NAME: 'A "quoted" $name' },
    });
    expect(result.ok && 'versionId' in result.value).toBe(false);
  });

  it('uses the specification defaults when ID and PRETTY_NAME are absent', () => {
    const result = parseOsRelease('NAME=Something\n');
    expect(result.ok && [result.value.id, result.value.prettyName]).toEqual(['linux', 'Linux']);
  });

  it('is unreadable without a single assignment', () => {
    expect(parseOsRelease('cat: /usr/lib/os-release: No such file or directory').ok).toBe(false);
  });
});
