import { GPU_QUERY_FIELDS } from '../probe/probe-ids';
import { fitCells, isHeaderOf, splitCsvLine } from './csv';
import { readGpuQueryRow, type GpuQueryRow } from './gpu-query';

/** A line longer than this without a newline is not nvidia-smi output; it is dropped and counted as skipped. */
const MAX_LINE_LENGTH = 64 * 1024;

/** Options of the stream parser. */
export interface GpuStreamOptions {
  /**
   * Rows per sample when `index` is not among the fields, so wraps cannot be seen (default 1). With `index`, the
   * sample size is learnt from the stream.
   */
  readonly gpuCount?: number;
}

/** A line-by-line reader of `nvidia-smi --query-gpu=... --format=csv,noheader,nounits -lms N` (or `-l N`). */
export interface GpuStreamParser {
  /**
   * Feed decoded text as it arrives, in chunks of any size; returns the samples completed by it, oldest first.
   * A sample holds one row per GPU. Never throws: lines that are not rows are skipped and counted.
   */
  push(chunk: string): GpuQueryRow[][];
  /**
   * The end of the stream: returns the sample still being collected. A last line without a newline was cut off
   * (the process was stopped while writing it), so it is counted as skipped rather than read.
   */
  flush(): GpuQueryRow[][];
  /** How many non-empty lines were not GPU rows (banners, errors, cut or overlong lines). Headers are not counted. */
  readonly skippedLines: number;
  /** The last skipped line (trimmed, at most 200 characters), for the "show raw output" view. */
  readonly lastSkippedLine: string | null;
}

/**
 * Create a parser for the looping query. Each line is one GPU's row; nvidia-smi prints the GPUs of a sample in
 * index order, so a sample ends where the index wraps back (is not greater than the previous row's). Once a
 * sample's size is known, a sample is returned as soon as its last row arrives rather than when the next begins.
 * A header line (the stream may repeat it without `noheader`) is ignored.
 */
export function createGpuStreamParser(
  fields: readonly string[] = GPU_QUERY_FIELDS,
  options: GpuStreamOptions = {},
): GpuStreamParser {
  const names = fields.map((field) => field.trim().toLowerCase());
  const hasIndex = names.includes('index');
  const fixedCount = hasIndex ? null : Math.max(1, Math.floor(options.gpuCount ?? 1));
  let buffer = '';
  let discarding = false;
  let pending: GpuQueryRow[] = [];
  let lastIndex: number | null = null;
  let learnedCount: number | null = fixedCount;
  let earlyEmit = true;
  let skippedLines = 0;
  let lastSkippedLine: string | null = null;

  const skip = (line: string): void => {
    skippedLines += 1;
    lastSkippedLine = line.trim().slice(0, 200);
  };

  const take = (out: GpuQueryRow[][]): void => {
    if (pending.length > 0) out.push(pending);
    pending = [];
  };

  const accept = (row: GpuQueryRow, out: GpuQueryRow[][]): void => {
    if (hasIndex && lastIndex !== null && row.index <= lastIndex) {
      if (pending.length > 0) learnedCount ??= pending.length;
      take(out);
    } else if (hasIndex && pending.length === 0 && lastIndex !== null) {
      // The sample was already returned as complete, yet it goes on: the GPU count changed. Wait for wraps only.
      earlyEmit = false;
      learnedCount = null;
    }
    lastIndex = row.index;
    pending.push(row);
    if (earlyEmit && learnedCount !== null && pending.length >= learnedCount) take(out);
  };

  const readLine = (raw: string, out: GpuQueryRow[][]): void => {
    const line = raw.replace(/\r/g, '').trim();
    if (line === '') return;
    const cells = splitCsvLine(line);
    if (isHeaderOf(cells, names)) return;
    const fitted = fitCells(cells, names);
    if (!fitted) {
      skip(line);
      return;
    }
    const position = hasIndex ? 0 : pending.length;
    const row = readGpuQueryRow(names, fitted, position);
    if (typeof row === 'string') skip(line);
    else accept(row, out);
  };

  return {
    push(chunk: string): GpuQueryRow[][] {
      const out: GpuQueryRow[][] = [];
      try {
        let text = chunk;
        if (discarding) {
          // The rest of an overlong line that was already counted as skipped.
          const newline = text.indexOf('\n');
          if (newline < 0) return out;
          text = text.slice(newline + 1);
          discarding = false;
        }
        const parts = (buffer + text).split('\n');
        buffer = parts.pop() ?? '';
        for (const line of parts) {
          if (line.length > MAX_LINE_LENGTH) skip(line);
          else readLine(line, out);
        }
        if (buffer.length > MAX_LINE_LENGTH) {
          skip(buffer);
          buffer = '';
          discarding = true;
        }
      } catch {
        skip(buffer);
        buffer = '';
      }
      return out;
    },
    flush(): GpuQueryRow[][] {
      const out: GpuQueryRow[][] = [];
      // nvidia-smi ends every line: text after the last newline was cut off (`39.3` of `39.32`) and is not read.
      if (buffer.trim() !== '' && !discarding) skip(buffer);
      buffer = '';
      discarding = false;
      take(out);
      return out;
    },
    get skippedLines(): number {
      return skippedLines;
    },
    get lastSkippedLine(): string | null {
      return lastSkippedLine;
    },
  };
}
