import { DISTRO_STATES, type DistroState, type WslDistro } from './distro';

/** Raised when `wsl --list --verbose` output does not have the table's shape. */
export class WslListParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'WslListParseError';
  }
}

function toState(word: string): DistroState {
  return (DISTRO_STATES as readonly string[]).includes(word) ? (word as DistroState) : 'Unknown';
}

const HEADER = /^\s*NAME\s+STATE\s+VERSION\s*$/;
const ROW = /^([* ])\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;

/** A line of the table that is not a distro row Headroom can read, by its 1-based line number. */
export interface UnreadListRow {
  readonly line: number;
  readonly text: string;
  /** Why: `not a distro row`, or the VERSION Headroom does not know (WSL has versions 1 and 2). */
  readonly reason: string;
}

/** The rows of `wsl --list --verbose` that could be read, and the ones that could not, each named. */
export interface WslListRead {
  readonly distros: WslDistro[];
  readonly unread: UnreadListRow[];
}

/**
 * Read the decoded text of `wsl --list --verbose`, keeping every row it can read: a row it cannot (a VERSION other
 * than 1 or 2, a missing column) is named in `unread` instead of throwing the table away. Column 1 is `*` for the
 * default distro; names never contain spaces, and the header and states are never translated, so a whitespace
 * split is exact (docs/wsl-semantics.md "wsl.exe output"). Throws when there is no header at all.
 */
export function readWslListVerbose(text: string): WslListRead {
  const lines = text.split('\n');
  const headerIndex = lines.findIndex((line) => HEADER.test(line));
  if (headerIndex < 0) {
    throw new WslListParseError('The NAME / STATE / VERSION header of `wsl --list --verbose` is missing.', 1);
  }
  const distros: WslDistro[] = [];
  const unread: UnreadListRow[] = [];
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const match = ROW.exec(line);
    const [, marker, name = '', state = '', version = ''] = match ?? [];
    if (!match || (version !== '1' && version !== '2')) {
      unread.push({
        line: index + 1,
        text: line.trim(),
        reason: match
          ? `VERSION ${version} is not one Headroom knows (WSL has versions 1 and 2)`
          : 'not a distro row',
      });
      continue;
    }
    distros.push({
      name,
      isDefault: marker === '*',
      state: toState(state),
      version: version === '1' ? 1 : 2,
    });
  }
  return { distros, unread };
}

/**
 * Parse the decoded text of `wsl --list --verbose` strictly: the distros, or a parse error naming the first line
 * that is not a row Headroom can read (see {@link readWslListVerbose} for the lenient read the doctor uses).
 */
export function parseWslListVerbose(text: string): WslDistro[] {
  const { distros, unread } = readWslListVerbose(text);
  const [first] = unread;
  if (first)
    throw new WslListParseError(`Line ${first.line} is not a distro row: "${first.text}"`, first.line);
  return distros;
}

/** Parse `wsl --list --running --quiet` (or `--list --quiet`): one bare distro name per line, none when empty. */
export function parseWslListQuiet(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
