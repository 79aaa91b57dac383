import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDistroFacts } from './facts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/distro/${name}`, import.meta.url), 'utf8');
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('readDistroFacts', () => {
  it('reads each collected probe with its parser and leaves the others absent', () => {
    const facts = readDistroFacts({
      'distro-meminfo': ok(fixture('meminfo-wsl2-16g.txt')),
      'distro-os-release': ok(fixture('os-release-ubuntu-24.04.txt')),
      'distro-libcuda': { stdout: fixture('libcuda-no-gpu.txt'), stderr: '', exitCode: 1 },
      'distro-nvidia-packages': {
        stdout: fixture('nvidia-packages-dpkg-none.txt'),
        stderr: 'dpkg-query: no packages found matching nvidia*',
        exitCode: 1,
      },
      'distro-wsl-conf': { stdout: '', stderr: 'cat: /etc/wsl.conf: No such file or directory', exitCode: 1 },
    });
    expect(Object.keys(facts).sort()).toEqual([
      'libcuda',
      'meminfo',
      'nvidiaPackages',
      'osRelease',
      'wslConf',
    ]);
    expect(facts.meminfo?.ok && facts.meminfo.value.memTotalKiB).toBe(16318200);
    expect(facts.osRelease?.ok && facts.osRelease.value.versionId).toBe('24.04');
    // These probes exit non-zero by design when there is nothing to find.
    expect(facts.libcuda?.ok && facts.libcuda.value.wslLibcudaPresent).toBe(false);
    expect(facts.nvidiaPackages?.ok && facts.nvidiaPackages.value.packages).toEqual([]);
    expect(facts.wslConf?.ok && facts.wslConf.value.exists).toBe(false);
  });

  it('is unreadable for a probe that did not finish, and for a failed one that must succeed, naming its stderr', () => {
    const facts = readDistroFacts({
      'distro-mounts': { stdout: 'proc /proc proc rw 0 0\n', stderr: '', exitCode: null },
      'distro-uname': { stdout: '', stderr: 'sh: 1: uname: not found\n', exitCode: 127 },
    });
    expect(facts.mounts).toMatchObject({ ok: false, unreadable: { probe: 'distro-mounts' } });
    expect(facts.kernel).toMatchObject({
      ok: false,
      unreadable: { probe: 'distro-uname', reason: 'exit code 127: sh: 1: uname: not found' },
    });
  });
});
