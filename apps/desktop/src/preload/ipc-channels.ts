/**
 * The two Electron IPC channels Headroom uses. Every contract call travels on {@link IPC_INVOKE} with the contract
 * channel name as its first argument, and every push on {@link IPC_PUSH}, so main checks one handler, not many.
 */
export const IPC_INVOKE = 'headroom:invoke';

/** The one IPC channel main sends pushes on: `(contractChannel, payload)`. */
export const IPC_PUSH = 'headroom:push';

/** The name the preload gives the transport on the renderer's `window`. */
export const TRANSPORT_GLOBAL = 'headroomTransport';
