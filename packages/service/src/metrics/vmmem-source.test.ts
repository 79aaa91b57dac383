import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStreamContext, useFakeStreams, type FakeStreams } from '../testing/fake-streams';
import { createVmmemSource } from './vmmem-source';

const streams = useFakeStreams();
let fakes: FakeStreams;
beforeEach(() => (fakes = streams()));

describe('createVmmemSource', () => {
  it('reads the bytes WSL’s VM holds from whole lines, current for 12 s', () => {
    const vmmem = createVmmemSource(fakeStreamContext(fakes), ['powershell.exe', '-Command', 'loop']);
    vmmem.start();
    const reader = fakes.only('powershell.exe');
    reader.options.onText('17179869');
    expect(vmmem.latest(Date.now())).toBeUndefined();
    reader.options.onText('184\r\nnot a number\r\n');
    const now = Date.now();
    expect(vmmem.latest(now)).toBe(16 * 2 ** 30);
    expect(vmmem.latest(now + 12_000)).toBe(16 * 2 ** 30);
    expect(vmmem.latest(now + 12_001)).toBeUndefined();
  });

  it('restarts a program that died, logs it, and forgets the reading on stop', () => {
    const context = fakeStreamContext(fakes, [2_000]);
    const vmmem = createVmmemSource(context, ['powershell.exe', '-Command', 'loop']);
    vmmem.start();
    fakes.only('powershell.exe').options.onText('1024\n');
    fakes.end(fakes.only('powershell.exe'), 1);
    expect(context.log.lines.map((line) => line.message)).toEqual([
      'restarting the VmmemWSL reader in 2000 ms after it exited',
    ]);
    vi.advanceTimersByTime(2_000);
    expect(fakes.live('powershell.exe')).toHaveLength(1);
    vmmem.stop();
    expect(vmmem.latest(Date.now())).toBeUndefined();
    expect(fakes.live('powershell.exe')).toEqual([]);
  });
});
