import type { ErrorCode, ErrorPayload } from '@headroom/contract';
import { WslConfigHistoryError, WslError, type WslFailure } from '@headroom/host';
import { ServiceError } from './service-error';

const WSL_CODES: Record<WslFailure, ErrorCode> = {
  'not-installed': 'wsl-not-installed',
  failed: 'wsl-failed',
  timeout: 'wsl-timeout',
  'unreadable-output': 'wsl-unreadable-output',
};

/**
 * Turn anything a handler threw into the plain error the contract carries: a known failure keeps its own words
 * and raw output; anything else becomes `internal`, never a stack trace.
 */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof WslError) {
    return {
      code: WSL_CODES[error.failure],
      message: error.message,
      ...(error.output ? { detail: error.output } : {}),
    };
  }
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  // A version id that is not in the history (or no longer matches its hash) is the caller's mistake, not Headroom's.
  if (error instanceof WslConfigHistoryError) return { code: 'invalid-request', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Headroom: ${message}` };
}
