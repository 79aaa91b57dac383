import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Parsed } from '../probe/parse-result';
import {
  nvidiaVersionFromDriverVersion,
  readDisplayDrivers,
  readGpuScheduling,
  readMemoryIntegrity,
  readShellFolders,
  readWindowsFacts,
  readWindowsVersion,
  readOemCodePage,
  REG_PROBE_IDS,
  REG_PROBES,
  type RegProbeOutput,
} from './windows-facts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/registry/${name}`, import.meta.url), 'utf8');
const out = (name: string, exitCode: number | null = 0): RegProbeOutput => ({
  stdout: fixture(name),
  exitCode,
});
const missing: RegProbeOutput = { stdout: '', exitCode: 1 };

function value<T>(result: Parsed<T> | undefined): T {
  if (!result?.ok) throw new Error(result ? result.unreadable.reason : 'absent');
  return result.value;
}

describe('REG_PROBES', () => {
  it('has one reg.exe query per probe id, none with a shell', () => {
    expect(REG_PROBES.map((probe) => probe.id)).toEqual([...REG_PROBE_IDS]);
    for (const probe of REG_PROBES) expect(probe.argv.slice(0, 2)).toEqual(['reg.exe', 'query']);
    expect(REG_PROBES.find((probe) => probe.id === 'reg-hags')?.argv).toEqual([
      'reg.exe',
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\GraphicsDrivers',
      '/v',
      'HwSchMode',
    ]);
  });
});

