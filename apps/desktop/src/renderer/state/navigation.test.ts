import { APP_PAGES } from '@headroom/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate, pageFromHash } from './navigation';

afterEach(() => vi.unstubAllGlobals());

describe('pageFromHash', () => {
  it('reads every page of the window from its hash, with or without the #', () => {
    for (const page of APP_PAGES) {
      expect(pageFromHash(`#${page}`)).toBe(page);
      expect(pageFromHash(page)).toBe(page);
    }
  });

  it('names no page for an empty, unknown or token hash, so the window falls back to its default place', () => {
    expect(pageFromHash('')).toBeUndefined();
    expect(pageFromHash('#')).toBeUndefined();
    expect(pageFromHash('#nowhere')).toBeUndefined();
    expect(pageFromHash('#token=abc')).toBeUndefined();
    expect(pageFromHash('#Settings')).toBeUndefined();
  });
});

describe('navigate', () => {
  it('puts the page in the hash, so Back, Forward and a reload keep the place', () => {
    const location = { hash: '' };
    vi.stubGlobal('window', { location });
    navigate('diagnostics');
    expect(location.hash).toBe('#diagnostics');
    expect(pageFromHash(location.hash)).toBe('diagnostics');
  });
});
