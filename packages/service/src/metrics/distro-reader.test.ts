import { SAMPLER_MARKER } from '@headroom/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStreamContext, useFakeStreams, type FakeStreams } from '../testing/fake-streams';
import {
  createDistroReader,
  EARLY_EXIT_BACKOFF_MS,
  IDLE_RETRY_MS,
  type DistroReaderEvents,
} from './distro-reader';

const MEMINFO =
  `${SAMPLER_MARKER} meminfo@@\nMemTotal:       49000000 kB\nMemFree:        40000000 kB\n` +
  `MemAvailable:   45000000 kB\nSwapTotal:       8388608 kB\nSwapFree:        4194304 kB\n${SAMPLER_MARKER} end@@\n`;

const streams = useFakeStreams();
let fakes: FakeStreams;
let events: DistroReaderEvents & { failures: string[]; ended: number };
beforeEach(() => {
  fakes = streams();
  const failures: string[] = [];
  events = {
    failures,
    ended: 0,
    onPassthroughFailure: (label) => failures.push(label),
    onEnded: () => (events.ended += 1),
  };
});

const readerOf = (distro: string) => {
  const reader = createDistroReader(fakeStreamContext(fakes), events);
  reader.start(distro);
  return reader;
};

describe('createDistroReader', () => {
  it('reads the distro’s memory while it is recent, and says it runs', () => {
    const reader = readerOf('Ubuntu-24.04');
    expect(fakes.only('wsl.exe').options.argv.slice(0, 3)).toEqual(['wsl.exe', '-d', 'Ubuntu-24.04']);
    expect(reader.status).toEqual({ state: 'starting', distro: 'Ubuntu-24.04' });
    fakes.only('wsl.exe').options.onText(MEMINFO);
    const now = Date.now();
    expect(reader.latest(now).memory).toEqual({
      totalKiB: 49_000_000,
      availableKiB: 45_000_000,
      swapTotalKiB: 8_388_608,
      swapFreeKiB: 4_194_304,
    });
    expect(reader.latest(now + 3_001).memory).toBeUndefined();
    expect(reader.status).toEqual({ state: 'running', distro: 'Ubuntu-24.04' });
  });

  it('keeps the last timed nvidia-smi and reports a hang for the time axis', () => {
    const reader = readerOf('Ubuntu-24.04');
    const stream = fakes.only('wsl.exe');
    stream.options.onText(`${SAMPLER_MARKER} smi ms=180 exit=0@@\n`);
    const answered = reader.latest(Date.now()).latency;
    expect(answered).toMatchObject({
      ms: 180,
      ok: true,
      message: 'nvidia-smi inside Ubuntu-24.04 answered in 0.18 s.',
    });
    stream.options.onText(`${SAMPLER_MARKER} smi ms=10000 exit=124@@\n`);
    expect(reader.latest(Date.now()).latency).toMatchObject({ ms: 10_000, ok: false });
    expect(events.failures).toEqual(['nvidia-smi hung']);
  });

  it('ends by itself without restarting, and does not read an idle distro again for a minute', () => {
    const reader = readerOf('Ubuntu-24.04');
    fakes.only('wsl.exe').options.onText(`${SAMPLER_MARKER} idle@@\n`);
    fakes.end(fakes.only('wsl.exe'), 0);
    expect(events.ended).toBe(1);
    expect(reader.distro).toBeUndefined();
    expect(reader.status.state).toBe('idle');
    reader.start('Ubuntu-24.04');
    expect(fakes.started).toHaveLength(1);
    vi.advanceTimersByTime(IDLE_RETRY_MS);
    expect(fakes.started).toHaveLength(1);
    reader.start('Ubuntu-24.04');
    expect(fakes.live('wsl.exe')).toHaveLength(1);
  });

  it('says WSL stopped when the reader ends without going idle, and when stopped', () => {
    const reader = readerOf('Ubuntu-24.04');
    fakes.only('wsl.exe').options.onText(MEMINFO);
    fakes.end(fakes.only('wsl.exe'), 1);
    expect(reader.status).toEqual({ state: 'stopped' });
    reader.start('Debian');
    expect(reader.distro).toBe('Debian');
    reader.stop();
    expect(reader.status).toEqual({ state: 'stopped' });
    expect(fakes.live('wsl.exe')).toEqual([]);
    expect(events.ended).toBe(1);
  });

  it('backs off, growing, from a distro where it ended before its first reading, and says why', () => {
    const reader = readerOf('appliance');
    expect(reader.healthy).toBe(false);
    fakes.end(fakes.only('wsl.exe'), 1, 'execvpe(sh) failed: No such file or directory\n');
    expect(events.ended).toBe(0);
    expect(reader.status).toEqual({
      state: 'stopped',
      distro: 'appliance',
      message:
        'Headroom could not read appliance (exit code 1: execvpe(sh) failed: No such file or directory); it tries again in 1 min.',
    });
    reader.start('appliance');
    expect(fakes.started).toHaveLength(1);
    vi.advanceTimersByTime(EARLY_EXIT_BACKOFF_MS[0] ?? 0);
    reader.start('appliance');
    expect(fakes.started).toHaveLength(2);
    fakes.end(fakes.only('wsl.exe'), 1);
    vi.advanceTimersByTime(EARLY_EXIT_BACKOFF_MS[0] ?? 0);
    reader.start('appliance');
    expect(fakes.started).toHaveLength(2);
    vi.advanceTimersByTime(EARLY_EXIT_BACKOFF_MS[1] ?? 0);
    reader.start('appliance');
    fakes.only('wsl.exe').options.onText(MEMINFO);
    expect(reader.healthy).toBe(true);
  });

  it('reads one distro at a time', () => {
    const reader = readerOf('Ubuntu-24.04');
    reader.start('Ubuntu-24.04');
    expect(fakes.started).toHaveLength(1);
    reader.start('Debian');
    expect(fakes.live('wsl.exe').map((stream) => stream.options.argv[2])).toEqual(['Debian']);
    expect(events.ended).toBe(0);
  });
});
