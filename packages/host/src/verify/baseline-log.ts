import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { VerifyBaseline } from '@headroom/core';
import { writeFileAtomic } from '../wslconfig/atomic-write';
import { errorCode } from '../wslconfig/fs-ops';

/** The baselines of past successful verifications, newest first, kept in one JSON file. */
export interface BaselineLog {
  /** Newest first; a missing or damaged file reads as no baselines (never throws for that). */
  list(): Promise<VerifyBaseline[]>;
  /** The newest baseline, the one a driver or WSL change is compared with. */
  latest(): Promise<VerifyBaseline | undefined>;
  /** Keep `baseline` as the newest, dropping the oldest beyond the cap. */
  record(baseline: VerifyBaseline): Promise<void>;
}

const FORMAT = 1;
const DEFAULT_MAX = 50;

const TEXT_KEYS = ['configHash', 'verifiedAt'] as const;
const OPTIONAL_TEXT_KEYS = ['hostDriver', 'wslVersion', 'kernel', 'gpu'] as const;

function isBaseline(value: unknown): value is VerifyBaseline {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    TEXT_KEYS.every((key) => typeof record[key] === 'string') &&
    OPTIONAL_TEXT_KEYS.every((key) => record[key] === null || typeof record[key] === 'string')
  );
}

/**
 * Open the baseline log at `path` (created on the first record). Written atomically, so a crash leaves the old
 * list or the new one; entries that are not baselines (a hand edit, a newer format) are skipped, not fatal.
 */
export function openBaselineLog(path: string, maxEntries = DEFAULT_MAX): BaselineLog {
  async function list(): Promise<VerifyBaseline[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as { baselines?: unknown };
      return Array.isArray(parsed.baselines) ? parsed.baselines.filter(isBaseline) : [];
    } catch {
      return [];
    }
  }
  return {
    list,
    latest: async () => (await list())[0],
    async record(baseline) {
      const baselines = [baseline, ...(await list())].slice(0, maxEntries);
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(
        path,
        new TextEncoder().encode(`${JSON.stringify({ format: FORMAT, baselines }, null, 2)}\n`),
      );
    },
  };
}
