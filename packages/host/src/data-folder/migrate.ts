import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyBaseline } from '@headroom/core';
import type { Log } from '../log/log';
import { openJsonDocument } from '../settings/json-document';
import { writeFileAtomic } from '../wslconfig/atomic-write';
import { errorCode } from '../wslconfig/fs-ops';
import { type DataFolderLayout, wslconfigPathId } from './data-folder';

/** What {@link migrateDataFolder} moved, for the log and the tests. */
export interface MigrationReport {
  readonly versions: number;
  readonly baselines: number;
}

const readJson = async (path: string): Promise<unknown> => {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
};

const arrayOf = (value: unknown, key: string): unknown[] => {
  const inner = (value as Record<string, unknown> | null | undefined)?.[key];
  return Array.isArray(inner) ? (inner as unknown[]) : [];
};

const idOf = (entry: unknown): string | undefined => {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/** Remove a folder the migration emptied; one that still holds something (other files' histories) stays. */
async function removeIfEmpty(dir: string): Promise<void> {
  try {
    await rmdir(dir);
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
  }
}

/** Move the versions `headroom` 0.1's CLI kept in `wslconfig-history/<hash>/` into `wslconfig-history/`. */
async function moveVersions(layout: DataFolderLayout, oldDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(oldDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
  const target = layout.wslconfigHistory;
  await mkdir(target, { recursive: true });
  const have = new Set(await readdir(target));
  let moved = 0;
  for (const name of names.filter((candidate) => candidate.endsWith('.wslconfig'))) {
    if (have.has(name)) await rm(join(oldDir, name));
    else {
      await rename(join(oldDir, name), join(target, name));
      moved += 1;
    }
  }
  const oldIndex = await readJson(join(oldDir, 'index.json'));
  const newIndex = await readJson(join(target, 'index.json'));
  const byId = new Map<string, unknown>();
  for (const entry of [...arrayOf(newIndex, 'entries'), ...arrayOf(oldIndex, 'entries')]) {
    const id = idOf(entry);
    if (id !== undefined && !byId.has(id)) byId.set(id, entry);
  }
  const entries = [...byId.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([, entry]) => entry);
  await writeFileAtomic(
    join(target, 'index.json'),
    Buffer.from(`${JSON.stringify({ format: 1, entries }, null, 2)}\n`, 'utf8'),
  );
  await rm(join(oldDir, 'index.json'), { force: true });
  // The versions' second record of their hashes (history.ts): merged by id, so a moved version stays checkable.
  const hashLines = new Map<string, string>();
  for (const dir of [target, oldDir]) {
    for (const line of (await readTextIfExists(join(dir, 'hashes.txt'))).split('\n')) {
      const id = line.split(' ')[0];
      if (id && !hashLines.has(id)) hashLines.set(id, line);
    }
  }
  if (hashLines.size > 0) {
    await writeFileAtomic(
      join(target, 'hashes.txt'),
      Buffer.from(`${[...hashLines.values()].join('\n')}\n`, 'utf8'),
    );
  }
  await rm(join(oldDir, 'hashes.txt'), { force: true });
  await removeIfEmpty(oldDir);
  return moved;
}

/** A file's text, or '' when there is no such file. */
async function readTextIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
}

/** Merge the baselines the CLI kept in `baselines/<hash>.json` into `baselines.json`, newest first. */
async function mergeBaselines(layout: DataFolderLayout, oldFile: string): Promise<number> {
  const old = arrayOf(await readJson(oldFile), 'baselines');
  if (old.length === 0) {
    await rm(oldFile, { force: true });
    return 0;
  }
  const document = openJsonDocument(layout.baselines, (value) => ({
    format: 1,
    baselines: arrayOf(value, 'baselines'),
  }));
  const now = (await document.read())?.baselines ?? [];
  const key = (entry: unknown): string => {
    const { verifiedAt, configHash } = (entry ?? {}) as Partial<VerifyBaseline>;
    return `${String(verifiedAt)} ${String(configHash)}`;
  };
  const seen = new Set(now.map(key));
  const added = old.filter((entry) => !seen.has(key(entry)));
  const verifiedAt = (entry: unknown): string => (entry as Partial<VerifyBaseline>).verifiedAt ?? '';
  const baselines = [...now, ...added].sort((a, b) => (verifiedAt(a) < verifiedAt(b) ? 1 : -1));
  await document.write({ format: 1, baselines });
  await rm(oldFile, { force: true });
  await removeIfEmpty(join(oldFile, '..'));
  return added.length;
}

/**
 * Bring what the CLI of Headroom 0.1 saved for the user's .wslconfig (`wslconfig-history/<hash of path>/` and
 * `baselines/<hash>.json`) into the one layout the app reads, so `headroom wslconfig history`, `headroom verify`
 * and the app see the same versions and the same baseline. Idempotent; versions of other files (`--file`) stay in
 * their own folders. A failure is logged and leaves the old files where they were, still readable by a later run.
 */
export async function migrateDataFolder(
  layout: DataFolderLayout,
  usersWslconfigPath: string,
  log: Log,
): Promise<MigrationReport> {
  const id = wslconfigPathId(usersWslconfigPath);
  let versions = 0;
  let baselines = 0;
  try {
    versions = await moveVersions(layout, join(layout.wslconfigHistory, id));
  } catch (error) {
    log.warn(
      `moving the CLI's saved .wslconfig versions from wslconfig-history/${id} into the app's history`,
      error,
    );
  }
  try {
    baselines = await mergeBaselines(layout, join(layout.root, 'baselines', `${id}.json`));
  } catch (error) {
    log.warn(`merging the CLI's baselines from baselines/${id}.json into baselines.json`, error);
  }
  if (versions + baselines > 0)
    log.info(`moved ${versions} .wslconfig versions and ${baselines} baselines from the CLI's old folders`);
  return { versions, baselines };
}
