import { APP_PAGES, type AppPage } from '@headroom/contract';
import { useSyncExternalStore } from 'react';

/** The page a location hash names (`#setup`), or undefined for none or an unknown one. */
export function pageFromHash(hash: string): AppPage | undefined {
  const name = hash.replace(/^#/, '');
  return (APP_PAGES as readonly string[]).includes(name) ? (name as AppPage) : undefined;
}

/**
 * Show a page: the hash holds it, so Back and Forward and a reload keep the place. `replace` takes the current
 * history entry instead of adding one (the window choosing its first page by itself).
 */
export function navigate(page: AppPage, options: { replace?: boolean } = {}): void {
  if (options.replace) window.location.replace(`#${page}`);
  else window.location.hash = `#${page}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page the hash names, following every change. */
export function useHashPage(): AppPage | undefined {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
}
