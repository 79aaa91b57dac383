import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE } from '../preload/ipc-channels';
import { fakeElectron } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

describe('the preload script', () => {
  it('exposes only the contract transport as window.headroomTransport, never ipcRenderer', async () => {
    await import('./preload-entry');
    expect(fakeElectron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, exposed] = fakeElectron.contextBridge.exposeInMainWorld.mock.calls[0] as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('headroomTransport');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.values(exposed)).not.toContain(fakeElectron.ipcRenderer);

    const transport = exposed as { invoke(channel: string, request: unknown): Promise<unknown> };
    fakeElectron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await transport.invoke('wsl.list', undefined);
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'wsl.list', undefined);
  });
});
