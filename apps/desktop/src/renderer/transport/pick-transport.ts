import type { Transport } from '@headroom/contract';
import { createHttpTransport, takeDemoToken } from './http-transport';

declare global {
  interface Window {
    /** Set by the Electron preload: the IPC transport, restricted to the contract's channels. */
    readonly headroomTransport?: Transport;
  }
}

/** The transport this page runs on: Electron's preload when present, else the demo server that served it. */
export function pickTransport(win: Window): Transport | { error: string } {
  if (win.headroomTransport) return win.headroomTransport;
  const token = takeDemoToken(win);
  if (!token) {
    return {
      error: 'This page needs the address the Headroom demo printed, including the part after #token=.',
    };
  }
  return createHttpTransport(token);
}
