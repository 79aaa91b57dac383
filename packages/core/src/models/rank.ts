/** What ranking needs of a model found on this PC. */
export interface RankableModel {
  readonly id: string;
  readonly sizeBytes: number;
  /** Last modified or used, ms since the epoch. */
  readonly modifiedMs: number | undefined;
  /** Loaded in Ollama now (`/api/ps`). */
  readonly loaded: boolean;
  /** Its shape was read, so it can be sized (an unreadable model is never preselected). */
  readonly readable: boolean;
}

/** The models largest first, and the one most likely in use with the reason, when any can be sized. */
export interface RankedModels<T extends RankableModel> {
  readonly ordered: readonly T[];
  readonly preselected: { readonly id: string; readonly why: string } | undefined;
}

/**
 * Order models largest first and pick the one most likely in use: one loaded in Ollama now (the largest of them),
 * else the most recently modified, else the largest. Only a model whose shape was read can be picked.
 */
export function rankModels<T extends RankableModel>(models: readonly T[]): RankedModels<T> {
  const ordered = [...models].sort((a, b) => b.sizeBytes - a.sizeBytes || a.id.localeCompare(b.id));
  const readable = ordered.filter((model) => model.readable);
  const loaded = readable.find((model) => model.loaded);
  if (loaded) return { ordered, preselected: { id: loaded.id, why: 'loaded in Ollama now' } };
  const dated = readable.filter((model) => model.modifiedMs !== undefined);
  const newest = dated.reduce<T | undefined>(
    (best, model) => (best === undefined || (model.modifiedMs ?? 0) > (best.modifiedMs ?? 0) ? model : best),
    undefined,
  );
  if (newest && readable.length > 1) {
    return { ordered, preselected: { id: newest.id, why: 'the most recently downloaded or changed' } };
  }
  const largest = readable[0];
  return {
    ordered,
    preselected: largest
      ? { id: largest.id, why: readable.length === 1 ? 'the only model found' : 'the largest model found' }
      : undefined,
  };
}
