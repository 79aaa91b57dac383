import { HeadroomError } from '@headroom/contract';
import { describe, expect, it } from 'vitest';
import { asErrorPayload } from './error-payload';

describe('asErrorPayload', () => {
  it('keeps the service’s code, words and detail', () => {
    const error = new HeadroomError({
      code: 'unavailable',
      message: 'WSL is not installed.',
      detail: 'wsl.exe: 2',
    });
    expect(asErrorPayload(error)).toEqual({
      code: 'unavailable',
      message: 'WSL is not installed.',
      detail: 'wsl.exe: 2',
    });
    expect(asErrorPayload(new HeadroomError({ code: 'unavailable', message: 'No.' }))).toEqual({
      code: 'unavailable',
      message: 'No.',
    });
  });

  it('shows any other failure by its message as an internal error, never as a stack trace', () => {
    const payload = asErrorPayload(new TypeError('fetch failed'));
    expect(payload).toEqual({ code: 'internal', message: 'fetch failed' });
    expect(JSON.stringify(payload)).not.toContain('at ');
    expect(asErrorPayload('socket closed')).toEqual({ code: 'internal', message: 'socket closed' });
  });
});
