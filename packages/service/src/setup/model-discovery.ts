import type { DiscoveredModel, SkippedModelPlace } from '@headroom/contract';
import {
  decodeHeaderBase64,
  GB,
  ggufHeaderCommand,
  groupGgufFiles,
  llamaCppDefaultContext,
  MODEL_FILES_COMMAND,
  MODEL_FOLDER_NAMES,
  ollamaDefaultContext,
  parseModelFiles,
  parseOllamaShow,
  parseOllamaTags,
  rankModels,
  readGguf,
  shapeFromGguf,
  type GgufInfo,
  type GgufModelFiles,
  type ShapeResult,
  type WslDistro,
} from '@headroom/core';
import type { Log, OllamaApi, ProcessResult } from '@headroom/host';
import type { FoundModel, ModelFinder, ModelSearch } from './setup-handlers';

/** What the model discovery asks: Ollama's API, and wsl.exe for the distros and the files in the running ones. */
export interface ModelDiscoveryDeps {
  readonly ollama?: OllamaApi;
  readonly wsl: {
    listDistros(): Promise<readonly WslDistro[]>;
    exec(
      distro: string,
      command: readonly [string, ...string[]],
      options?: { timeoutMs?: number },
    ): Promise<ProcessResult>;
  };
  readonly log: Log;
}

/** At most this many GGUF headers are read per look (each is one wsl.exe and up to 16 MB). */
const MAX_HEADERS = 24;
const LIST_TIMEOUT_MS = 15_000;
const HEADER_TIMEOUT_MS = 30_000;
/** Distros that belong to Docker or Rancher Desktop: their own, never the user's models. */
const TOOL_DISTROS = /^(docker-desktop|rancher-desktop)/i;

const utf8 = new TextDecoder();

/** A found model before ranking: the contract's fields but `preselected`, and when it last changed. */
type Candidate = Omit<DiscoveredModel, 'preselected' | 'preselectedWhy'> & {
  readonly shapeResult: ShapeResult;
  readonly modifiedMs: number | undefined;
  readonly loaded: boolean;
};

/** The contract's fields of a candidate (without what only ranking uses). */
function toModel(candidate: Candidate): Omit<DiscoveredModel, 'preselected' | 'preselectedWhy'> {
  const { shapeResult, modifiedMs, loaded, ...model } = candidate;
  return model;
}

function shapeFields(info: GgufInfo, shape: ShapeResult): Pick<DiscoveredModel, 'shape' | 'unreadable'> {
  if (!shape.ok) return { unreadable: shape.reason };
  const { shape: model } = shape;
  return {
    shape: {
      architecture: info.architecture ?? 'unknown',
      layers: model.layers,
      kvHeads: model.kvHeads,
      ...(info.headCount === undefined ? {} : { heads: info.headCount }),
      ...(info.embeddingLength === undefined ? {} : { embeddingLength: info.embeddingLength }),
      ...(info.contextLength === undefined ? {} : { trainedContext: info.contextLength }),
      ...(info.slidingWindow === undefined ? {} : { slidingWindow: info.slidingWindow }),
    },
  };
}

function isoTime(text: string | undefined): { modifiedAt?: string; modifiedMs?: number } {
  if (text === undefined) return {};
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? {} : { modifiedAt: new Date(ms).toISOString(), modifiedMs: ms };
}

