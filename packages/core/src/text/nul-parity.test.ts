import { describe, expect, it } from 'vitest';
import { nulParity } from './nul-parity';

describe('nulParity', () => {
  it('finds the odd NULs of UTF-16LE ASCII and none in UTF-8', () => {
    const utf16 = new Uint8Array(
      Array.from({ length: 8 }, (_, index) => ['Ubuntu\r\n'.charCodeAt(index), 0]).flat(),
    );
    expect(nulParity(utf16)).toEqual({ odd: 8, even: 0 });
    expect(nulParity(new TextEncoder().encode('Jürgen\n'))).toEqual({ odd: 0, even: 0 });
  });
});
