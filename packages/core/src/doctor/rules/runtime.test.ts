import { describe, expect, it } from 'vitest';
import { doctorOf, findingIds, runningVmCapture } from '../../testing/capture';

describe('where models live', () => {
  it('finds model folders that resolve to a Windows drive (9p), and leaves those on WSL’s disk alone', () => {
    const onD = doctorOf(
      runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '', {
        'distro-model-dirs': 'dir /home/ana/.ollama/models -> /mnt/d/ollama/models\n',
      }),
    );
    expect(onD.findings).toMatchObject([
      {
        id: 'models-on-9p',
        category: 'runtime',
        evidence: [{ excerpt: '/home/ana/.ollama/models -> /mnt/d/ollama/models (9p /mnt/d)' }],
      },
    ]);
    expect(onD.exitCode).toBe(0);
    expect(onD.health).toBe('amber');
    const local = doctorOf(
      runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '', {
        'distro-model-dirs': 'dir /usr/share/ollama/.ollama/models -> /usr/share/ollama/.ollama/models\n',
      }),
    );
    expect(findingIds(local)).toEqual([]);
  });
});
