import type { SimulatedOllama } from '../scenarios/scenario';

/** The simulated Ollama's HTTP API, answered in-process: the JSON Ollama's API docs show, or null when it is down. */
export interface FakeOllamaApi {
  readonly where: string;
  tags(): Promise<unknown>;
  show(name: string): Promise<unknown>;
  ps(): Promise<unknown>;
}

/**
 * Ollama on the simulated machine, answering `/api/tags`, `/api/show` and `/api/ps` in the shape of Ollama's API
 * docs while `isUp()` (its distro runs), and like a closed port (null) otherwise.
 */
export function fakeOllamaApi(ollama: SimulatedOllama, isUp: () => boolean): FakeOllamaApi {
  const answer = (body: () => unknown): Promise<unknown> => Promise.resolve(isUp() ? body() : null);
  const details = (model: SimulatedOllama['models'][number]) => ({
    parent_model: '',
    format: 'gguf',
    family: model.family,
    families: [model.family],
    parameter_size: model.parameterSize,
    quantization_level: model.quant,
  });
  return {
    where: 'Ollama at http://127.0.0.1:11434',
    tags: () =>
      answer(() => ({
        models: ollama.models.map((model) => ({
          name: model.name,
          model: model.name,
          modified_at: model.modifiedAt,
          size: model.sizeBytes,
          digest: '0'.repeat(64),
          details: details(model),
        })),
      })),
    show: (name) =>
      answer(() => {
        const model = ollama.models.find((candidate) => candidate.name === name);
        if (!model) return null;
        return {
          modelfile: `FROM ${model.name}\n`,
          parameters: model.numCtx === undefined ? 'stop "<|eot_id|>"' : `num_ctx ${model.numCtx}`,
          template: '',
          details: details(model),
          model_info: model.modelInfo,
        };
      }),
    ps: () =>
      answer(() => ({
        models: ollama.models
          .filter((model) => model.loaded === true)
          .map((model) => ({ name: model.name, model: model.name, size: model.sizeBytes, size_vram: 0 })),
      })),
  };
}
