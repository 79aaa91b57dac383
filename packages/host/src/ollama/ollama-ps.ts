/** A model Ollama has loaded: its name, its size in memory and how much of it sits in VRAM. */
export interface OllamaModel {
  readonly name: string;
  readonly sizeBytes: number;
  readonly vramBytes: number;
}

/** Ollama's default address (`OLLAMA_HOST`'s default). */
export const OLLAMA_DEFAULT_URL = 'http://127.0.0.1:11434';

function readModels(body: unknown): OllamaModel[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const models = (body as { models?: unknown }).models;
  if (!Array.isArray(models)) return null;
  return models.flatMap((entry): OllamaModel[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { name, size, size_vram: sizeVram } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof size !== 'number') return [];
    return [{ name, sizeBytes: size, vramBytes: typeof sizeVram === 'number' ? sizeVram : 0 }];
  });
}

/**
 * Read Ollama's `GET /api/ps` (the models loaded now, with `size` and `size_vram`): no process is started, and an
 * Ollama that is not running, slow (past `timeoutMs`) or answering something else reads as null.
 */
export function ollamaPsReader(
  baseUrl = OLLAMA_DEFAULT_URL,
  timeoutMs = 1_000,
): () => Promise<OllamaModel[] | null> {
  return async () => {
    try {
      const response = await fetch(`${baseUrl}/api/ps`, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) return null;
      return readModels(await response.json());
    } catch {
      return null;
    }
  };
}
