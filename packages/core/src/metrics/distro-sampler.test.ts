import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDistroSampleParser, distroSamplerScript, SAMPLER_MARKER } from './distro-sampler';

/** A real /proc/meminfo of a WSL2 VM with memory=16GB (testdata/distro/README.md says where it comes from). */
const MEMINFO = readFileSync(
  join(import.meta.dirname, '..', 'testdata', 'distro', 'meminfo-wsl2-16g.txt'),
  'utf8',
);
const block = `${SAMPLER_MARKER} meminfo@@\n${MEMINFO.trimEnd()}\n${SAMPLER_MARKER} end@@\n`;

describe('createDistroSampleParser', () => {
  it('reads a meminfo block and a timed nvidia-smi, fed a byte at a time', () => {
    const parser = createDistroSampleParser();
    const text = `${block}${SAMPLER_MARKER} smi ms=312 exit=0@@\n`;
    const samples = Array.from({ length: text.length }, (_, index) => text.charAt(index)).flatMap((char) =>
      parser.push(char),
    );
    expect(samples.map((sample) => sample.kind)).toEqual(['meminfo', 'latency']);
    const first = samples[0];
    expect(first?.kind === 'meminfo' && first.meminfo.memTotalKiB).toBeGreaterThan(15 * 2 ** 20);
    expect(samples[1]).toEqual({ kind: 'latency', ms: 312, exitCode: 0 });
  });

  it('reports a hung nvidia-smi by its timeout exit code, and an idle distro', () => {
    const parser = createDistroSampleParser();
    expect(parser.push(`${SAMPLER_MARKER} smi ms=10004 exit=124@@\r\n${SAMPLER_MARKER} idle@@\n`)).toEqual([
      { kind: 'latency', ms: 10004, exitCode: 124 },
      { kind: 'idle' },
    ]);
  });

  it('drops a meminfo block cut off by the end of the stream instead of reporting zeros', () => {
    const parser = createDistroSampleParser();
    expect(parser.push(`${SAMPLER_MARKER} meminfo@@\nMemTotal:   16`)).toEqual([]);
    expect(parser.flush()).toEqual([]);
  });

  it('is a script that reads meminfo every second, times nvidia-smi with a hard timeout and leaves when idle', () => {
    const script = distroSamplerScript();
    expect(script).toContain('cat /proc/meminfo');
    expect(script).toContain('timeout 10 /usr/lib/wsl/lib/nvidia-smi');
    expect(script).toContain('idle@@');
    expect(script).toContain('sleep 1');
  });
});
