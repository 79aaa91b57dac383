import { describe, expect, it } from 'vitest';
import { wslStubAnswer } from './stub';

describe('wslStubAnswer', () => {
  it('recognises the stub by its exit codes, signed or as Windows reports the DWORD', () => {
    expect(wslStubAnswer(50)).toBe('not-installed');
    expect(wslStubAnswer(-444)).toBe('no-kernel');
    expect(wslStubAnswer(0xfffffe44)).toBe('no-kernel');
  });

  it('says nothing about WSL for other exit codes: a failing command is not a missing WSL', () => {
    expect(wslStubAnswer(0)).toBeUndefined();
    expect(wslStubAnswer(-1)).toBeUndefined();
    expect(wslStubAnswer(null)).toBeUndefined();
  });
});
