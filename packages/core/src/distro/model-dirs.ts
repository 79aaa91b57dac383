import { parsed, parseSafely, type Parsed } from '../probe/parse-result';

/** A model folder that exists in the distro, and where it really is once links are followed. */
export interface ModelDir {
  readonly path: string;
  readonly resolved: string;
}

/** Parse the model-folders probe: `dir PATH -> REAL PATH` lines; anything else is ignored. */
export function parseModelDirs(text: string, probe = 'distro-model-dirs'): Parsed<ModelDir[]> {
  return parseSafely(probe, text, () =>
    parsed(
      text
        .split('\n')
        .map((line) => /^dir (.+) -> (.+)$/.exec(line.trim()))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => ({ path: match[1] ?? '', resolved: match[2] ?? '' })),
    ),
  );
}
