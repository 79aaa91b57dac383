import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWslConf } from './wsl-conf';

const conf = readFileSync(new URL('../testdata/distro/wsl-conf-systemd.txt', import.meta.url), 'utf8');

describe('parseWslConf', () => {
  it('lists every section.key=value pair WSL reads, and the first value of each key', () => {
    const result = parseWslConf(conf);
    if (!result.ok) throw new Error(result.unreadable.reason);
    expect(result.value.exists).toBe(true);
    expect(result.value.entries.map((entry) => `${entry.key}=${entry.value}`)).toEqual([
      'boot.systemd=true',
      'automount.enabled=true',
      'automount.root=/mnt/',
      'automount.options=metadata,umask=22,fmask=11',
      'interop.appendWindowsPath=false',
      'user.default=alex',
      'boot.systemd=false',
      'boot.command=service docker start',
    ]);
    expect(result.value.settings['boot.systemd']).toBe('true');
    expect(result.value.settings['interop.appendwindowspath']).toBe('false');
    expect(result.value.entries[0]?.line).toBe(3);
  });

  it('reports the lines WSL skips', () => {
    const result = parseWslConf('[boot]\nsystemd true\n; comment\n');
    expect(result.ok && result.value.issues.map((issue) => issue.kind)).toEqual([
      'missing-equals',
      'invalid-key-name',
    ]);
  });

  it('reads a failed cat (non-zero exit) as no file, and a probe that did not finish as unreadable', () => {
    expect(parseWslConf('', 1)).toEqual({
      ok: true,
      value: { exists: false, entries: [], settings: {}, issues: [] },
    });
    expect(parseWslConf('[boot]\nsys', null).ok).toBe(false);
  });
});
