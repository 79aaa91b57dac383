import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGpuStreamParser } from './gpu-stream';
import type { GpuQueryRow } from './gpu-query';

const fixture = (path: string): string =>
  readFileSync(new URL(`../testdata/nvidia-smi/${path}`, import.meta.url), 'utf8');

/** A row of the probe's fields (GPU_QUERY_FIELDS) in `csv,noheader,nounits`. */
const row = (index: number, used: number): string =>
  `${index}, NVIDIA GeForce RTX 4090, GPU-${index}, 566.36, WDDM, 24564, ${used}, 351, 37, 48, 121.55`;

const used = (samples: GpuQueryRow[][]): number[][] =>
  samples.map((sample) => sample.map((gpu) => gpu.memoryUsedMiB ?? -1));

describe('createGpuStreamParser on polybar-scripts-42 (--loop=1, csv,noheader,nounits, one GPU, no index field)', () => {
  const text = fixture('csv/polybar-scripts-42__loop1-noheader-nounits.txt');
  const fields = ['temperature.gpu', 'utilization.gpu', 'utilization.memory'];

  it('returns one sample per line and skips the pasted shell prompt', () => {
    const parser = createGpuStreamParser(fields);
    const samples = [...parser.push(text), ...parser.flush()];
    expect(samples).toHaveLength(9);
    expect(samples.every((sample) => sample.length === 1)).toBe(true);
    expect(samples.map((sample) => sample[0]?.temperatureC)).toEqual([41, 41, 41, 41, 41, 41, 41, 41, 41]);
    expect(samples.map((sample) => sample[0]?.utilizationGpuPercent)).toEqual([6, 6, 5, 7, 12, 8, 4, 6, 5]);
    expect(parser.skippedLines).toBe(1);
    expect(parser.lastSkippedLine).toMatch(/^❯ nvidia-smi --loop=1/);
  });

  it('gives the same samples when the text arrives one UTF-16 code unit at a time', () => {
    const parser = createGpuStreamParser(fields);
    const units = Array.from({ length: text.length }, (_, at) => text.slice(at, at + 1));
    const samples = units.flatMap((unit) => parser.push(unit));
    expect(samples).toHaveLength(9);
    expect(parser.flush()).toEqual([]);
  });
});

describe('createGpuStreamParser on the probe fields (-lms 1000)', () => {
  it('learns the sample size from the first wrap of the index, then returns each sample as it completes', () => {
    const parser = createGpuStreamParser();
    expect(parser.push(`${row(0, 100)}\n${row(1, 200)}\n`)).toEqual([]);
    expect(used(parser.push(`${row(0, 101)}\n`))).toEqual([[100, 200]]);
    expect(used(parser.push(`${row(1, 201)}\n`))).toEqual([[101, 201]]);
    expect(used(parser.push(`${row(0, 102)}\n${row(1, 202)}\n${row(0, 103)}\n`))).toEqual([[102, 202]]);
    expect(used(parser.flush())).toEqual([[103]]);
  });

  it('returns a single GPU every line once the first wrap is seen', () => {
    const parser = createGpuStreamParser();
    expect(parser.push(`${row(0, 1)}\n`)).toEqual([]);
    expect(used(parser.push(`${row(0, 2)}\n`))).toEqual([[1], [2]]);
    expect(used(parser.push(`${row(0, 3)}\n`))).toEqual([[3]]);
  });

  it('buffers a partial line until its newline, and reads CRLF', () => {
    const parser = createGpuStreamParser();
    const line = `${row(0, 7)}\r\n`;
    expect(parser.push(line.slice(0, 20))).toEqual([]);
    expect(parser.push(line.slice(20))).toEqual([]);
    expect(used(parser.push(`${row(0, 8)}\r\n`))).toEqual([[7], [8]]);
    expect(parser.skippedLines).toBe(0);
  });

  it('ignores a repeated header and counts garbage without throwing', () => {
    const parser = createGpuStreamParser();
    const header =
      'index, name, uuid, driver_version, driver_model.current, memory.total [MiB], memory.used [MiB], memory.reserved [MiB], utilization.gpu [%], temperature.gpu, power.draw [W]';
    const text = [
      header,
      row(0, 1),
      'Failed to initialize NVML: Unknown Error',
      '<html><body>502</body></html>',
      '0, NVIDIA GeForce RTX 4090, GPU-0, 566.36',
      row(0, 2).replace('24564', 'lots'),
      header,
      row(0, 3),
      '',
    ].join('\n');
    expect(used(parser.push(text))).toEqual([[1], [3]]);
    expect(parser.skippedLines).toBe(4);
  });

  it('recovers when the GPU count grows after samples were returned early', () => {
    const parser = createGpuStreamParser();
    const samples = [
      ...parser.push(`${row(0, 1)}\n${row(0, 2)}\n`),
      ...parser.push(`${row(1, 20)}\n${row(0, 3)}\n${row(1, 30)}\n${row(0, 4)}\n${row(1, 40)}\n`),
      ...parser.flush(),
    ];
    expect(used(samples)).toEqual([[1], [2], [20], [3, 30], [4, 40]]);
  });

  it('drops an overlong line without a newline and counts it once', () => {
    const parser = createGpuStreamParser();
    parser.push('x'.repeat(70_000));
    parser.push('y'.repeat(70_000));
    expect(used(parser.push(`tail\n${row(0, 5)}\n`))).toEqual([]);
    expect(used(parser.flush())).toEqual([[5]]);
    expect(parser.skippedLines).toBe(1);
  });

  it('groups rows by gpuCount when index is not among the fields', () => {
    const parser = createGpuStreamParser(['memory.used'], { gpuCount: 2 });
    const samples = parser.push('1\n2\n3\n4\n5\n');
    expect(samples.map((sample) => sample.map((gpu) => [gpu.index, gpu.memoryUsedMiB]))).toEqual([
      [
        [0, 1],
        [1, 2],
      ],
      [
        [0, 3],
        [1, 4],
      ],
    ]);
    expect(used(parser.flush())).toEqual([[5]]);
  });
});
