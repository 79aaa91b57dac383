import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import { CUT_OFF, endsMidLine, outputLines } from './values';

/** A column of `nvidia-smi dmon`: its name (`pwr`, `gtemp`, `sm`, `mem`, `mclk`, ...) and unit (`W`, `C`, `%`, `MHz`). */
export interface DmonColumn {
  readonly name: string;
  readonly unit: string | null;
}

/** One line of `nvidia-smi dmon`: a GPU's readings at one moment, by column name. `-` (not reported) is null. */
export interface DmonSample {
  readonly gpu: number;
  readonly values: Readonly<Record<string, number | null>>;
}

/** What `nvidia-smi dmon` printed: its columns (without the GPU index) and the samples, oldest first. */
export interface DmonOutput {
  readonly columns: DmonColumn[];
  readonly samples: DmonSample[];
}

/**
 * Parse `nvidia-smi dmon -c N`: two `#` header lines (names, then units; repeated in long runs) and one line of
 * numbers per GPU per interval, `-` where a reading is not available (`mtemp` on GeForce, every utilisation under
 * MIG). An output that stops in the middle of a line (cut off: `300` would read as `30`), a line with the wrong
 * number of values or a value that is not a number is unreadable.
 */
export function parseDmon(text: string, probe: string): Parsed<DmonOutput> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    if (endsMidLine(text)) return unreadable(probe, CUT_OFF, text);
    const lines = outputLines(text);
    const headers = lines.filter((line) => line.trim().startsWith('#'));
    const names = (headers[0] ?? '').replace(/^\s*#/, '').trim().split(/\s+/);
    const units = (headers[1] ?? '').replace(/^\s*#/, '').trim().split(/\s+/);
    if (names[0]?.toLowerCase() !== 'gpu' || names.length < 2) {
      return unreadable(probe, 'there is no "# gpu ..." header line', text);
    }
    const columns = names.slice(1).map((name, at) => ({ name, unit: units[at + 1] ?? null }));
    const samples: DmonSample[] = [];
    for (const [at, raw] of lines.entries()) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const values = line.split(/\s+/);
      if (values.length !== names.length) {
        return unreadable(
          probe,
          `line ${at + 1} has ${values.length} values for ${names.length} columns`,
          text,
        );
      }
      const [gpu = '', ...readings] = values;
      if (!/^\d+$/.test(gpu) || !readings.every((value) => value === '-' || /^\d+(?:\.\d+)?$/.test(value))) {
        return unreadable(probe, `line ${at + 1} is not a line of numbers`, text);
      }
      samples.push({
        gpu: Number(gpu),
        values: Object.fromEntries(
          columns.map((column, index) => {
            const value = readings[index] ?? '-';
            return [column.name, value === '-' ? null : Number(value)];
          }),
        ),
      });
    }
    return parsed({ columns, samples });
  });
}
