import type { WslSnapshot } from '@headroom/contract';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeTray, type FakeMenuItem } from './testing/fake-electron';
import { createTray, TRAY_GUID } from './tray';
import { drawTrayIcon } from './tray-icon';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const RUNNING: WslSnapshot = {
  observedAt: '2026-01-01T00:00:00.000Z',
  distros: [{ name: 'Ubuntu-24.04', state: 'Running', isDefault: true, version: 2 }],
};
const STOPPED: WslSnapshot = {
  observedAt: '2026-01-01T00:00:10.000Z',
  distros: [{ name: 'Ubuntu-24.04', state: 'Stopped', isDefault: true, version: 2 }],
};

function setup() {
  const actions = {
    open: vi.fn(),
    setUp: vi.fn(),
    editWslconfig: vi.fn(),
    runChecks: vi.fn(),
    shutdownWsl: vi.fn(),
    reverify: vi.fn(),
    setStartAtLogin: vi.fn(),
    quit: vi.fn(),
  };
  const tray = createTray(actions);
  const fake = FakeTray.instances.at(-1);
  if (!fake) throw new Error('createTray made no Tray');
  const menu = (): FakeMenuItem[] => {
    const last = fake.setContextMenu.mock.calls.at(-1) as [{ template: FakeMenuItem[] }] | undefined;
    if (!last) throw new Error('no context menu set');
    return last[0].template;
  };
  const item = (label: string): FakeMenuItem => {
    const found = menu().find((entry) => entry.label === label);
    if (!found) throw new Error(`no menu item "${label}"`);
    return found;
  };
  const lastImageBytes = (): Uint8Array => {
    const call = fakeElectron.nativeImage.createFromBitmap.mock.calls.at(-1);
    if (!call) throw new Error('no image drawn');
    return new Uint8Array(call[0]);
  };
  return { actions, tray, fake, menu, item, lastImageBytes };
}

beforeEach(() => {
  FakeTray.instances.length = 0;
  vi.clearAllMocks();
});

describe('createTray', () => {
  it("gives the icon a stable GUID, so Windows keeps the user's choice to show it across updates", () => {
    const { fake } = setup();
    expect(fake.guid).toBe(TRAY_GUID);
    expect(TRAY_GUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('offers Open Headroom, Run checks now, Set up Headroom…, Shut down WSL (and re-verify), Edit .wslconfig, a separator and Quit, each doing its job', () => {
    const { menu, item, actions } = setup();
    expect(menu().map((entry) => entry.label ?? entry.type)).toEqual([
      'Open Headroom',
      'Run checks now',
      'Set up Headroom…',
      'Shut down WSL',
      'Shut down WSL and re-verify',
      'Edit .wslconfig',
      'separator',
      'Quit',
    ]);
    item('Open Headroom').click?.();
    item('Run checks now').click?.();
    expect(actions.runChecks).toHaveBeenCalledOnce();
    item('Set up Headroom…').click?.();
    item('Shut down WSL').click?.();
    item('Shut down WSL and re-verify').click?.();
    expect(actions.reverify).toHaveBeenCalledOnce();
    item('Edit .wslconfig').click?.();
    expect(actions.editWslconfig).toHaveBeenCalledOnce();
    item('Quit').click?.();
    expect(actions.open).toHaveBeenCalledOnce();
    expect(actions.setUp).toHaveBeenCalledOnce();
    expect(actions.shutdownWsl).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('opens the window on a left click', () => {
    const { fake, actions } = setup();
    fake.emit('click');
    expect(actions.open).toHaveBeenCalledOnce();
  });

  it('starts grey, saying it is checking', () => {
    const { fake } = setup();
    expect(fake.setToolTip).toHaveBeenLastCalledWith('Headroom — checking WSL…');
    const [bytes, options] = fakeElectron.nativeImage.createFromBitmap.mock.calls[0] ?? [];
    expect(new Uint8Array(bytes ?? [])).toEqual(drawTrayIcon('grey', 32));
    expect(options).toMatchObject({ width: 32, height: 32 });
  });

  it('turns green with the running distros named, and grey again once stopped', () => {
    const { tray, fake, item, lastImageBytes } = setup();
    tray.update(RUNNING);
    expect(lastImageBytes()).toEqual(drawTrayIcon('green', 32));
    expect(fake.setImage).toHaveBeenCalledTimes(1);
    expect(fake.setToolTip).toHaveBeenLastCalledWith('Headroom — WSL running: Ubuntu-24.04');
    expect(item('Shut down WSL').enabled).toBe(true);

    tray.update(STOPPED);
    expect(lastImageBytes()).toEqual(drawTrayIcon('grey', 32));
    expect(fake.setToolTip).toHaveBeenLastCalledWith('Headroom — WSL stopped');
    expect(item('Shut down WSL').enabled).toBe(false);
  });

  it('shows the error and keeps Shut down WSL available when WSL cannot be read', () => {
    const { tray, fake, item, lastImageBytes } = setup();
    tray.update(RUNNING, { message: 'wsl.exe did not answer within 15 s.' });
    expect(lastImageBytes()).toEqual(drawTrayIcon('grey', 32));
    expect(fake.setToolTip).toHaveBeenLastCalledWith(
      'Headroom — WSL unavailable: wsl.exe did not answer within 15 s.',
    );
    expect(item('Shut down WSL').enabled).toBe(true);
  });

  it.each([
    ['green', 'OK', 'OK'],
    ['amber', 'GPU passthrough slow, 1.2 s', 'Needs attention'],
    ['red', 'nvidia-smi hangs inside WSL', 'Broken'],
    ['grey', 'WSL stopped (normal)', 'WSL stopped'],
  ] as const)(
    'shows the %s light with its line in the tooltip and at the top of the menu',
    (health, summary, word) => {
      const { tray, fake, menu, lastImageBytes } = setup();
      tray.update(RUNNING);
      tray.setHealth({
        health,
        summary,
        checkedAt: '2026-01-01T00:00:00.000Z',
        counts: { error: 0, warning: 0, info: 0 },
        changes: [],
      });
      expect(lastImageBytes()).toEqual(drawTrayIcon(health, 32));
      expect(fake.setToolTip).toHaveBeenLastCalledWith(`Headroom — ${summary} · WSL running: Ubuntu-24.04`);
      expect(menu()[0]).toMatchObject({ label: `${word} — ${summary}`, enabled: false });
    },
  );

  it('ticks Start at login as it is, and asks to turn it over when clicked', () => {
    const { tray, item, actions } = setup();
    tray.setStartAtLogin(true);
    expect(item('Start at login')).toMatchObject({ type: 'checkbox', checked: true });
    item('Start at login').click?.();
    expect(actions.setStartAtLogin).toHaveBeenCalledWith(false);
  });

  it('destroys the tray icon', () => {
    const { tray, fake } = setup();
    tray.destroy();
    expect(fake.destroy).toHaveBeenCalledOnce();
  });
});
