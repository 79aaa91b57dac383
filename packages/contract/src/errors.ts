import { z } from 'zod';

/**
 * Error codes that cross the contract. Transport codes say the call never reached a handler properly; the others
 * say what the service found, so the UI can pick words and actions without parsing messages.
 */
export const ERROR_CODES = [
  'unknown-channel',
  'invalid-request',
  'invalid-response',
  'untrusted-sender',
  'unauthorized',
  'transport',
  'wsl-not-installed',
  'wsl-failed',
  'wsl-timeout',
  'wsl-unreadable-output',
  'unavailable',
  'busy',
  'internal',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as plain JSON: what every transport carries instead of a thrown object. */
export const errorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Raw output or other evidence, shown one click away, never first. */
  detail: z.string().optional(),
});

/** A {@link errorPayloadSchema} value. */
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

/** Every invoke answers with an envelope, so errors survive structured clone and JSON alike. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorPayloadSchema }),
]);

/** A {@link envelopeSchema} value. */
export type Envelope = z.infer<typeof envelopeSchema>;

/** The error a bridge call rejects with: the service's code and message, ready to show. */
export class HeadroomError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'HeadroomError';
    this.code = payload.code;
    this.detail = payload.detail;
  }
}
