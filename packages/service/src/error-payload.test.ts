import { WslConfigHistoryError } from '@headroom/host';
import { describe, expect, it } from 'vitest';
import { toErrorPayload } from './error-payload';

describe('toErrorPayload', () => {
  it('calls an unknown or changed .wslconfig version the request’s mistake, in the store’s words, not "internal"', () => {
    const error = new WslConfigHistoryError('unknown-version', 'nope', 'There is no saved version "nope".');
    expect(toErrorPayload(error)).toEqual({
      code: 'invalid-request',
      message: 'There is no saved version "nope".',
    });
  });

  it('still says "internal" for a failure nobody expected, without a stack trace', () => {
    const payload = toErrorPayload(new TypeError('x is undefined'));
    expect(payload.code).toBe('internal');
    expect(payload.message).not.toMatch(/\n\s+at /);
  });
});
