/** The models on this PC: Ollama's API answers and the GGUF files in the model folders, read and ranked. */
export {
  llamaCppDefaultContext,
  ollamaDefaultContext,
  parseOllamaShow,
  parseOllamaTags,
  type DefaultContext,
  type OllamaShow,
  type OllamaTag,
} from './ollama-api';
export {
  decodeHeaderBase64,
  GGUF_HEADER_BYTES,
  GGUF_HEADER_MARKER,
  ggufHeaderCommand,
  groupGgufFiles,
  MAX_FILES_PER_FOLDER,
  MODEL_FILES_COMMAND,
  MODEL_FILES_MARKER,
  MODEL_FOLDER_KINDS,
  MODEL_FOLDER_NAMES,
  parseModelFiles,
  type GgufFileEntry,
  type GgufModelFiles,
  type ModelFilesListing,
  type ModelFolderKind,
} from './model-files';
export { rankModels, type RankableModel, type RankedModels } from './rank';
