import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  createGpuStreamParser,
  GPU_QUERY_FIELDS,
  readCaptureFacts,
  STANDARD_PROBE_IDS,
  type Capture,
  type CaptureFacts,
} from '@headroom/core';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { readCapture, writeCapture } from './capture-folder';
import { collectCapture } from './collect';
import { extraProbes } from './standard-probes';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

function simulate(scenario: string): SimulatedWindows {
  return createSimulatedWindows({ scenario, stateDir: tempDir(`headroom-collect-${scenario}-`) });
}

function collect(
  windows: SimulatedWindows,
  options: { utf8?: boolean; bootVm?: boolean } = {},
): Promise<Capture> {
  const env = { ...windows.env, HEADROOM_SIM_TIME_SCALE: '0.01', ...(options.utf8 ? { WSL_UTF8: '1' } : {}) };
  return collectCapture({
    env,
    host: windows.host,
    wslconfigPath: windows.wslconfigPath,
    extraProbes: extraProbes(),
    clock: () => new Date('2026-11-21T12:00:00Z'),
    ...(options.bootVm === undefined ? {} : { bootVm: options.bootVm }),
  });
}

/** Facts without timings, which differ between two runs of the same machine. */
function stable(facts: CaptureFacts): unknown {
  return JSON.parse(
    JSON.stringify(facts, (key, value: unknown) => (key === 'durationMs' ? undefined : value)),
  ) as unknown;
}

