import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFileName } from './atomic-write';
import { WslConfigConflictError, WslConfigFileError, WslConfigHistoryError } from './errors';
import { nodeFsOps } from './fs-ops';
import { createWslConfigStore, MAX_WSLCONFIG_BYTES, type WslConfigStoreOptions } from './store';

let root: string;
let path: string;
let historyDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'headroom-store-'));
  path = join(root, '.wslconfig');
  historyDir = join(root, 'data', 'wslconfig-history');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What the user wrote by hand: UTF-8 with a BOM, CRLF, a comment and a trailing space. */
const original = Buffer.from('\ufeff[wsl2]\r\nmemory=16GB \r\n# mine\r\n', 'utf8');
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[wsl2]\r\nmemory=24GB\r\n', 'utf16le')]);
const text = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const onDisk = (): Buffer => readFileSync(path);
const denied = (): Promise<never> =>
  Promise.reject(Object.assign(new Error('EPERM: injected'), { code: 'EPERM' }));

function open(options: Partial<WslConfigStoreOptions> = {}) {
  return createWslConfigStore({ path, historyDir, ...options });
}

describe('createWslConfigStore: read', () => {
  it('reads exact bytes with their sha256', async () => {
    writeFileSync(path, utf16);
    const clock = () => new Date('2026-11-21T13:15:00.123Z');
    const snapshot = await open({ clock }).read();
    expect(snapshot).toEqual({
      path,
      exists: true,
      bytes: new Uint8Array(utf16),
      hash: sha256(utf16),
      readAt: '2026-11-21T13:15:00.123Z',
    });
  });

  it("reports a missing file as absent, with empty bytes and the hash 'absent'", async () => {
    await expect(open().read()).resolves.toMatchObject({
      exists: false,
      bytes: new Uint8Array(),
      hash: 'absent',
    });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO given as .wslconfig at once instead of waiting forever for a writer',
    async () => {
      execFileSync('mkfifo', [path]);
      const error = await open()
        .read()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WslConfigFileError);
      expect(error).toMatchObject({ code: 'not-a-file' });
      expect((error as Error).message).toContain('not a regular file');
    },
  );

  it('refuses a file over 1 MiB with the limit, before reading it, and will not write one', async () => {
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 0x23));
    const error = await open()
      .read()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'too-large' });
    expect((error as Error).message).toMatch(/3\.0 MiB.*at most 1 MiB/);
    rmSync(path);
    await expect(
      open().write(new Uint8Array(MAX_WSLCONFIG_BYTES + 1), { expectedHash: 'absent', reason: 'huge' }),
    ).rejects.toMatchObject({ code: 'too-large' });
    expect(readdirSync(root)).toEqual([]);
  });

  it('says plainly when .wslconfig is a folder', async () => {
    mkdirSync(path);
    await expect(open().read()).rejects.toSatisfy(
      (error) => error instanceof WslConfigFileError && error.code === 'is-directory',
    );
  });

  it('removes temp files a crashed earlier run left beside .wslconfig and in the history', async () => {
    writeFileSync(path, original);
    mkdirSync(historyDir, { recursive: true });
    const leftovers = [join(root, tempFileName('.wslconfig')), join(historyDir, tempFileName('index.json'))];
    const longAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
    for (const leftover of leftovers) {
      writeFileSync(leftover, 'half a file');
      utimesSync(leftover, longAgo, longAgo);
    }
    await open().read();
    expect(readdirSync(root).sort()).toEqual(['.wslconfig', 'data']);
    expect(readdirSync(historyDir)).toEqual([]);
    expect(onDisk().equals(original)).toBe(true);
  });
});

