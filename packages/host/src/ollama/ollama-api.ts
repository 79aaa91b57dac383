import { OLLAMA_DEFAULT_URL } from './ollama-ps';

/**
 * Ollama's HTTP API as the model discovery asks it: the raw JSON of `GET /api/tags`, `POST /api/show` and
 * `GET /api/ps` (core reads them), or null when nothing answers. It never starts Ollama.
 */
export interface OllamaApi {
  /** Where it is asked, for messages ("Ollama at http://127.0.0.1:11434"). */
  readonly where: string;
  tags(): Promise<unknown>;
  show(name: string): Promise<unknown>;
  ps(): Promise<unknown>;
}

/**
 * Ollama's API at `baseUrl`: each call waits at most `timeoutMs`; an Ollama that is not running, slow or answering
 * with an HTTP error or something that is not JSON reads as null.
 */
export function ollamaApiClient(baseUrl = OLLAMA_DEFAULT_URL, timeoutMs = 2_000): OllamaApi {
  async function ask(path: string, body?: unknown): Promise<unknown> {
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        signal: AbortSignal.timeout(timeoutMs),
        ...(body === undefined
          ? {}
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      if (!response.ok) return null;
      return await response.json();
    } catch {
      // Not running, too slow or not JSON: the caller says "Ollama did not answer".
      return null;
    }
  }
  return {
    where: `Ollama at ${baseUrl}`,
    tags: () => ask('/api/tags'),
    show: (name) => ask('/api/show', { model: name }),
    ps: () => ask('/api/ps'),
  };
}
