import { readFileSync } from 'node:fs';
import { HEADROOM_VERSION } from '@headroom/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadroom } from '../headroom/create-headroom';
import { simulatedMachine } from '../headroom/machine';
import { createSimulatedService, type SimulatedServiceFixture } from '../testing/simulated-service';

let fixture: SimulatedServiceFixture | undefined;
afterEach(() => {
  fixture?.dispose();
  fixture = undefined;
});

describe('the settings channels', () => {
  it('keeps a muted kind in notifications.json, where the policy and a restarted Headroom read it', async () => {
    fixture = await createSimulatedService('healthy');
    const { handlers } = fixture.service;
    const before = await handlers['settings.get'](undefined);
    expect(before.notifications.every((kind) => !kind.muted)).toBe(true);
    const after = await handlers['settings.muteNotification']({ kind: 'driver-change', muted: true });
    expect(after.notifications.find((kind) => kind.kind === 'driver-change')?.muted).toBe(true);
    expect(await fixture.headroom.notificationState.read()).toMatchObject({ muted: ['driver-change'] });
    expect(JSON.parse(readFileSync(fixture.headroom.layout.notifications, 'utf8'))).toMatchObject({
      muted: ['driver-change'],
    });
    // A restart: Headroom built anew over the same data folder reads the mute back.
    const restarted = await createHeadroom({
      machine: simulatedMachine(fixture.windows),
      dataDir: fixture.headroom.layout.root,
    });
    const read = await restarted.service.handlers['settings.get'](undefined);
    expect(read.notifications.find((kind) => kind.kind === 'driver-change')?.muted).toBe(true);
  });

  it('tells the version of the root package.json', async () => {
    fixture = await createSimulatedService('healthy');
    const manifest = JSON.parse(
      readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(HEADROOM_VERSION).toBe(manifest.version);
    expect((await fixture.service.handlers['settings.get'](undefined)).version).toBe(manifest.version);
  });
});