describe('collectCapture against the simulated Windows', () => {
  it('captures every standard probe and reads the healthy machine’s facts', async () => {
    const capture = await collect(simulate('healthy'));
    expect(capture.probes.map((probe) => probe.id)).toEqual(expect.arrayContaining([...STANDARD_PROBE_IDS]));
    const facts = readCaptureFacts(capture);
    expect(facts.notCollected).toEqual([]);
    expect(facts.wsl.installed).toBe(true);
    expect(facts.wsl.distros).toMatchObject({
      ok: true,
      value: [
        { name: 'Ubuntu-24.04', isDefault: true, state: 'Running', version: 2 },
        { name: 'docker-desktop' },
      ],
    });
    expect(facts.hostGpu.query).toMatchObject({
      ok: true,
      value: [{ name: 'NVIDIA GeForce RTX 4090', driverVersion: '566.36', memoryTotalMiB: 24564 }],
    });
    expect(facts.distro?.nproc).toEqual({ ok: true, value: 12 });
    expect(facts.distro?.gpu.banner).toMatchObject({ ok: true, value: { driverVersion: '566.36' } });
    expect(facts.windows.displayDrivers).toMatchObject({
      ok: true,
      value: { nvidia: { nvidiaVersion: '566.36' } },
    });
    expect(facts.wslconfig?.settings).toEqual({
      'wsl2.memory': 48 * 2 ** 30,
      'wsl2.processors': 12,
      'wsl2.swap': 8 * 2 ** 30,
    });
  });

  it('gives the same facts from a capture written to a folder and read back', async () => {
    const capture = await collect(simulate('healthy'));
    const dir = tempDir('headroom-capture-');
    await writeCapture(dir, capture);
    expect(stable(readCaptureFacts(await readCapture(dir)))).toEqual(stable(readCaptureFacts(capture)));
  });

  it('gives the same facts whether wsl.exe writes UTF-16LE or UTF-8 (WSL_UTF8=1)', async () => {
    const utf16 = await collect(simulate('healthy'));
    const utf8 = await collect(simulate('healthy'), { utf8: true });
    expect(utf16.probes.find((p) => p.id === 'wsl-list-verbose')?.stdout).not.toEqual(
      utf8.probes.find((p) => p.id === 'wsl-list-verbose')?.stdout,
    );
    expect(stable(readCaptureFacts(utf16))).toEqual(stable(readCaptureFacts(utf8)));
  });

  it('never starts a stopped VM unless asked, and keeps WSL’s boot warnings when it does', async () => {
    const windows = simulate('invalid-memory-value');
    windows.reboot();
    const quiet = readCaptureFacts(await collect(windows));
    expect(quiet.distro).toBeUndefined();
    expect(quiet.notCollected).toEqual(expect.arrayContaining(['distro-meminfo', 'distro-nvidia-smi']));
    expect(windows.readState().vm).toBeNull();
    const booted = readCaptureFacts(await collect(windows, { bootVm: true }));
    expect(booted.wsl.bootWarnings).toEqual([
      "Invalid memory string '16gb' for .wslconfig entry 'wsl2.memory' in C:\\Users\\robin\\.wslconfig:2",
    ]);
    expect(booted.distro?.meminfo).toMatchObject({ ok: true });
  });

  it('never starts a stopped default distro because another distro (docker-desktop) runs', async () => {
    const windows = simulate('docker-running-default-stopped');
    const facts = readCaptureFacts(await collect(windows));
    expect(facts.distro).toBeUndefined();
    expect(facts.notCollected).toEqual(expect.arrayContaining(['distro-meminfo', 'distro-nvidia-smi']));
    expect(windows.readState().distros).toEqual([
      { name: 'Ubuntu-24.04', running: false },
      { name: 'docker-desktop', running: true },
    ]);
    const intoDistros = windows
      .invocations()
      .filter((call) => call.program === 'wsl' && call.argv[0] === '-d');
    expect(intoDistros).toEqual([]);
  });

  it('probes the default distro when it runs itself', async () => {
    const windows = simulate('healthy');
    const facts = readCaptureFacts(await collect(windows));
    expect(facts.distro?.meminfo).toMatchObject({ ok: true });
  });

  it('finds nvidia-smi.exe in NVIDIA Corporation\\NVSMI when an older driver put it there', async () => {
    const facts = readCaptureFacts(await collect(simulate('nvidia-smi-in-nvsmi')));
    expect(facts.hostGpu.failure).toBeUndefined();
    expect(facts.hostGpu.query).toMatchObject({ ok: true, value: [{ name: 'NVIDIA GeForce RTX 4090' }] });
  });

  it('runs Windows’ programs from SystemRoot, not from a wsl.exe planted on PATH', async () => {
    const windows = simulate('healthy');
    const planted = tempDir('headroom-planted-');
    writeFileSync(join(planted, 'wsl.exe'), '#!/bin/sh\necho planted\nexit 3\n', { mode: 0o755 });
    const env = { ...windows.env, PATH: `${planted}${delimiter}${windows.env.PATH ?? ''}` };
    const capture = await collectCapture({ env, host: windows.host, wslconfigPath: windows.wslconfigPath });
    expect(readCaptureFacts(capture).wsl.distros).toMatchObject({ ok: true });
  });

  it('records a hung passthrough as a timeout and still reads the other probes', async () => {
    const facts = readCaptureFacts(await collect(simulate('passthrough-hang')));
    expect(facts.distro?.gpu.timedOut).toBe(true);
    expect(facts.distro?.meminfo).toMatchObject({ ok: true });
  });

  it('says WSL is not installed when wsl.exe is missing, and reads the rest', async () => {
    const facts = readCaptureFacts(await collect(simulate('no-wsl')));
    expect(facts.wsl.installed).toBe(false);
    expect(facts.distro).toBeUndefined();
    expect(facts.hostGpu.query).toMatchObject({ ok: true });
  });

  it('says WSL is not installed when only Windows’ wsl.exe stub answers (by its exit code)', async () => {
    const facts = readCaptureFacts(await collect(simulate('wsl-stub')));
    expect(facts.wsl.installed).toBe(false);
    expect(facts.distro).toBeUndefined();
  });

  it('reads the umlauts a German Windows’ reg.exe and wevtutil.exe print in code page 850', async () => {
    const facts = readCaptureFacts(await collect(simulate('german-windows')));
    expect(facts.events.flatMap((event) => (event.kind === 'windows-update' ? [event.title] : []))).toContain(
      '2026-11 Kumulatives Update für Windows 11 Version 24H2 für x64-basierte Systeme (KB5046617)',
    );
    expect(facts.windows.shellFolders).toMatchObject({
      ok: true,
      value: { documents: { path: 'C:\\Users\\Jürgen\\Documents' } },
    });
  });

  it('reads the kanji a Japanese Windows’ reg.exe prints in code page 932 (Shift_JIS)', async () => {
    const facts = readCaptureFacts(await collect(simulate('japanese-windows')));
    expect(facts.windows.shellFolders).toMatchObject({
      ok: true,
      value: { documents: { path: 'C:\\Users\\山田\\Documents' } },
    });
  });

  it('reads the Windows Update and restart events of windows-update-broke-gpu, and the blocked GPU', async () => {
    const facts = readCaptureFacts(await collect(simulate('windows-update-broke-gpu')));
    expect(facts.events.flatMap((event) => (event.kind === 'windows-update' ? [event.kb] : []))).toContain(
      'KB5046617',
    );
    expect(facts.events.some((event) => event.kind === 'restart-initiated')).toBe(true);
    expect(facts.distro?.gpu.failure?.kind).toBe('gpu-access-blocked');
  });
});

describe('the nvidia-smi -lms stream from the simulated host', () => {
  it('streams samples that core’s stream parser reads as they arrive, until the process is stopped', async () => {
    const windows = simulate('healthy');
    const child = spawn(
      join(windows.binDir, 'nvidia-smi.exe'),
      [`--query-gpu=${GPU_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits', '-lms', '100'],
      { env: windows.env },
    );
    const parser = createGpuStreamParser(GPU_QUERY_FIELDS);
    const samples: unknown[] = [];
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        samples.push(...parser.push(chunk.toString('utf8')));
        if (samples.length >= 3) resolve();
      });
    });
    child.kill('SIGKILL');
    expect(samples[0]).toMatchObject([
      { index: 0, name: 'NVIDIA GeForce RTX 4090', memoryTotalMiB: 24564, driverVersion: '566.36' },
    ]);
    expect(parser.skippedLines).toBe(0);
  });
});
