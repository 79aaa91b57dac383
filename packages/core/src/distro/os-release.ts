import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';

/** What /etc/os-release says about the distribution. */
export interface OsRelease {
  /** `ID`, e.g. `ubuntu`; `linux` when absent, as the os-release specification says. */
  readonly id: string;
  /** `VERSION_ID`, e.g. `24.04`. */
  readonly versionId?: string;
  /** `PRETTY_NAME`, e.g. `Ubuntu 24.04.1 LTS`; `Linux` when absent. */
  readonly prettyName: string;
  /** `ID_LIKE`, split at spaces, e.g. `['debian']`. */
  readonly idLike: readonly string[];
  /** Every assignment, unquoted. */
  readonly fields: Readonly<Record<string, string>>;
}

const ASSIGNMENT = /^([A-Z_][A-Z0-9_]*)=(.*)$/;

/** Undo the shell quoting os-release allows: double quotes with `\` escapes, single quotes, or a bare word. */
function unquote(raw: string): string {
  const value = raw.trim();
  if (value.startsWith("'")) return value.slice(1, value.endsWith("'") && value.length > 1 ? -1 : undefined);
  if (!value.startsWith('"')) return value;
  let out = '';
  for (let index = 1; index < value.length; index += 1) {
    const c = value[index] ?? '';
    if (c === '"') break;
    if (c === '\\' && index + 1 < value.length) {
      index += 1;
      out += value[index] ?? '';
    } else out += c;
  }
  return out;
}

/** Parse /etc/os-release (or /usr/lib/os-release). */
export function parseOsRelease(text: string): Parsed<OsRelease> {
  return parseSafely('distro-os-release', text, (): Parsed<OsRelease> => {
    const fields: Record<string, string> = {};
    for (const line of text.split(/\r?\n/)) {
      const match = ASSIGNMENT.exec(line.trim());
      if (match?.[1] !== undefined && !Object.hasOwn(fields, match[1]))
        fields[match[1]] = unquote(match[2] ?? '');
    }
    if (Object.keys(fields).length === 0) return unreadable('distro-os-release', 'no KEY=value line', text);
    const versionId = fields.VERSION_ID;
    return parsed({
      id: fields.ID ?? 'linux',
      ...(versionId !== undefined && { versionId }),
      prettyName: fields.PRETTY_NAME ?? 'Linux',
      idLike: (fields.ID_LIKE ?? '').split(/\s+/).filter((word) => word !== ''),
      fields,
    });
  });
}
