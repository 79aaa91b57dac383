import { buildRenderer } from '@headroom/desktop';
import { chromiumPath } from './browser';

/** Build the renderer once, fresh, and find (or unpack) the Chromium the specs drive, before any spec runs. */
export default async function setup(): Promise<void> {
  await buildRenderer({ quiet: true });
  await chromiumPath();
}