describe('readMemoryIntegrity', () => {
  it('reads Enabled 1 as on and 0 as off', () => {
    expect(value(readMemoryIntegrity(out('hvci-enabled.txt')))).toEqual({ enabled: true, configured: true });
    expect(value(readMemoryIntegrity(out('hvci-disabled.txt')))).toEqual({
      enabled: false,
      configured: true,
    });
  });

  it('reads a missing key (exit 1, localised error) as never configured, which is off', () => {
    const german = { stdout: fixture('missing-value.de-DE.stderr.txt'), exitCode: 1 };
    expect(value(readMemoryIntegrity(german))).toEqual({ enabled: false, configured: false });
  });

  it('is unreadable when reg.exe timed out', () => {
    const result = readMemoryIntegrity({ stdout: '', exitCode: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.unreadable.probe).toBe('reg-hvci');
  });
});

describe('readGpuScheduling', () => {
  it('reads HwSchMode 2 as on, 1 as off and absent as not set', () => {
    expect(value(readGpuScheduling(out('hags-on.txt'))).state).toBe('on');
    expect(value(readGpuScheduling(out('hags-off.txt'))).state).toBe('off');
    expect(value(readGpuScheduling(missing)).state).toBe('not-set');
  });

  it('is unreadable for another value', () => {
    const text = fixture('hags-on.txt').replace('0x2', '0x7');
    expect(readGpuScheduling({ stdout: text, exitCode: 0 }).ok).toBe(false);
  });
});

describe('readShellFolders', () => {
  it('sees Documents, Desktop and Pictures moved into personal OneDrive', () => {
    expect(value(readShellFolders(out('shell-folders-onedrive.txt')))).toEqual({
      documents: { path: 'C:\\Users\\alex\\OneDrive\\Documents', onOneDrive: true },
      desktop: { path: 'C:\\Users\\alex\\OneDrive\\Desktop', onOneDrive: true },
      pictures: { path: 'C:\\Users\\alex\\OneDrive\\Pictures', onOneDrive: true },
      redirectedToOneDrive: true,
    });
  });

  it('sees only Documents moved into OneDrive for Business', () => {
    const facts = value(readShellFolders(out('shell-folders-business-documents-only.txt')));
    expect(facts.documents).toEqual({
      path: 'C:\\Users\\sam\\OneDrive - Contoso Ltd\\Documents',
      onOneDrive: true,
    });
    expect(facts.desktop?.onOneDrive).toBe(false);
    expect(facts.redirectedToOneDrive).toBe(true);
  });

  it('sees folders in the profile as not redirected', () => {
    const facts = value(readShellFolders(out('shell-folders-local.txt')));
    expect(facts.documents?.path).toBe('%USERPROFILE%\\Documents');
    expect(facts.redirectedToOneDrive).toBe(false);
  });
});

describe('nvidiaVersionFromDriverVersion', () => {
  it.each([
    ['32.0.15.6094', '560.94'],
    ['32.0.15.6614', '566.14'],
    ['31.0.15.5222', '552.22'],
    ['31.0.15.3623', '536.23'],
    ['32.0.15.7283', '572.83'],
    ['30.0.14.7141', '471.41'],
    ['27.21.14.5671', '456.71'],
    ['26.21.14.3064', '430.64'],
    ['21.21.13.7653', '376.53'],
    ['32.0.15.9144', '591.44'],
    ['32.0.16.1062', '610.62'],
  ])('%s is NVIDIA %s', (windowsVersion, nvidia) => {
    expect(nvidiaVersionFromDriverVersion(windowsVersion)).toBe(nvidia);
  });

  it('pads a short last group to four digits and refuses other shapes', () => {
    expect(nvidiaVersionFromDriverVersion('30.0.15.95')).toBe('500.95');
    expect(nvidiaVersionFromDriverVersion('560.94')).toBeUndefined();
    expect(nvidiaVersionFromDriverVersion('32.0.15')).toBeUndefined();
    expect(nvidiaVersionFromDriverVersion('32.0.1.6')).toBeUndefined();
    expect(nvidiaVersionFromDriverVersion('a.b.c.d')).toBeUndefined();
  });
});

describe('readDisplayDrivers', () => {
  it('finds the NVIDIA adapter of a desktop and its public driver version', () => {
    const facts = value(readDisplayDrivers(out('display-class-desktop-rtx4090.txt')));
    expect(facts.adapters).toHaveLength(1);
    expect(facts.nvidia).toEqual({
      index: '0000',
      description: 'NVIDIA GeForce RTX 4090',
      provider: 'NVIDIA',
      driverVersion: '32.0.15.6094',
      driverDate: '8-14-2024',
      matchingDeviceId: 'pci\\ven_10de&dev_2684',
      isNvidia: true,
      nvidiaVersion: '560.94',
    });
  });

  it('finds the NVIDIA GPU of a laptop at 0001 behind the integrated GPU, which gets no NVIDIA version', () => {
    const facts = value(readDisplayDrivers(out('display-class-laptop-optimus.txt')));
    expect(facts.adapters.map((adapter) => [adapter.index, adapter.provider, adapter.isNvidia])).toEqual([
      ['0000', 'Intel Corporation', false],
      ['0001', 'NVIDIA', true],
    ]);
    expect(facts.adapters[0]?.nvidiaVersion).toBeUndefined();
    expect(facts.nvidia?.nvidiaVersion).toBe('566.14');
  });

  it('keeps the adapters printed before reg.exe stopped (exit 1)', () => {
    expect(value(readDisplayDrivers(out('display-class-partial.txt', 1))).nvidia?.nvidiaVersion).toBe(
      '552.22',
    );
  });

  it('is unreadable when the class key is missing', () => {
    expect(readDisplayDrivers(missing).ok).toBe(false);
  });
});

describe('readWindowsVersion', () => {
  it('reads Windows 11 24H2 although ProductName says Windows 10', () => {
    expect(value(readWindowsVersion(out('windows-version-24h2.txt')))).toEqual({
      build: 26100,
      ubr: 2894,
      version: '26100.2894',
      displayVersion: '24H2',
      productName: 'Windows 10 Pro',
      windows11: true,
      release: 'Windows 11 24H2',
    });
  });

  it('reads Windows 10 22H2', () => {
    const facts = value(readWindowsVersion(out('windows-version-win10-22h2.txt')));
    expect([facts.version, facts.windows11, facts.release]).toEqual(['19045.5247', false, 'Windows 10 22H2']);
  });

  it('names the release from the build when DisplayVersion is absent', () => {
    const text = fixture('windows-version-24h2.txt').replace(/ {4}DisplayVersion[^\r]*\r\n/, '');
    const facts = value(readWindowsVersion({ stdout: text, exitCode: 0 }));
    expect(facts.displayVersion).toBeUndefined();
    expect(facts.release).toBe('Windows 11 24H2');
  });

  it('is unreadable without CurrentBuild', () => {
    const text = fixture('windows-version-24h2.txt').replace(/CurrentBuild(Number)?/g, 'Other$1');
    expect(readWindowsVersion({ stdout: text, exitCode: 0 }).ok).toBe(false);
  });
});

describe('readWindowsFacts', () => {
  it('reads the probes it is given and leaves the others absent', () => {
    const facts = readWindowsFacts({ 'reg-hags': out('hags-on.txt'), 'reg-hvci': missing });
    expect(Object.keys(facts).sort()).toEqual(['hags', 'hvci']);
    expect(value(facts.hags).state).toBe('on');
    expect(value(facts.hvci).configured).toBe(false);
  });
});

describe('readOemCodePage', () => {
  it('reads OEMCP, and nothing from a failed query', () => {
    const stdout =
      '\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\n    OEMCP    REG_SZ    850\n\n';
    expect(readOemCodePage({ stdout, exitCode: 0 })).toBe(850);
    expect(readOemCodePage({ stdout: '', exitCode: 1 })).toBeUndefined();
  });
});
