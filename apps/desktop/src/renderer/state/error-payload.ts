import { HeadroomError, type ErrorPayload } from '@headroom/contract';

/** Any rejection as the contract's plain error, so a store shows the service's words and never a stack trace. */
export function asErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof HeadroomError) {
    return { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