describe('createWslConfigStore: write', () => {
  it('refuses to write when the file changed after it was read, and leaves it untouched', async () => {
    writeFileSync(path, original);
    const store = open();
    const seen = await store.read();
    const theirs = Buffer.from('[wsl2]\r\nmemory=8GB\r\n');
    writeFileSync(path, theirs);

    const writing = store.write(text('[wsl2]\nmemory=32GB\n'), {
      expectedHash: seen.hash,
      reason: 'set memory',
    });
    await expect(writing).rejects.toBeInstanceOf(WslConfigConflictError);
    await expect(writing).rejects.toMatchObject({
      code: 'changed-on-disk',
      message:
        '.wslconfig changed on disk since Headroom read it (another program or you edited it). Nothing was written: reload it to see the change, then apply yours again.',
    });
    expect(onDisk().equals(theirs)).toBe(true);
    await expect(store.history()).resolves.toEqual([]);
  });

  it('keeps a backup of the original before the first write, then records the new content', async () => {
    writeFileSync(path, original);
    const store = open({ clock: () => new Date('2026-11-21T13:15:00.123Z') });
    const before = await store.read();
    const next = text('[wsl2]\nmemory=24GB\n');

    const after = await store.write(next, { expectedHash: before.hash, reason: 'set memory to 24GB' });

    expect(onDisk().equals(Buffer.from(next))).toBe(true);
    expect(after).toMatchObject({ exists: true, hash: sha256(next), bytes: next });
    const history = await store.history();
    expect(history.map(({ reason, hash, size }) => ({ reason, hash, size }))).toEqual([
      { reason: 'set memory to 24GB', hash: sha256(next), size: next.length },
      { reason: 'before: set memory to 24GB', hash: before.hash, size: original.length },
    ]);
    const backup = history[1];
    expect(backup && Buffer.from(await store.readVersion(backup.id)).equals(original)).toBe(true);
  });

  it('captures an edit made outside Headroom between two of its writes, and adds no duplicate backups', async () => {
    writeFileSync(path, original);
    const store = open();
    const first = await store.write(text('a=1\n'), {
      expectedHash: (await store.read()).hash,
      reason: 'first',
    });
    const second = await store.write(text('a=2\n'), { expectedHash: first.hash, reason: 'second' });
    const outside = Buffer.from('a=2\r\n# edited in Notepad\r\n');
    writeFileSync(path, outside);
    await store.write(text('a=3\n'), { expectedHash: (await store.read()).hash, reason: 'third' });

    const history = await store.history();
    expect(history.map((entry) => entry.reason)).toEqual([
      'third',
      'before: third',
      'second',
      'first',
      'before: first',
    ]);
    expect(history[2]?.hash).toBe(second.hash);
    const captured = history[1];
    expect(captured && Buffer.from(await store.readVersion(captured.id)).equals(outside)).toBe(true);
  });

  it("creates the file when there is none (expected hash 'absent'), with nothing to back up", async () => {
    const store = open();
    const created = await store.write(utf16, { expectedHash: 'absent', reason: 'create' });
    expect(onDisk().equals(utf16)).toBe(true);
    expect(created.hash).toBe(sha256(utf16));
    expect((await store.history()).map((entry) => entry.reason)).toEqual(['create']);
  });

  it("refuses 'absent' when a file has appeared meanwhile", async () => {
    writeFileSync(path, original);
    await expect(open().write(utf16, { expectedHash: 'absent', reason: 'create' })).rejects.toBeInstanceOf(
      WslConfigConflictError,
    );
    expect(onDisk().equals(original)).toBe(true);
  });

  it('lets only one of two writes based on the same read through', async () => {
    writeFileSync(path, original);
    const store = open();
    const { hash } = await store.read();
    const [first, second] = await Promise.allSettled([
      store.write(text('one\n'), { expectedHash: hash, reason: 'one' }),
      store.write(text('two\n'), { expectedHash: hash, reason: 'two' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && second.reason).toBeInstanceOf(WslConfigConflictError);
    expect(onDisk().toString()).toBe('one\n');
  });

  it('says so, and leaves the file as it was, when Windows keeps refusing the replace (read-only file)', async () => {
    writeFileSync(path, original);
    const store = open({
      fsOps: { rename: (from, to) => (to === path ? denied() : nodeFsOps.rename(from, to)) },
    });
    const writing = store.write(utf16, { expectedHash: sha256(original), reason: 'set memory' });
    await expect(writing).rejects.toSatisfy(
      (error) => error instanceof WslConfigFileError && error.code === 'access-denied',
    );
    expect(onDisk().equals(original)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['.wslconfig', 'data']);
  });

  it('does not touch the file when the backup before the write cannot be saved', async () => {
    writeFileSync(path, original);
    const store = open({
      fsOps: { rename: (from, to) => (to.startsWith(historyDir) ? denied() : nodeFsOps.rename(from, to)) },
    });
    const writing = store.write(utf16, { expectedHash: sha256(original), reason: 'set memory' });
    await expect(writing).rejects.toSatisfy(
      (error) => error instanceof WslConfigFileError && error.code === 'backup-failed',
    );
    expect(onDisk().equals(original)).toBe(true);
  });
});

describe('createWslConfigStore: history and restore', () => {
  it('restores the exact bytes of a saved version and records the restore', async () => {
    writeFileSync(path, original);
    const store = open();
    const changed = await store.write(utf16, { expectedHash: sha256(original), reason: 'set memory' });
    const backup = (await store.history()).find((entry) => entry.reason === 'before: set memory');
    if (!backup) throw new Error('no backup was recorded');

    const restored = await store.restore(backup.id, { expectedHash: changed.hash });

    expect(onDisk().equals(original)).toBe(true);
    expect(restored.hash).toBe(sha256(original));
    const [newest] = await store.history();
    expect(newest).toMatchObject({ reason: `restore ${backup.id}`, hash: sha256(original) });
  });

  it('refuses a restore over a file that changed since it was read', async () => {
    writeFileSync(path, original);
    const store = open();
    await store.write(utf16, { expectedHash: sha256(original), reason: 'set memory' });
    const [, backup] = await store.history();
    await expect(store.restore(backup?.id ?? '', { expectedHash: sha256(original) })).rejects.toBeInstanceOf(
      WslConfigConflictError,
    );
    expect(onDisk().equals(utf16)).toBe(true);
  });

  it('gives ids that sort by time and stay unique within one millisecond', async () => {
    const store = open({ clock: () => new Date('2026-11-21T13:15:00.123Z') });
    let hash = 'absent';
    for (const n of [1, 2, 3])
      hash = (await store.write(text(`n=${n}\n`), { expectedHash: hash, reason: `w${n}` })).hash;
    writeFileSync(path, 'outside\n');
    await store.write(text('n=1\n'), { expectedHash: (await store.read()).hash, reason: 'w4' });

    const history = await store.history();
    const ids = history.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort().reverse()).toEqual(ids);
    expect(history.map((entry) => entry.reason)).toEqual(['w4', 'before: w4', 'w3', 'w2', 'w1']);
    expect(ids[0]).toMatch(/^20261121T131500\d{3}Z-[0-9a-f]{8}$/);
    expect(history.every((entry) => entry.savedAt === '2026-11-21T13:15:00.123Z')).toBe(true);
  });

  it('keeps only the newest maxVersions versions and deletes the older files', async () => {
    const store = open({ maxVersions: 3 });
    let hash = 'absent';
    for (const n of [1, 2, 3, 4, 5]) {
      hash = (await store.write(text(`n=${n}\n`), { expectedHash: hash, reason: `w${n}` })).hash;
    }
    const history = await store.history();
    expect(history.map((entry) => entry.reason)).toEqual(['w5', 'w4', 'w3']);
    expect(readdirSync(historyDir).sort()).toEqual(
      ['index.json', 'hashes.txt', ...history.map((entry) => `${entry.id}.wslconfig`)].sort(),
    );
  });

  it('rebuilds the history from the saved versions when index.json is damaged or missing', async () => {
    writeFileSync(path, original);
    const store = open();
    const written = await store.write(utf16, { expectedHash: sha256(original), reason: 'set memory' });
    const saved = await store.history();

    for (const damage of [
      () => writeFileSync(join(historyDir, 'index.json'), '{"entries": [tru'),
      () => rmSync(join(historyDir, 'index.json')),
    ]) {
      damage();
      const rebuilt = await open().history();
      expect(rebuilt.map(({ id, hash, size }) => ({ id, hash, size }))).toEqual(
        saved.map(({ id, hash, size }) => ({ id, hash, size })),
      );
      for (const entry of rebuilt) expect(entry.reason).toMatch(/^recovered/);
    }

    const again = open();
    await again.write(text('n=1\n'), { expectedHash: written.hash, reason: 'after repair' });
    const history = await again.history();
    expect(history.map((entry) => entry.reason.replace(/^recovered.*/, 'recovered'))).toEqual([
      'after repair',
      'recovered',
      'recovered',
    ]);
    const oldest = history[2];
    expect(oldest && Buffer.from(await again.readVersion(oldest.id)).equals(original)).toBe(true);
  });

  it('keeps refusing a version changed on disk after index.json is damaged, instead of re-listing it as recovered', async () => {
    writeFileSync(path, original);
    const store = open();
    await store.write(utf16, { expectedHash: sha256(original), reason: 'set memory' });
    const [after, before] = await store.history();
    if (!after || !before) throw new Error('nothing recorded');
    writeFileSync(join(historyDir, `${before.id}.wslconfig`), '[wsl2]\r\nmemory=1MB\r\n');

    for (const damage of [
      () => writeFileSync(join(historyDir, 'index.json'), '{"entries": [tru'),
      () => rmSync(join(historyDir, 'hashes.txt')), // a version saved before hashes.txt: its id's hash digits
    ]) {
      damage();
      const reopened = open();
      expect((await reopened.history()).map((entry) => entry.id)).toEqual([after.id]);
      await expect(reopened.readVersion(before.id)).rejects.toMatchObject({ code: 'damaged-version' });
      await expect(reopened.restore(before.id, { expectedHash: sha256(utf16) })).rejects.toMatchObject({
        code: 'damaged-version',
      });
    }
    await open().write(text('n=1\n'), { expectedHash: sha256(utf16), reason: 'later' });
    await expect(open().readVersion(before.id)).rejects.toMatchObject({ code: 'damaged-version' });
    expect(onDisk().toString()).toBe('n=1\n');
  });

  it('starts empty when index.json is damaged and no versions were saved', async () => {
    mkdirSync(historyDir, { recursive: true });
    writeFileSync(join(historyDir, 'index.json'), 'not json at all');
    await expect(open().history()).resolves.toEqual([]);
  });

  it('names the unknown id and how to list versions, for ids that do not exist or try to leave the folder', async () => {
    const store = open();
    for (const id of ['20261121T131500123Z-deadbeef', '../.wslconfig']) {
      const reading = store.readVersion(id);
      await expect(reading).rejects.toBeInstanceOf(WslConfigHistoryError);
      await expect(reading).rejects.toMatchObject({ code: 'unknown-version' });
      await expect(reading).rejects.toThrow(id);
      await expect(reading).rejects.toThrow('headroom wslconfig history');
    }
  });

  it('refuses to hand back a saved version whose bytes were damaged on disk', async () => {
    const store = open();
    await store.write(original, { expectedHash: 'absent', reason: 'create' });
    const [entry] = await store.history();
    if (!entry) throw new Error('nothing recorded');
    writeFileSync(join(historyDir, `${entry.id}.wslconfig`), 'bit rot');
    await expect(store.readVersion(entry.id)).rejects.toMatchObject({ code: 'damaged-version' });
    await expect(store.restore(entry.id, { expectedHash: sha256(original) })).rejects.toBeInstanceOf(
      WslConfigHistoryError,
    );
    expect(onDisk().equals(original)).toBe(true);
  });
});

describe('createWslConfigStore: keepOutsideEdit', () => {
  it('keeps an edit made outside Headroom once, and nothing for a file Headroom wrote itself', async () => {
    writeFileSync(path, original);
    const store = open();
    const first = await store.keepOutsideEdit('edited outside Headroom');
    expect(first?.reason).toBe('edited outside Headroom');
    expect(await store.keepOutsideEdit('edited outside Headroom')).toBeUndefined();

    const written = await store.write(text('[wsl2]\nmemory=24GB\n'), {
      expectedHash: sha256(original),
      reason: 'set memory',
    });
    expect(written.hash).toBe(sha256(text('[wsl2]\nmemory=24GB\n')));
    expect(await store.keepOutsideEdit('edited outside Headroom')).toBeUndefined();

    writeFileSync(path, '[wsl2]\nmemory=32GB\n');
    const outside = await store.keepOutsideEdit('edited outside Headroom');
    expect(new TextDecoder().decode(await store.readVersion(outside?.id ?? ''))).toBe(
      '[wsl2]\nmemory=32GB\n',
    );
  });

  it('keeps nothing while there is no file', async () => {
    expect(await open().keepOutsideEdit('edited outside Headroom')).toBeUndefined();
  });
});
