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
const ROW = /^([* ])\s+(\S+)\s+(\S+)\s+([12])\s*$/;

/**
 * Parse the decoded text of `wsl --list --verbose`. Column 1 is `*` for the default distro; names never contain
 * spaces, and the header and states are never translated, so a whitespace split is exact (docs/wsl-semantics.md
 * "wsl.exe output").
 */
export function parseWslListVerbose(text: string): WslDistro[] {
  const lines = text.split('\n');
  const headerIndex = lines.findIndex((line) => HEADER.test(line));
  if (headerIndex < 0) {
    throw new WslListParseError('The NAME / STATE / VERSION header of `wsl --list --verbose` is missing.', 1);
  }
  const distros: WslDistro[] = [];
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const match = ROW.exec(line);
    if (!match)
      throw new WslListParseError(`Line ${index + 1} is not a distro row: "${line.trim()}"`, index + 1);
    const [, marker, name = '', state = '', version] = match;
    distros.push({
      name,
      isDefault: marker === '*',
      state: toState(state),
      version: version === '1' ? 1 : 2,
    });
  }
  return distros;
}

/** Parse `wsl --list --running --quiet` (or `--list --quiet`): one bare distro name per line, none when empty. */
export function parseWslListQuiet(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
