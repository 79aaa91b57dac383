/** How bad a log line is. `debug` lines are written only when asked for (`--verbose`, HEADROOM_LOG=debug). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Headroom's log port. Every background failure that is not shown to the user goes here with what was being done
 * (`log.warn('reading the distros for the watch', error)`), so nothing vanishes: the app writes a rolling file in
 * its data folder, the CLI writes stderr with `--verbose`, tests keep lines in memory.
 */
export interface Log {
  debug(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

/** One line as a {@link memoryLog} keeps it. */
export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly error?: string;
}

/** The text of an error for a log line: its name, code and message (an Error), or the value itself. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${error.name}${code ? ` ${code}` : ''}: ${error.message}`;
  }
  if (typeof error === 'string') return error;
  const json = JSON.stringify(error) as string | undefined;
  return json ?? String(error);
}

/** A log that drops every line: for callers that were given none (the CLI without --verbose logs to stderr instead). */
export const nullLog: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A log that keeps its lines in memory, for tests that assert a failure was logged. */
export function memoryLog(): Log & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const add =
    (level: LogLevel) =>
    (message: string, error?: unknown): void => {
      lines.push(error === undefined ? { level, message } : { level, message, error: describeError(error) });
    };
  return { lines, debug: add('debug'), info: add('info'), warn: add('warn'), error: add('error') };
}
