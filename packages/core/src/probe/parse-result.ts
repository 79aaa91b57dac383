/** Why a probe's output could not be read: which probe, what was wrong, and the start of what it printed. */
export interface Unreadable {
  readonly probe: string;
  readonly reason: string;
  /** The first few hundred characters of the output, for the "show raw output" view. */
  readonly excerpt: string;
}

/** A parser's answer: the facts it read, or a typed "unreadable" that names the probe. Parsers never throw. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly unreadable: Unreadable };

const EXCERPT_LENGTH = 400;

/** A successful parse. */
export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** An unreadable result naming the probe, with the reason and an excerpt of the output. */
export function unreadable(probe: string, reason: string, text: string): Parsed<never> {
  return { ok: false, unreadable: { probe, reason, excerpt: text.slice(0, EXCERPT_LENGTH) } };
}

/**
 * Run a parser so that nothing escapes it: an unexpected exception becomes an unreadable result. Parsers use this
 * as their outer shell, so a truncated or garbage output can never crash the app or the doctor.
 */
export function parseSafely<T>(probe: string, text: string, parse: () => Parsed<T>): Parsed<T> {
  try {
    return parse();
  } catch (error) {
    return unreadable(
      probe,
      `the output could not be read (${error instanceof Error ? error.message : String(error)})`,
      text,
    );
  }
}
