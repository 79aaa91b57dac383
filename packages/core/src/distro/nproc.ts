import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** Parse `nproc`: the number of processors the distro may use (.wslconfig's `processors`, at most the host's). */
export function parseNproc(text: string): Parsed<number> {
  return parseSafely('distro-nproc', text, (): Parsed<number> => {
    const trimmed = text.trim();
    if (!/^\d{1,6}$/.test(trimmed)) return unreadable('distro-nproc', 'not a processor count', text);
    const count = Number(trimmed);
    return count > 0 ? parsed(count) : unreadable('distro-nproc', 'a processor count of 0', text);
  });
}
