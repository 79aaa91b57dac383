import type { ErrorCode } from '@headroom/contract';

/** A failure the service expects and words for the user itself (busy, unavailable), carried with its own code. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
