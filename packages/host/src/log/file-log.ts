import { describeError, type Log, type LogLevel } from './log';
import { openRollingFile } from './rolling-file';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** The lowest level a log keeps: `info` by default, `debug` with `--verbose` or HEADROOM_LOG=debug. */
export function logLevelFrom(env: NodeJS.ProcessEnv, verbose = false): LogLevel {
  const asked = env.HEADROOM_LOG?.toLowerCase();
  if (verbose) return 'debug';
  return LEVELS.find((level) => level === asked) ?? 'info';
}

const keeps = (threshold: LogLevel, level: LogLevel): boolean =>
  LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);

/** One line of a text log: `2026-11-21T12:00:00.000Z WARN  reading the distros: Error: ...`, newlines folded. */
export function formatLogLine(time: Date, level: LogLevel, message: string, error?: unknown): string {
  const text = error === undefined ? message : `${message}: ${describeError(error)}`;
  return `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${text.replace(/\r?\n/g, ' ⏎ ')}\n`;
}

/** A log written to a file, and how to wait until every line so far is on disk. */
export interface FileLog extends Log {
  readonly path: string;
  /** Resolves when every line logged so far has been written (or failed to be). */
  flush(): Promise<void>;
}

/** Where the file log writes and how much it keeps. */
export interface FileLogOptions {
  /** `<data>/logs/headroom.log`; the older generation is `headroom.log.1`. */
  readonly path: string;
  /** Default 1 MiB: the file and its one older generation stay under 2 MiB. */
  readonly maxBytes?: number;
  /** Default `info`. */
  readonly level?: LogLevel;
  readonly clock?: () => Date;
}

/**
 * The app's log: timestamped lines in a rolling file in the data folder (size-capped, one older file kept). It never
 * throws and never rejects: a line that cannot be written (a full disk, a locked file) is dropped, and the next one
 * tries again.
 */
export function openFileLog(options: FileLogOptions): FileLog {
  const file = openRollingFile({ path: options.path, maxBytes: options.maxBytes ?? 2 ** 20 });
  const clock = options.clock ?? (() => new Date());
  const threshold = options.level ?? 'info';
  let pending: Promise<void> = Promise.resolve();
  const add =
    (level: LogLevel) =>
    (message: string, error?: unknown): void => {
      if (!keeps(threshold, level)) return;
      // Writing the log is the one failure with no log to go to: it goes to stderr instead, and never throws.
      pending = file
        .append(formatLogLine(clock(), level, message, error))
        .catch(
          (failure: unknown) =>
            void process.stderr.write(`headroom: could not write the log: ${describeError(failure)}\n`),
        );
    };
  return {
    path: options.path,
    flush: () => pending,
    debug: add('debug'),
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
  };
}

/** A log that writes each line to a stream (the CLI's stderr with `--verbose`), prefixed `headroom:`. */
export function streamLog(stream: { write(text: string): unknown }, level: LogLevel = 'debug'): Log {
  const add =
    (at: LogLevel) =>
    (message: string, error?: unknown): void => {
      if (!keeps(level, at)) return;
      const text = error === undefined ? message : `${message}: ${describeError(error)}`;
      stream.write(`headroom: ${at}: ${text}\n`);
    };
  return { debug: add('debug'), info: add('info'), warn: add('warn'), error: add('error') };
}

/** A log that writes every line to each of `logs` (the file and, with --verbose, stderr). */
export function teeLog(...logs: readonly Log[]): Log {
  const add =
    (level: LogLevel) =>
    (message: string, error?: unknown): void => {
      for (const log of logs) log[level](message, error);
    };
  return { debug: add('debug'), info: add('info'), warn: add('warn'), error: add('error') };
}
