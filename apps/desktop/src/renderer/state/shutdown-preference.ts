/** Where the window keeps the user's "don't ask again" for the shutdown question. */
const KEY = 'headroom.shutdownWithoutAsking';

/**
 * Whether the user chose "don't ask again" in the shutdown question: then Headroom shuts WSL down when applying or
 * verifying without asking. Kept in the window's own storage (the app's profile), per user; Settings turns it off.
 */
export function shutdownWithoutAsking(
  storage: Pick<Storage, 'getItem'> | undefined = safeStorage(),
): boolean {
  return storage?.getItem(KEY) === 'yes';
}

/** Remember (or forget) the user's "don't ask again". */
export function setShutdownWithoutAsking(
  value: boolean,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = safeStorage(),
): void {
  if (value) storage?.setItem(KEY, 'yes');
  else storage?.removeItem(KEY);
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch (error) {
    // A sandboxed page may refuse storage: then the question is asked every time.
    console.warn('Headroom could not open the window’s storage', error);
    return undefined;
  }
}
