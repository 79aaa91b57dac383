import { describe, expect, it } from 'vitest';
import {
  captureOf,
  doctorOf,
  findingIds,
  findingsOf,
  fixture,
  queryCsv,
  runningVmCapture,
} from '../../testing/capture';
import { vramHeadroomLow } from './memory';

const GiB = 2 ** 30;

describe("the VM's memory", () => {
  it('says the running VM still has the old settings when it disagrees with the file', () => {
    const report = doctorOf(
      runningVmCapture(
        { memoryGiB: 8, processors: 4, swapGiB: 2 },
        '[wsl2]\nmemory=48GB\nprocessors=12\nswap=8GB\n',
      ),
    );
    expect(findingIds(report)).toEqual(['wslconfig-not-applied']);
    expect(report.findings[0]?.explanation).toContain('memory 7.8 GiB in WSL, .wslconfig gives 48.0 GiB');
    expect(report.findings[0]?.fix).toEqual({
      kind: 'shutdown-and-verify',
      label: 'Shut down WSL and verify',
    });
  });

  it('accepts a VM that matches the file, MemTotal a little below memory as the kernel keeps some', () => {
    const report = doctorOf(
      runningVmCapture(
        { memoryGiB: 48, processors: 12, swapGiB: 8 },
        '[wsl2]\nmemory=48GB\nprocessors=12\nswap=8GB\n',
      ),
    );
    expect(report.findings).toEqual([]);
    expect(report.health).toBe('green');
    expect(report.exitCode).toBe(0);
  });

  it('judges the defaults when there is no .wslconfig: half the RAM, all processors, 25% swap', () => {
    const report = doctorOf(runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, ''));
    expect(report.findings).toEqual([]);
  });

  it('says WSL has too little memory for the target model and offers a size that leaves Windows enough', () => {
    const target = {
      label: 'Llama 3.1 70B Q4_K_M at 8192 tokens',
      ramBytes: 26 * GiB,
      reasoning: '19 layers on the CPU',
    };
    const report = doctorOf(
      runningVmCapture({ memoryGiB: 8, processors: 16, swapGiB: 2 }, '[wsl2]\nmemory=8GB\nswap=2GB\n'),
      { target },
    );
    expect(report.findings).toMatchObject([
      {
        id: 'memory-ceiling',
        category: 'configuration',
        fix: { kind: 'set-wslconfig', assignments: [{ key: 'wsl2.memory', value: '26GB' }] },
      },
    ]);
    const enough = doctorOf(
      runningVmCapture({ memoryGiB: 48, processors: 16, swapGiB: 12 }, '[wsl2]\nmemory=48GB\n'),
      { target },
    );
    expect(findingIds(enough)).toEqual([]);
  });
});

const WINDOWS = 'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86';

describe('vram-headroom-low', () => {
  it('warns when a host GPU has 95 % of its memory in use', () => {
    const [finding] = findingsOf(vramHeadroomLow, {
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce RTX 4090', driver: '566.36', usedMiB: 23336, totalMiB: 24564 },
      ]),
    });
    expect(finding).toMatchObject({
      id: 'vram-headroom-low',
      severity: 'warning',
      category: 'runtime',
      title: 'Little VRAM left on GPU 0 (NVIDIA GeForce RTX 4090): 1228 MiB free (95 % in use)',
      evidence: [
        {
          probe: 'host-nvidia-smi-query',
          excerpt: 'GPU 0 (NVIDIA GeForce RTX 4090): 23336 of 24564 MiB in use (95 %), 1228 MiB free',
        },
      ],
      fix: { kind: 'steps' },
      source: 'https://docs.ollama.com/faq#how-can-i-tell-if-my-model-was-loaded-onto-the-gpu',
    });
  });

  it('lists every full GPU and leaves the others out', () => {
    const [finding] = findingsOf(vramHeadroomLow, {
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce RTX 3090', driver: '566.36', usedMiB: 23000, totalMiB: 24576 },
        { name: 'NVIDIA GeForce RTX 3090', driver: '566.36', usedMiB: 1200, totalMiB: 24576 },
        { name: 'NVIDIA GeForce RTX 3060', driver: '566.36', usedMiB: 11800, totalMiB: 12288 },
      ]),
    });
    expect(finding?.title).toBe('Little VRAM left on 2 GPUs (over 90 % in use)');
    expect(finding?.evidence.map((item) => item.excerpt)).toEqual([
      'GPU 0 (NVIDIA GeForce RTX 3090): 23000 of 24576 MiB in use (94 %), 1576 MiB free',
      'GPU 2 (NVIDIA GeForce RTX 3060): 11800 of 12288 MiB in use (96 %), 488 MiB free',
    ]);
  });

  it('stays silent at 90 % and on the real captures (702 and 1296 of 8192 MiB)', () => {
    expect(
      findingsOf(vramHeadroomLow, {
        'host-nvidia-smi-query': queryCsv([
          { name: 'GPU', driver: '566.36', usedMiB: 9000, totalMiB: 10000 },
        ]),
      }),
    ).toEqual([]);
    expect(
      findingsOf(vramHeadroomLow, { 'host-nvidia-smi-query': fixture(`${WINDOWS}/query-gpu-idle.csv`) }),
    ).toEqual([]);
    expect(findingsOf(vramHeadroomLow, { 'host-nvidia-smi': fixture(`${WINDOWS}/banner-load.txt`) })).toEqual(
      [],
    );
  });

  it('reads the host table when there is no query', () => {
    const table = fixture(`${WINDOWS}/banner-idle.txt`).replace('702MiB /   8192MiB', '7900MiB /   8192MiB');
    const [finding] = findingsOf(vramHeadroomLow, { 'host-nvidia-smi': table });
    expect(finding?.evidence).toEqual([
      {
        probe: 'host-nvidia-smi',
        excerpt: 'GPU 0 (NVIDIA GeForce RTX 2080 ...): 7900 of 8192 MiB in use (96 %), 292 MiB free',
      },
    ]);
  });

  it('is information, not a warning, when nvidia-smi shows the memory held by an LLM runtime (Ollama)', () => {
    const table = fixture(`${WINDOWS}/banner-load.txt`)
      .replace('1296MiB /   8192MiB', '7900MiB /   8192MiB')
      .replace('   C   ...1.1-full_build\\bin\\ffmpeg.exe', '   C   ...al\\Programs\\Ollama\\ollama.exe');
    const [finding] = findingsOf(vramHeadroomLow, { 'host-nvidia-smi': table });
    expect(finding).toMatchObject({ severity: 'info' });
    expect(finding?.title).toMatch(/, held by Ollama$/);
    const report = doctorOf(captureOf({ 'host-nvidia-smi': table }));
    expect(report.findings.filter((candidate) => candidate.severity !== 'info')).toEqual([]);
  });
});
