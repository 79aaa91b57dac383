import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import { CUT_OFF, endsMidLine, outputLines } from './values';

/** A property `--query-gpu` accepts, as `--help-query-gpu` lists it. */
export interface QueryGpuProperty {
  readonly name: string;
  /** Other names for it (`"name" or "gpu_name"`). */
  readonly aliases: string[];
  /** The help marks it deprecated (610 help: `driver_version` ... `Deprecated; use "kmd_version" instead`). */
  readonly deprecated: boolean;
}

/** What `nvidia-smi -h` says about the program: its version and the options it knows. */
export interface NvidiaSmiHelp {
  /** From `NVIDIA System Management Interface -- v595.71.05`. */
  readonly version: string | null;
  /** Every option named at the start of a usage line, short and long (`-lms`, `--loop-ms`, `--query-gpu`). */
  readonly options: string[];
}

const PROPERTY_LINE = /^"[A-Za-z][\w.]*"(?:\s+or\s+"[A-Za-z][\w.]*")*$/;

/**
 * Parse `nvidia-smi --help-query-gpu` into the properties this driver accepts, so a probe can check its field
 * list before running (`kmd_version` exists from 595 only; docs/gpu-tools.md "Driver 610 renames"). Text that is not
 * this help, or that stops in the middle of a line (a cut list would report fields as unsupported that are not), is
 * unreadable.
 */
export function parseHelpQueryGpu(text: string, probe: string): Parsed<QueryGpuProperty[]> {
  return parseSafely(probe, text, () => {
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const lines = outputLines(text).map((line) => line.trim());
    if (
      !lines.some((line) => line.includes('List of valid properties to query for the switch "--query-gpu'))
    ) {
      return unreadable(probe, 'there is no "List of valid properties" line', text);
    }
    const properties: QueryGpuProperty[] = [];
    lines.forEach((line, at) => {
      if (!PROPERTY_LINE.test(line)) return;
      const [name = '', ...aliases] = [...line.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');
      const end = lines.findIndex((other, after) => after > at && other === '');
      const description = lines.slice(at + 1, end < 0 ? undefined : end).join(' ');
      properties.push({ name, aliases, deprecated: /\bDeprecated\b/.test(description) });
    });
    if (properties.length === 0) return unreadable(probe, 'no property is listed', text);
    return parsed(properties);
  });
}

/** The fields of a query list that a driver's `--help-query-gpu` does not know (by name or alias), in order. */
export function unsupportedQueryFields(
  properties: readonly QueryGpuProperty[],
  fields: readonly string[],
): string[] {
  const known = new Set(properties.flatMap((property) => [property.name, ...property.aliases]));
  return fields.filter((field) => !known.has(field));
}

/**
 * Parse `nvidia-smi -h`: the version on its first line and the options it documents, so Headroom can tell whether
 * this build knows `-lms` or `--query-gpu` before relying on them. Text that is not this help, or that stops in the
 * middle of a line (cut off), is unreadable.
 */
export function parseNvidiaSmiHelp(text: string, probe: string): Parsed<NvidiaSmiHelp> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const lines = outputLines(text);
    const title = lines.find((line) => line.includes('NVIDIA System Management Interface'));
    if (title === undefined)
      return unreadable(probe, 'there is no "NVIDIA System Management Interface" line', text);
    const options = new Set<string>();
    for (const line of lines) {
      const lead = /^\s+((?:--?[A-Za-z][\w-]*=?,?\s*)+)/.exec(line)?.[1] ?? '';
      for (const match of lead.matchAll(/--?[A-Za-z][\w-]*/g)) options.add(match[0]);
    }
    return parsed({ version: /--\s*v(\S+)/.exec(title)?.[1] ?? null, options: [...options] });
  });
}
