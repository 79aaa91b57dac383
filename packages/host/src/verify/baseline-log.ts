import type { VerifyBaseline } from '@headroom/core';
import { openJsonDocument } from '../settings/json-document';

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

/** The file as written: a format number and the baselines, newest first. */
interface BaselineFile {
  readonly format: number;
  readonly baselines: readonly VerifyBaseline[];
}

function acceptBaselines(value: unknown): BaselineFile | undefined {
  const baselines = (value as { baselines?: unknown } | null)?.baselines;
  return Array.isArray(baselines) ? { format: FORMAT, baselines: baselines.filter(isBaseline) } : undefined;
}

/**
 * Open the baseline log at `path` (created on the first record). Written atomically, so a crash leaves the old
 * list or the new one; entries that are not baselines (a hand edit, a newer format) are skipped, not fatal.
 */
export function openBaselineLog(path: string, maxEntries = DEFAULT_MAX): BaselineLog {
  const document = openJsonDocument(path, acceptBaselines);
  const list = async (): Promise<VerifyBaseline[]> => [...((await document.read())?.baselines ?? [])];
  return {
    list,
    latest: async () => (await list())[0],
    async record(baseline) {
      const baselines = [baseline, ...(await list())].slice(0, maxEntries);
      await document.write({ format: FORMAT, baselines });
    },
  };
}
