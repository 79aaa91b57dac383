import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { scanWslConfig, type SyntaxIssue } from '../wslconfig/scan';

/** One `section.key = value` line of /etc/wsl.conf, as WSL reads it. */
export interface WslConfEntry {
  /** `section.key` as written, e.g. `boot.systemd`. */
  readonly key: string;
  /** The value after WSL's quote and escape processing. */
  readonly value: string;
  /** 1-based line. */
  readonly line: number;
}

/** /etc/wsl.conf read with WSL's own parser (the same one as .wslconfig's). */
export interface WslConf {
  /** False when `cat /etc/wsl.conf` failed: there is no file (or it is not readable). */
  readonly exists: boolean;
  /** Every line WSL accepted, in order, repeats included. */
  readonly entries: readonly WslConfEntry[];
  /** What WSL uses: the first value of each key, by lower-case `section.key`. */
  readonly settings: Readonly<Record<string, string>>;
  /** The lines WSL warns about and skips. */
  readonly issues: readonly SyntaxIssue[];
}

/** Parse `cat /etc/wsl.conf`; a non-zero exit code means the file does not exist. */
export function parseWslConf(text: string, exitCode: number | null = 0): Parsed<WslConf> {
  return parseSafely('distro-wsl-conf', text, (): Parsed<WslConf> => {
    if (exitCode === null) return unreadable('distro-wsl-conf', 'reading /etc/wsl.conf did not finish', text);
    if (exitCode !== 0) return parsed({ exists: false, entries: [], settings: {}, issues: [] });
    const scan = scanWslConfig(text);
    const entries: WslConfEntry[] = [];
    const settings = new Map<string, string>();
    for (const key of scan.keys) {
      if (key.value === undefined) continue;
      entries.push({ key: key.fullName, value: key.value, line: key.line });
      const name = key.fullName.toLowerCase();
      if (!settings.has(name)) settings.set(name, key.value);
    }
    return parsed({ exists: true, entries, settings: Object.fromEntries(settings), issues: scan.issues });
  });
}
