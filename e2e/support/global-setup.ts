import { buildRenderer } from '@headroom/desktop';

/** Build the renderer once, fresh, before any spec serves it. */
export default async function setup(): Promise<void> {
  await buildRenderer({ quiet: true });
}
