import { describe, expect, it, vi } from 'vitest';
import {
  driveOf,
  fixedHostFacts,
  systemInformationHostFacts,
  type HostFactsData,
  type SystemInformation,
} from './host-facts';
import { withHostFacts } from '../capture/this-host';

/** What systeminformation answers on a Windows 11 laptop with Intel Arc graphics, off its charger. */
function fakeSi() {
  const si = {
    powerShellStart: vi.fn(),
    powerShellRelease: vi.fn(),
    osInfo: vi.fn(() =>
      Promise.resolve({ distro: 'Microsoft Windows 11 Pro', build: '22631', codename: '23H2' }),
    ),
    mem: vi.fn(() => Promise.resolve({ total: 32 * 2 ** 30, available: 20 * 2 ** 30 })),
    fsSize: vi.fn(() =>
      Promise.resolve([
        { fs: 'C:', mount: 'C:', size: 1_000e9, available: 12e9 },
        { fs: 'D:', mount: 'D:', size: 2_000e9, available: 900e9 },
      ]),
    ),
    graphics: vi.fn(() =>
      Promise.resolve({ controllers: [{ vendor: 'Intel Corporation', model: 'Intel(R) Arc(TM) Graphics' }] }),
    ),
    battery: vi.fn(() => Promise.resolve({ hasBattery: true, acConnected: false, percent: 64 })),
  };
  return { si, facts: systemInformationHostFacts(si as unknown as SystemInformation) };
}

describe('systemInformationHostFacts', () => {
  it('asks every fact through one PowerShell session, started once and ended on close', async () => {
    const { si, facts } = fakeSi();
    await facts.windows();
    await facts.power();
    await facts.gpuControllers();
    expect(si.powerShellStart).toHaveBeenCalledOnce();
    facts.close();
    expect(si.powerShellRelease).toHaveBeenCalledOnce();
  });

  it('reads the edition and build, memory, the GPUs of any maker, and a laptop off its charger', async () => {
    const { facts } = fakeSi();
    expect(await facts.windows()).toEqual({
      edition: 'Microsoft Windows 11 Pro',
      build: 22631,
      displayVersion: '23H2',
    });
    expect(await facts.memory()).toEqual({ totalBytes: 32 * 2 ** 30, freeBytes: 20 * 2 ** 30 });
    expect(await facts.gpuControllers()).toEqual([
      { vendor: 'Intel Corporation', model: 'Intel(R) Arc(TM) Graphics' },
    ]);
    expect(await facts.power()).toEqual({ hasBattery: true, onBattery: true, percent: 64 });
  });

  it('gives the free space of each drive holding the paths, once per drive', async () => {
    const { facts } = fakeSi();
    expect(
      await facts.drives([
        'C:\\Users\\me\\AppData\\Local\\Packages\\Ubuntu\\LocalState\\ext4.vhdx',
        'c:\\models',
        'D:\\ollama\\models',
        '\\\\server\\share\\x',
      ]),
    ).toEqual([
      { drive: 'C:', freeBytes: 12e9, totalBytes: 1_000e9 },
      { drive: 'D:', freeBytes: 900e9, totalBytes: 2_000e9 },
    ]);
  });
});

describe('fixedHostFacts', () => {
  it('answers from data, as a simulated machine does', async () => {
    const data: HostFactsData = {
      windows: { edition: 'Microsoft Windows 11 Home', build: 26100, displayVersion: '24H2' },
      memory: { totalBytes: 16 * 2 ** 30, freeBytes: 6 * 2 ** 30 },
      drives: [{ drive: 'C:', freeBytes: 40e9, totalBytes: 500e9 }],
      gpuControllers: [{ vendor: 'NVIDIA', model: 'NVIDIA GeForce RTX 4060 Laptop GPU' }],
      power: { hasBattery: true, onBattery: true, percent: 64 },
    };
    const facts = fixedHostFacts(() => data);
    expect(await facts.power()).toEqual({ hasBattery: true, onBattery: true, percent: 64 });
    expect(await facts.drives(['C:\\Users\\me', 'E:\\x'])).toEqual([data.drives[0]]);
  });

  it('knows a path’s drive', () => {
    expect(driveOf('d:\\models')).toBe('D:');
    expect(driveOf('\\\\wsl$\\Ubuntu')).toBeUndefined();
  });
});

describe('withHostFacts', () => {
  it('adds the facts to a capture’s host, leaving out one that failed', async () => {
    const facts = fixedHostFacts(() => ({
      windows: { edition: 'Microsoft Windows 11 Home', build: 26100, displayVersion: '24H2' },
      memory: { totalBytes: 16 * 2 ** 30, freeBytes: 6 * 2 ** 30 },
      drives: [{ drive: 'C:', freeBytes: 40e9, totalBytes: 500e9 }],
      gpuControllers: [{ vendor: 'Intel Corporation', model: 'Intel(R) Arc(TM) Graphics' }],
      power: { hasBattery: true, onBattery: true, percent: 64 },
    }));
    const host = await withHostFacts({ totalMemoryBytes: 16 * 2 ** 30 }, facts, ['C:\\Users\\me\\ext4.vhdx']);
    expect(host).toEqual({
      totalMemoryBytes: 16 * 2 ** 30,
      windowsEdition: 'Microsoft Windows 11 Home',
      windowsDisplayVersion: '24H2',
      freeMemoryBytes: 6 * 2 ** 30,
      gpuControllers: [{ vendor: 'Intel Corporation', model: 'Intel(R) Arc(TM) Graphics' }],
      onBattery: true,
      drives: [{ drive: 'C:', freeBytes: 40e9, totalBytes: 500e9 }],
    });
    const failing = { ...facts, power: () => Promise.reject(new Error('WMI is broken')) };
    expect((await withHostFacts({}, failing)).onBattery).toBeUndefined();
  });
});
