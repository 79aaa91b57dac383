import { describe, expect, it } from 'vitest';
import { setShutdownWithoutAsking, shutdownWithoutAsking } from './shutdown-preference';

/** The window's storage, in memory. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('the shutdown question’s “don’t ask again”', () => {
  it('asks until the user says not to, and asks again once Settings turns the question back on', () => {
    const storage = memoryStorage();
    expect(shutdownWithoutAsking(storage)).toBe(false);
    setShutdownWithoutAsking(true, storage);
    expect(shutdownWithoutAsking(storage)).toBe(true);
    setShutdownWithoutAsking(false, storage);
    expect(shutdownWithoutAsking(storage)).toBe(false);
  });

  it('asks every time where the window has no storage', () => {
    expect(shutdownWithoutAsking(undefined)).toBe(false);
  });
});
