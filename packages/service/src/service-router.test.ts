import { createBridge, HeadroomError, type WslSnapshot } from '@headroom/contract';
import { createWslCli } from '@headroom/host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHeadroomService } from './headroom-service';
import { createServiceRouter } from './service-router';
import { createSimulatedService, type SimulatedServiceFixture } from './testing/simulated-service';

let fixture: SimulatedServiceFixture;
beforeEach(async () => {
  fixture = await createSimulatedService('healthy');
});
afterEach(() => fixture.dispose());

describe('the service over the simulated wsl.exe, through the contract', () => {
  it('lists the distros with their states', async () => {
    const snapshot = await createBridge(fixture.router).invoke('wsl.list');
    expect(snapshot.distros).toEqual([
      { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
      { name: 'docker-desktop', isDefault: false, state: 'Running', version: 2 },
    ]);
    expect(Number.isNaN(Date.parse(snapshot.observedAt))).toBe(false);
  });

  it('shuts WSL down, answers with every distro Stopped and pushes wsl.changed', async () => {
    const bridge = createBridge(fixture.router);
    await bridge.invoke('wsl.list');
    const pushed: WslSnapshot[] = [];
    bridge.on('wsl.changed', (snapshot) => pushed.push(snapshot));
    const after = await bridge.invoke('wsl.shutdown');
    expect(after.distros.map((d) => d.state)).toEqual(['Stopped', 'Stopped']);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.distros.every((d) => d.state === 'Stopped')).toBe(true);
    expect(fixture.windows.readState().distros.some((d) => d.running)).toBe(false);
  });

  it('does not push when a re-read finds nothing changed', async () => {
    const bridge = createBridge(fixture.router);
    await bridge.invoke('wsl.list');
    let pushes = 0;
    bridge.on('wsl.changed', () => (pushes += 1));
    await bridge.invoke('wsl.list');
    expect(pushes).toBe(0);
  });

  it('answers a missing wsl.exe with the wsl-not-installed code and a plain message', async () => {
    const service = createHeadroomService({ wsl: createWslCli({ executable: '/nonexistent/wsl.exe' }) });
    const listing = createBridge(createServiceRouter(service)).invoke('wsl.list');
    await expect(listing).rejects.toBeInstanceOf(HeadroomError);
    await expect(listing).rejects.toMatchObject({
      code: 'wsl-not-installed',
      message: expect.stringContaining('not installed') as unknown,
    });
  });

  it('refuses unknown channels and bad requests before the service sees them', async () => {
    await expect(fixture.router.invoke('wsl.exec', { cmd: 'rm -rf /' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    await expect(fixture.router.invoke('wsl.shutdown', { distro: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(fixture.windows.readState().distros.every((d) => d.running)).toBe(true);
  });

  it('answers a .wslconfig version that does not exist as a bad request that names it, not an internal error', async () => {
    await expect(
      fixture.router.invoke('history.diff', { id: '20200101T000000000Z-00000000' }),
    ).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        message: expect.stringContaining('20200101T000000000Z-00000000') as unknown,
      },
    });
  });
});
