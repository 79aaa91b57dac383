import type { Log } from '@headroom/host';

/** Where a command writes; tests pass buffers, the bin passes the process's streams. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /**
   * Where background failures go: stderr with `--verbose`, otherwise nowhere. Dropping them is acceptable only in
   * the CLI, because a command reports its own (foreground) failure itself and exits; nothing runs on after it.
   */
  readonly log?: Log;
}

/**
 * Exit codes shared by every command: 0 done, 1 the command failed, 2 the command line was wrong, 5 the capture
 * folder given with --from-capture or --show could not be read (outside the doctor's categories 1-4).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, capture: 5 } as const;

/** A command-line mistake: shown as one line plus a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * `headroom … | head`: when the reader closes the pipe, end quietly with exit 0 as other tools do, instead of an
 * EPIPE stack trace. Any other stream error is re-thrown.
 */
export function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
}

/** C0 and C1 control characters but tab and newline: what a terminal may act on instead of showing. */
// eslint-disable-next-line no-control-regex -- the control characters are what terminalSafe removes
const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Text from a file or a program made safe for a terminal: escape sequences and other control characters (all but
 * tab and newline) are shown as `\xNN` instead of being sent, so a .wslconfig or a capture cannot recolour, retitle
 * or rewrite the user's terminal.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
