/**
 * The preload script (bundled alone into dist/preload/preload.cjs): gives the renderer the contract transport over
 * IPC and nothing else. It sits in src/main because only this folder may import electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { TRANSPORT_GLOBAL } from '../preload/ipc-channels';
import { createIpcTransport } from '../preload/ipc-transport';

contextBridge.exposeInMainWorld(TRANSPORT_GLOBAL, createIpcTransport(ipcRenderer));
