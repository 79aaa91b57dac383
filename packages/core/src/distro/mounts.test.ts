import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMountFor, parseMounts, type Mount } from './mounts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/distro/${name}`, import.meta.url), 'utf8');

function mounts(text: string): Mount[] {
  const result = parseMounts(text);
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.value;
}

describe('parseMounts', () => {
  it('flags C: and D: on 9p (drvfs) as Windows drives and the root as the ext4 disk', () => {
    const all = mounts(fixture('mounts-wsl2-ubuntu.txt'));
    const windowsDrives = all.filter((mount) => mount.driveLetter !== undefined);
    expect(
      windowsDrives.map((mount) => [mount.device, mount.mountPoint, mount.fsType, mount.driveLetter]),
    ).toEqual([
      ['C:\\', '/mnt/c', '9p', 'C'],
      ['D:\\', '/mnt/d', '9p', 'D'],
    ]);
    expect(windowsDrives[0]?.options).toContain('aname=drvfs;path=C:\\;uid=1000;gid=1000;symlinkroot=/mnt/');
    expect(all.find((mount) => mount.mountPoint === '/')).toMatchObject({
      device: '/dev/sdc',
      fsType: 'ext4',
      kind: 'linux-disk',
    });
  });

  it('sees WSL driver store share as a Windows file system without a drive letter', () => {
    const drivers = mounts(fixture('mounts-wsl2-ubuntu.txt')).find(
      (m) => m.mountPoint === '/usr/lib/wsl/drivers',
    );
    expect(drivers).toMatchObject({ fsType: '9p', kind: 'windows' });
    expect(drivers?.driveLetter).toBeUndefined();
  });

  it('classifies the other mounts', () => {
    const kinds = new Map(
      mounts(fixture('mounts-wsl2-ubuntu.txt')).map((mount) => [mount.mountPoint, mount.kind]),
    );
    expect(kinds.get('/mnt/wsl')).toBe('memory');
    expect(kinds.get('/proc')).toBe('system');
    expect(kinds.get('/usr/lib/wsl/lib')).toBe('other');
    expect(kinds.get('/snap/core22/1663')).toBe('other');
  });

  it('reads WSL1 drvfs mounts and virtiofs drives', () => {
    const wsl1 = mounts(fixture('mounts-wsl1-drvfs.txt')).filter((mount) => mount.kind === 'windows');
    expect(wsl1.map((mount) => [mount.fsType, mount.driveLetter])).toEqual([
      ['drvfs', 'C'],
      ['drvfs', 'E'],
    ]);
    const virtiofs = mounts('drvfsaC /mnt/c virtiofs rw,noatime,dirsync 0 0\n');
    expect(virtiofs[0]).toMatchObject({ kind: 'windows', driveLetter: 'C' });
  });

  it('undoes the octal escapes of spaces, tabs and backslashes', () => {
    const [mount] = mounts(
      'D:\\134Models\\040and\\011more /mnt/my\\040models 9p rw,aname=drvfs;path=D:\\Models 0 0\n',
    );
    expect(mount?.device).toBe('D:\\Models and\tmore');
    expect(mount?.mountPoint).toBe('/mnt/my models');
    expect(mount?.driveLetter).toBe('D');
  });

  it('is unreadable without a single mount line', () => {
    expect(parseMounts('').ok).toBe(false);
    expect(parseMounts('cat: /proc/mounts: Permission denied').ok).toBe(false);
  });
});

describe('findMountFor', () => {
  const all = mounts(fixture('mounts-wsl2-ubuntu.txt'));

  it('finds the mount a path lives on: models on D: are on 9p, models in the home folder on ext4', () => {
    expect(findMountFor(all, '/mnt/d/models/llama-3-8b.Q5_K_M.gguf')?.driveLetter).toBe('D');
    expect(findMountFor(all, '/home/alex/.ollama/models')?.fsType).toBe('ext4');
    expect(findMountFor(all, '/mnt/c')?.mountPoint).toBe('/mnt/c');
    expect(findMountFor(all, '/mnt/cc/x')?.mountPoint).toBe('/');
  });

  it('takes the later of two mounts on the same folder and nothing when there are none', () => {
    const stacked = mounts('/dev/sdb /data ext4 rw 0 0\nE:\\134 /data 9p rw,aname=drvfs;path=E:\\ 0 0\n');
    expect(findMountFor(stacked, '/data/x')?.fsType).toBe('9p');
    expect(findMountFor(stacked, '/elsewhere')).toBeUndefined();
  });
});
