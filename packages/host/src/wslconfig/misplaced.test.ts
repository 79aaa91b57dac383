import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateWslConfig, type WslConfigLocation } from './locate';
import { findMisplacedConfigs } from './misplaced';

let root: string;
let profile: string;
let location: WslConfigLocation;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'headroom-misplaced-'));
  profile = join(root, 'ana');
  mkdirSync(profile);
  location = locateWslConfig({ platform: process.platform, env: {}, profileDir: profile });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, text = '[wsl2]\nmemory=24GB\n'): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('findMisplacedConfigs', () => {
  it('reports each misplaced file with its kind, and only those', async () => {
    const cloud = join(root, 'cloud', 'OneDrive');
    const txt = file(join(profile, '.wslconfig.txt'));
    const ini = file(join(profile, '.wslconfig.ini'));
    const documents = file(join(profile, 'Documents', '.wslconfig'));
    const desktop = file(join(profile, 'Desktop', '.wslconfig'));
    const oneDriveDocuments = file(join(cloud, 'Documents', '.wslconfig'));
    const wslConf = file(join(profile, 'wsl.conf'), '[boot]\nsystemd=true\n');
    mkdirSync(join(profile, '.wslconfig'));

    const found = await findMisplacedConfigs(location, { env: { OneDrive: cloud } });

    expect(found.map(({ path, kind }) => ({ path, kind }))).toEqual([
      { path: location.path, kind: 'is-directory' },
      { path: ini, kind: 'other-extension' },
      { path: txt, kind: 'txt-extension' },
      { path: wslConf, kind: 'wsl-conf-in-profile' },
      { path: documents, kind: 'documents' },
      { path: desktop, kind: 'desktop' },
      { path: oneDriveDocuments, kind: 'onedrive-documents' },
    ]);
    for (const { message } of found) expect(message).not.toContain('\n');
  });

  it('tells a Notepad user exactly what to rename', async () => {
    file(join(profile, '.wslconfig.txt'));
    const [found] = await findMisplacedConfigs(location, { env: {} });
    expect(found?.message).toMatch(
      new RegExp(
        `^WSL only reads ${escape(location.path)}; Notepad saved yours as \\.wslconfig\\.txt\\. Rename it \\(remove \\.txt\\)`,
      ),
    );
  });

  it('builds Windows paths on Windows and reads the OneDrive variables case-insensitively', async () => {
    const files = new Set(['C:\\Users\\ana\\.wslconfig.txt', 'D:\\Cloud\\OneDrive\\Documents\\.wslconfig']);
    const dirs = new Map([
      ['C:\\Users\\ana', ['.wslconfig.txt', 'Documents']],
      ['C:\\Users\\ana\\Documents', []],
      ['D:\\Cloud\\OneDrive', ['Documents']],
      ['D:\\Cloud\\OneDrive\\Documents', ['.wslconfig']],
    ]);
    const fsOps = {
      readdir: (dir: string) => Promise.resolve([...(dirs.get(dir) ?? [])]),
      stat: (path: string) => {
        if (!files.has(path) && !dirs.has(path))
          return Promise.reject(Object.assign(new Error(path), { code: 'ENOENT' }));
        return Promise.resolve({
          isFile: () => files.has(path),
          isDirectory: () => dirs.has(path),
          mtimeMs: 0,
        });
      },
    };
    const windowsLocation = locateWslConfig({ platform: 'win32', env: {}, profileDir: 'C:\\Users\\ana' });
    const found = await findMisplacedConfigs(windowsLocation, {
      platform: 'win32',
      env: { ONEDRIVE: 'D:\\Cloud\\OneDrive' },
      fsOps,
    });
    expect(found.map(({ path, kind }) => ({ path, kind }))).toEqual([
      { path: 'C:\\Users\\ana\\.wslconfig.txt', kind: 'txt-extension' },
      { path: 'D:\\Cloud\\OneDrive\\Documents\\.wslconfig', kind: 'onedrive-documents' },
    ]);
    expect(found[0]?.message).toMatch(
      /^WSL only reads C:\\Users\\ana\\\.wslconfig; Notepad saved yours as \.wslconfig\.txt\. Rename it \(remove \.txt\)/,
    );
    expect(found[1]?.message).toBe(
      'WSL only reads C:\\Users\\ana\\.wslconfig, never a file in OneDrive (Documents). Move .wslconfig to C:\\Users\\ana.',
    );
  });

  it('explains wsl.conf belongs in the distro at /etc/wsl.conf', async () => {
    file(join(profile, 'wsl.conf'));
    const [found] = await findMisplacedConfigs(location, { env: {} });
    expect(found?.message).toContain('/etc/wsl.conf');
  });

  it('finds <profile>/OneDrive* folders without the OneDrive variables, and each OneDrive folder once', async () => {
    const business = join(profile, 'OneDrive - Contoso');
    const desktop = file(join(business, 'Desktop', '.wslconfig.txt'));
    const found = await findMisplacedConfigs(location, {
      env: { OneDriveCommercial: business, OneDrive: `${business}/` },
    });
    expect(found.map(({ path, kind }) => ({ path, kind }))).toEqual([
      { path: desktop, kind: 'onedrive-desktop' },
    ]);
    expect(found[0]?.message).toContain('name it .wslconfig');
  });

  it('does not suggest a rename that would overwrite the real .wslconfig', async () => {
    file(location.path);
    file(join(profile, '.wslconfig.txt'));
    const [found] = await findMisplacedConfigs(location, { env: {} });
    expect(found?.kind).toBe('txt-extension');
    expect(found?.message).not.toContain('Rename');
    expect(found?.message).toContain('then delete .wslconfig.txt');
  });

  it('reports nothing for a clean profile, even with the real file, user backups and unrelated files', async () => {
    file(location.path);
    file(join(profile, '.wslconfig.bak'));
    file(join(profile, 'Documents', 'notes.txt'));
    mkdirSync(join(profile, 'Desktop'));
    mkdirSync(join(profile, 'OneDrive'));
    await expect(
      findMisplacedConfigs(location, { env: { OneDrive: join(profile, 'OneDrive') } }),
    ).resolves.toEqual([]);
  });

  it('reports nothing when the profile folder itself is missing', async () => {
    rmSync(profile, { recursive: true });
    await expect(findMisplacedConfigs(location, { env: {} })).resolves.toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
