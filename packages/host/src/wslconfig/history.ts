import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { WslConfigHistoryError } from './errors';
import { errorCode, unlinkIfPresent, type FsOps } from './fs-ops';

/** One saved version of .wslconfig, as `headroom wslconfig history` lists it. */
export interface HistoryEntry {
  /** Sorts by time (`20261121T131500123Z-<first 8 hex of hash>`), unique even within one millisecond. */
  readonly id: string;
  /** When it was saved (ISO 8601, from the store's clock). */
  readonly savedAt: string;
  /** Why: the write's reason, `before: <reason>` for the backup taken before a write, or `restore <id>`. */
  readonly reason: string;
  /** sha256 of the bytes, hex. */
  readonly hash: string;
  readonly size: number;
}

/** The sha256 of `bytes` in hex: the hash snapshots and history entries carry. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The saved versions in one folder: one `<id>.wslconfig` file of raw bytes per version, `index.json`, and
 * `hashes.txt`, a second record of each kept version's sha256, so that a version changed on disk stays refused
 * even after index.json is damaged or deleted.
 */
export interface WslConfigHistory {
  /**
   * Newest first. A missing or damaged index is rebuilt from the version files, each checked against the hash
   * recorded in hashes.txt (or, for a version saved before that file existed, the hash digits in its id); a version
   * whose bytes no longer match is left out. Never throws for that.
   */
  list(): Promise<HistoryEntry[]>;
  /** Save `bytes` as the newest version, then drop the oldest beyond the cap. */
  add(bytes: Uint8Array, reason: string): Promise<HistoryEntry>;
  /** The exact bytes of a version; {@link WslConfigHistoryError} when unknown or damaged. */
  readVersion(id: string): Promise<Uint8Array>;
}

/** Where and how {@link openWslConfigHistory} keeps versions. */
export interface WslConfigHistoryOptions {
  readonly dir: string;
  readonly clock: () => Date;
  readonly maxVersions: number;
  readonly fsOps: FsOps;
}

const INDEX_FILE = 'index.json';
const HASHES_FILE = 'hashes.txt';
const INDEX_FORMAT = 1;
const VERSION_SUFFIX = '.wslconfig';
const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{8}$/;
const RECOVERED_REASON = 'recovered: the history index did not list this version';

