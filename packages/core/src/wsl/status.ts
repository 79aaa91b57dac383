import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** What `wsl --status` says: the default distro and default WSL version (its labels are translated). */
export interface WslStatus {
  readonly defaultDistro: string | null;
  readonly defaultVersion: 1 | 2 | null;
  /** Further lines, such as warnings that virtualization is off. */
  readonly notes: readonly string[];
}

/** Parse `wsl --status` by line order: the default distro, then the default version, then any notes. */
export function parseWslStatus(text: string, probe = 'wsl-status'): Parsed<WslStatus> {
  return parseSafely(probe, text, () => {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const valued = lines.filter((line) => /[:：]/.test(line));
    if (valued.length === 0) return unreadable(probe, 'no "label: value" lines', text);
    const value = (line: string | undefined): string | null => {
      if (line === undefined) return null;
      const at = Math.max(line.lastIndexOf(':'), line.lastIndexOf('：'));
      return line.slice(at + 1).trim() || null;
    };
    const version = value(valued[1]);
    return parsed({
      defaultDistro: value(valued[0]),
      defaultVersion: version === '1' ? 1 : version === '2' ? 2 : null,
      notes: lines.filter((line) => line !== valued[0] && line !== valued[1]),
    });
  });
}

/**
 * The `wsl: ...` warnings WSL prints on stderr when the VM boots (its own complaints about .wslconfig among them),
 * kept as evidence. Localised, so they are kept as text.
 */
export function parseWslWarnings(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^wsl:\s/i.test(line))
    .map((line) => line.replace(/^wsl:\s*/i, ''));
}