function loadedNames(ps: unknown): Set<string> {
  const models = (ps as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) return new Set();
  return new Set(
    models.flatMap((entry) => {
      const name = (entry as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? [name] : [];
    }),
  );
}

async function ollamaModels(
  api: OllamaApi,
  vramTotalMiB: number | undefined,
  skipped: SkippedModelPlace[],
): Promise<Candidate[]> {
  const tags = parseOllamaTags(await api.tags());
  if (tags === undefined) {
    skipped.push({
      where: api.where,
      why: 'Ollama did not answer (it is not running, or not on this address)',
    });
    return [];
  }
  const loaded = loadedNames(await api.ps());
  return Promise.all(
    tags.map(async (tag): Promise<Candidate> => {
      const show = parseOllamaShow(await api.show(tag.name));
      const time = isoTime(tag.modifiedAt);
      const base = {
        id: `ollama:${tag.name}`,
        name: tag.name,
        source: 'ollama' as const,
        where: 'Ollama',
        sizeBytes: tag.sizeBytes,
        ...(tag.quant === undefined ? {} : { quant: tag.quant }),
        ...(time.modifiedAt === undefined ? {} : { modifiedAt: time.modifiedAt }),
        modifiedMs: time.modifiedMs,
        loaded: loaded.has(tag.name),
      };
      if (!show) {
        const reason = `Ollama did not describe ${tag.name} (/api/show gave no model_info)`;
        return { ...base, unreadable: reason, shapeResult: { ok: false, reason } };
      }
      const shapeResult = shapeFromGguf(show.info, tag.sizeBytes, tag.name, tag.sizeBytes / GB);
      return {
        ...base,
        ...shapeFields(show.info, shapeResult),
        defaultContext: ollamaDefaultContext(show.numCtx, vramTotalMiB, show.info.contextLength),
        shapeResult,
      };
    }),
  );
}

function describeFailure(result: ProcessResult): string {
  const stderr = utf8.decode(result.stderr).trim().split('\n')[0] ?? '';
  return stderr || `exit code ${result.exitCode ?? result.signal ?? 'unknown'}`;
}

async function ggufModel(
  deps: ModelDiscoveryDeps,
  distro: string,
  files: GgufModelFiles,
  readHeader: boolean,
): Promise<Candidate> {
  const place = MODEL_FOLDER_NAMES[files.kind];
  const time = new Date(files.modifiedMs);
  const base = {
    id: `gguf:${distro}:${files.path}`,
    name: files.name,
    source: 'gguf' as const,
    where: `${place}${files.repo ? ` (${files.repo})` : ''} in ${distro}`,
    sizeBytes: files.sizeBytes,
    path: files.path,
    distro,
    ...(files.parts > 1 ? { parts: files.parts } : {}),
    ...(Number.isNaN(time.getTime()) ? {} : { modifiedAt: time.toISOString() }),
    modifiedMs: files.modifiedMs,
    loaded: false,
  };
  const unreadable = (reason: string): Candidate => ({
    ...base,
    unreadable: reason,
    shapeResult: { ok: false, reason },
  });
  if (files.missingParts > 0) {
    return unreadable(
      `${files.missingParts} of its ${files.parts} parts are not there (an unfinished download?)`,
    );
  }
  if (!readHeader) return unreadable(`Headroom reads at most ${MAX_HEADERS} headers at a time`);
  let result: ProcessResult;
  try {
    result = await deps.wsl.exec(distro, ggufHeaderCommand(files.path), { timeoutMs: HEADER_TIMEOUT_MS });
  } catch (error) {
    deps.log.warn(`reading the header of ${files.path} in ${distro}`, error);
    return unreadable(`Headroom could not read it: ${(error as Error).message}`);
  }
  const bytes = result.exitCode === 0 ? decodeHeaderBase64(utf8.decode(result.stdout)) : undefined;
  if (!bytes || bytes.length === 0)
    return unreadable(`Headroom could not read it: ${describeFailure(result)}`);
  const read = readGguf(bytes, Math.max(files.headSizeBytes, bytes.length));
  if (!read.ok) return unreadable(`it is not a GGUF model Headroom can read: ${read.unreadable.reason}`);
  const info = read.value;
  const label = `${files.name}.gguf`;
  // A split model's part 1 holds only its own tensors, and a header without tensor infos totals nothing: the files'
  // size is the weights then.
  const byFileSize = files.parts > 1 || !info.tensorBytes;
  const shapeResult = shapeFromGguf(
    info,
    files.headSizeBytes,
    label,
    byFileSize ? files.sizeBytes / GB : undefined,
  );
  return {
    ...base,
    ...(info.fileTypeName === undefined ? {} : { quant: info.fileTypeName }),
    ...shapeFields(info, shapeResult),
    defaultContext: llamaCppDefaultContext(info.contextLength),
    shapeResult,
  };
}

async function distroModels(
  deps: ModelDiscoveryDeps,
  distro: string,
  headersLeft: { count: number },
  skipped: SkippedModelPlace[],
): Promise<Candidate[]> {
  let result: ProcessResult;
  try {
    result = await deps.wsl.exec(distro, ['sh', '-c', MODEL_FILES_COMMAND], { timeoutMs: LIST_TIMEOUT_MS });
  } catch (error) {
    deps.log.warn(`listing the model folders in ${distro}`, error);
    skipped.push({
      where: `the model folders in ${distro}`,
      why: `Headroom could not look: ${(error as Error).message}`,
    });
    return [];
  }
  if (result.exitCode !== 0) {
    skipped.push({
      where: `the model folders in ${distro}`,
      why: `Headroom could not look: ${describeFailure(result)}`,
    });
    return [];
  }
  const listing = parseModelFiles(utf8.decode(result.stdout));
  const models: Candidate[] = [];
  for (const files of groupGgufFiles(listing.files).sort((a, b) => b.sizeBytes - a.sizeBytes)) {
    const read = headersLeft.count > 0 && files.missingParts === 0;
    if (read) headersLeft.count -= 1;
    models.push(await ggufModel(deps, distro, files, read));
  }
  return models;
}

/**
 * Find the models on this PC: Ollama's (its API, when it answers) and the GGUF files in the model folders of every
 * distro that is already running (a stopped one is never started to look; it is listed as not looked in). Each
 * header read takes at most {@link GGUF_HEADER_BYTES} of its file. Largest first; the one most likely in use is
 * preselected.
 */
export function createModelFinder(deps: ModelDiscoveryDeps): ModelFinder {
  return async ({ vramTotalMiB }) => {
    const skipped: SkippedModelPlace[] = [];
    const candidates: Candidate[] = [];
    const fromOllama = deps.ollama ? ollamaModels(deps.ollama, vramTotalMiB, skipped) : Promise.resolve([]);
    let distros: readonly WslDistro[] = [];
    try {
      distros = await deps.wsl.listDistros();
    } catch (error) {
      deps.log.warn('listing the distros to look for models', error);
      skipped.push({
        where: 'the distributions',
        why: `wsl.exe could not list them: ${(error as Error).message}`,
      });
    }
    const headersLeft = { count: MAX_HEADERS };
    for (const distro of distros) {
      if (TOOL_DISTROS.test(distro.name) || distro.version !== 2) continue;
      if (distro.state !== 'Running') {
        skipped.push({
          where: `the model folders in ${distro.name}`,
          why: `${distro.name} is ${distro.state.toLowerCase()}; Headroom does not start it to look`,
        });
        continue;
      }
      candidates.push(...(await distroModels(deps, distro.name, headersLeft, skipped)));
    }
    candidates.push(...(await fromOllama));
    const ranked = rankModels(
      candidates.map((candidate) => ({
        id: candidate.id,
        sizeBytes: candidate.sizeBytes,
        modifiedMs: candidate.modifiedMs,
        loaded: candidate.loaded,
        readable: candidate.shapeResult.ok,
        candidate,
      })),
    );
    const models: FoundModel[] = ranked.ordered.map(({ candidate }) => {
      const pick = ranked.preselected?.id === candidate.id ? ranked.preselected : undefined;
      return {
        model: {
          ...toModel(candidate),
          preselected: pick !== undefined,
          ...(pick ? { preselectedWhy: pick.why } : {}),
        },
        shape: candidate.shapeResult,
      };
    });
    return { models, skipped } satisfies ModelSearch;
  };
}