/** Open the history kept in `options.dir` (created on the first save). */
export function openWslConfigHistory(options: WslConfigHistoryOptions): WslConfigHistory {
  const { dir, clock, maxVersions, fsOps: fs } = options;
  const versionPath = (id: string): string => join(dir, `${id}${VERSION_SUFFIX}`);
  const indexPath = join(dir, INDEX_FILE);

  const hashesPath = join(dir, HASHES_FILE);

  async function list(): Promise<HistoryEntry[]> {
    const files = await versionIds();
    const listed = (await readIndex()).filter((entry) => files.has(entry.id));
    const known = new Set(listed.map((entry) => entry.id));
    const unlisted = [...files].filter((id) => !known.has(id));
    const recorded = unlisted.length > 0 ? await readHashes() : new Map<string, string>();
    const recovered: HistoryEntry[] = [];
    for (const id of unlisted) {
      try {
        const bytes = await fs.readFile(versionPath(id));
        const facts = describe(bytes);
        const saved = recorded.get(id);
        const intact = saved === undefined ? facts.hash.startsWith(idHash(id)) : facts.hash === saved;
        if (!intact) continue; // changed since it was saved: never offer it (readVersion says it is damaged)
        recovered.push({ id, savedAt: idTime(id).toISOString(), reason: RECOVERED_REASON, ...facts });
      } catch {
        // Unreadable: leave it out rather than fail the whole list.
      }
    }
    return [...listed, ...recovered].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** hashes.txt: one `<id> <sha256>` line per kept version; missing or damaged lines are skipped. */
  async function readHashes(): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    try {
      const text = Buffer.from(await fs.readFile(hashesPath)).toString('utf8');
      for (const line of text.split('\n')) {
        const [id = '', hash = ''] = line.trim().split(' ');
        if (ID_PATTERN.test(id) && /^[0-9a-f]{64}$/.test(hash) && !hashes.has(id)) hashes.set(id, hash);
      }
    } catch {
      // None yet (versions saved before it existed are checked by the hash digits in their ids).
    }
    return hashes;
  }

  async function versionIds(): Promise<Set<string>> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return new Set();
      throw error;
    }
    return new Set(
      names
        .filter((name) => name.endsWith(VERSION_SUFFIX))
        .map((name) => name.slice(0, -VERSION_SUFFIX.length))
        .filter((id) => ID_PATTERN.test(id)),
    );
  }

  async function readIndex(): Promise<HistoryEntry[]> {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(await fs.readFile(indexPath)).toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || !('entries' in parsed)) return [];
      const { entries } = parsed;
      if (!Array.isArray(entries)) return [];
      const byId = new Map<string, HistoryEntry>();
      for (const value of entries) {
        const entry = toHistoryEntry(value);
        if (entry && !byId.has(entry.id)) byId.set(entry.id, entry);
      }
      return [...byId.values()];
    } catch {
      return []; // missing or damaged: list() rebuilds from the version files
    }
  }

  async function add(bytes: Uint8Array, reason: string): Promise<HistoryEntry> {
    const entries = await list();
    const now = clock();
    const newest = entries[0];
    const idMs = Math.max(now.getTime(), newest ? idTime(newest.id).getTime() + 1 : 0);
    const facts = describe(bytes);
    const entry: HistoryEntry = {
      id: `${compactTime(new Date(idMs))}-${facts.hash.slice(0, 8)}`,
      savedAt: now.toISOString(),
      reason,
      ...facts,
    };
    await fs.mkdir(dir);
    await writeFileAtomic(versionPath(entry.id), bytes, fs);
    const all = [entry, ...entries];
    const kept = all.slice(0, maxVersions);
    const index = { format: INDEX_FORMAT, entries: kept };
    await writeFileAtomic(indexPath, Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8'), fs);
    const hashes = kept.map((version) => `${version.id} ${version.hash}\n`).join('');
    await writeFileAtomic(hashesPath, Buffer.from(hashes, 'utf8'), fs);
    // The index no longer lists the dropped versions, so a file that cannot be removed is only left-over bytes;
    // anything but "already gone" still reaches the caller.
    for (const dropped of all.slice(maxVersions)) await unlinkIfPresent(fs, versionPath(dropped.id));
    return entry;
  }

  async function readVersion(id: string): Promise<Uint8Array> {
    const entry = ID_PATTERN.test(id) ? (await list()).find((candidate) => candidate.id === id) : undefined;
    let bytes: Uint8Array | undefined;
    if (entry) {
      try {
        bytes = await fs.readFile(versionPath(id));
      } catch {
        bytes = undefined;
      }
    }
    if (!entry && ID_PATTERN.test(id) && (await versionIds()).has(id)) {
      throw damaged(id);
    }
    if (!entry || !bytes) {
      throw new WslConfigHistoryError(
        'unknown-version',
        id,
        `No saved version of .wslconfig has the id "${id}". List the saved versions with \`headroom wslconfig history\`.`,
      );
    }
    if (sha256Hex(bytes) !== entry.hash) throw damaged(id);
    return bytes;
  }

  return { list, add, readVersion };
}

function damaged(id: string): WslConfigHistoryError {
  return new WslConfigHistoryError(
    'damaged-version',
    id,
    `The saved version "${id}" of .wslconfig is damaged (its bytes no longer match what was saved), so Headroom will not use it. Pick another one from \`headroom wslconfig history\`.`,
  );
}

/** The hash digits an id ends with: the first 8 hex of the version's sha256 when it was saved. */
function idHash(id: string): string {
  return id.slice(id.lastIndexOf('-') + 1);
}

function describe(bytes: Uint8Array): { hash: string; size: number } {
  return { hash: sha256Hex(bytes), size: bytes.length };
}

/** `2026-11-21T13:15:00.123Z` → `20261121T131500123Z`. */
function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function idTime(id: string): Date {
  const parts = (ID_PATTERN.exec(id) ?? []).slice(1, 8).map(Number);
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = parts;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

/** A well-formed entry from index.json, or undefined for anything else (which list() then recovers from files). */
function toHistoryEntry(value: unknown): HistoryEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, savedAt, reason, hash, size } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined;
  if (typeof savedAt !== 'string' || typeof reason !== 'string') return undefined;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return undefined;
  return { id, savedAt, reason, hash, size };
}
