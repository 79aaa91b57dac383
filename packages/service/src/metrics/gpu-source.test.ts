import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStreamContext, useFakeStreams, type FakeStreams } from '../testing/fake-streams';
import { createGpuSource } from './gpu-source';

const ROW = '0, NVIDIA GeForce RTX 4090, GPU-5c2a, 566.36, WDDM, 24564, 6144, 312, 37, 45, 80.5\n';

const streams = useFakeStreams();
let fakes: FakeStreams;
beforeEach(() => (fakes = streams()));

describe('createGpuSource', () => {
  it('holds the newest rows of the nvidia-smi stream, fresh for 3 s', () => {
    const gpu = createGpuSource(fakeStreamContext(fakes));
    gpu.start();
    expect(gpu.status).toEqual({ state: 'starting' });
    expect(gpu.latest(Date.now())).toBeUndefined();
    fakes.only('nvidia-smi.exe').options.onText(ROW + ROW);
    expect(gpu.status).toEqual({ state: 'ok' });
    const now = Date.now();
    expect(gpu.latest(now)?.rows[0]).toMatchObject({ memoryUsedMiB: 6144, memoryTotalMiB: 24564 });
    expect(gpu.latest(now + 3_000)?.fresh).toBe(true);
    expect(gpu.latest(now + 3_001)?.fresh).toBe(false);
  });

  it('restarts nvidia-smi after a growing wait, says why it stopped and logs it', () => {
    const context = fakeStreamContext(fakes, [1_000, 5_000]);
    const gpu = createGpuSource(context);
    gpu.start();
    fakes.end(fakes.only('nvidia-smi.exe'), 255, 'Unknown Error\n');
    expect(gpu.status).toEqual({
      state: 'error',
      message: 'nvidia-smi stopped (exit code 255): Unknown Error. Headroom starts it again.',
    });
    expect(context.log.lines).toEqual([
      {
        level: 'warn',
        message: 'restarting the nvidia-smi stream in 1000 ms after it exited',
        error: 'exit code 255: Unknown Error',
      },
    ]);
    vi.advanceTimersByTime(1_000);
    fakes.end(fakes.only('nvidia-smi.exe'), 255);
    vi.advanceTimersByTime(4_999);
    expect(fakes.started).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(fakes.live('nvidia-smi.exe')).toHaveLength(1);
  });

  it('does not retry when nvidia-smi is missing: no NVIDIA driver', () => {
    const gpu = createGpuSource(fakeStreamContext(fakes));
    gpu.start();
    fakes.end(fakes.only('nvidia-smi.exe'), null, 'spawn nvidia-smi.exe ENOENT');
    vi.advanceTimersByTime(60_000);
    expect(fakes.started).toHaveLength(1);
    expect(gpu.status.state).toBe('none');
  });

  it('ends the stream on stop and starts no other', () => {
    const gpu = createGpuSource(fakeStreamContext(fakes));
    gpu.start();
    gpu.stop();
    vi.advanceTimersByTime(60_000);
    expect(fakes.live('nvidia-smi.exe')).toEqual([]);
    expect(fakes.started).toHaveLength(1);
  });
});
