import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passthroughHang, passthroughSlow } from './passthrough-timing';
import { afterPrompt, findingsOf, queryCsv, type ProbeSpec } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

const TABLE = afterPrompt(
  fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
);
const QUERY = queryCsv([
  { name: 'NVIDIA GeForce RTX 4070', driver: '555.99', usedMiB: 576, totalMiB: 12282 },
]);

/** What `headroom collect` records for the batch: every in-distro probe carries the batch's duration. */
function batch(durationMs: number, probes: Readonly<Record<string, string>>): Record<string, ProbeSpec> {
  return Object.fromEntries(Object.entries(probes).map(([id, stdout]) => [id, { stdout, durationMs }]));
}

describe('passthrough-hang', () => {
  it('reports nvidia-smi stopped by `timeout` (exit 124)', () => {
    const [finding] = findingsOf(passthroughHang, { 'distro-nvidia-smi': { stdout: '', exitCode: 124 } });
    expect(finding).toMatchObject({
      id: 'passthrough-hang',
      severity: 'error',
      category: 'gpu',
      evidence: [
        { probe: 'distro-nvidia-smi', excerpt: 'stopped by `timeout` at its time limit (exit 124)' },
      ],
      fix: { kind: 'shutdown-and-verify' },
      source: 'https://github.com/microsoft/WSL/issues/8518',
    });
  });

  it('reports a probe that never finished (no end marker: timed out, no exit code)', () => {
    const [finding] = findingsOf(passthroughHang, {
      'distro-nvidia-smi': { stdout: '', exitCode: null, timedOut: true },
    });
    expect(finding?.evidence[0]?.excerpt).toBe('no answer before the time limit (the probe was stopped)');
  });

  it('stays silent when nvidia-smi answered', () => {
    expect(findingsOf(passthroughHang, { 'distro-nvidia-smi': TABLE })).toEqual([]);
  });
});

describe('passthrough-slow', () => {
  it('reports nvidia-smi timed on its own at over 2 s, saying healthy is under 0.5 s', () => {
    const [finding] = findingsOf(passthroughSlow, {
      'distro-nvidia-smi': { stdout: TABLE, durationMs: 2400 },
    });
    expect(finding).toMatchObject({
      id: 'passthrough-slow',
      severity: 'error',
      category: 'runtime',
      title: 'GPU passthrough is slow: nvidia-smi takes 2.4 s in WSL',
      evidence: [{ probe: 'distro-nvidia-smi', excerpt: 'answered in 2.4 s' }],
    });
    expect(finding?.explanation).toContain('healthy is under 0.5 s');
    expect(finding?.confidence).toBeUndefined();
  });

  it('shares a batch’s duration among its two nvidia-smi runs, with medium confidence', () => {
    const probes = batch(6400, {
      'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
      'distro-nvidia-smi': TABLE,
      'distro-nvidia-smi-query': QUERY,
    });
    const [finding] = findingsOf(passthroughSlow, probes);
    expect(finding).toMatchObject({
      title: 'GPU passthrough is slow: nvidia-smi takes about 3.2 s in WSL',
      evidence: [
        {
          probe: 'distro-nvidia-smi',
          excerpt: 'the in-distro probes took 6.4 s: about 3.2 s per nvidia-smi run',
        },
      ],
      confidence: 'medium',
    });
  });

  it('does not call a 3 s batch slow (1.5 s per nvidia-smi), nor a healthy 0.3 s answer', () => {
    const probes = batch(3000, {
      'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
      'distro-nvidia-smi': TABLE,
      'distro-nvidia-smi-query': QUERY,
    });
    expect(findingsOf(passthroughSlow, probes)).toEqual([]);
    expect(findingsOf(passthroughSlow, { 'distro-nvidia-smi': { stdout: TABLE, durationMs: 300 } })).toEqual(
      [],
    );
  });

  it('ignores a batch that started the VM (WSL printed its boot warnings): its time includes the boot', () => {
    const probes = {
      ...batch(9000, { 'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n', 'distro-nvidia-smi': TABLE }),
      'distro-batch': {
        stdout: '',
        stderr: "wsl: Unknown key 'wsl2.pageReporting' in C:\\Users\\me\\.wslconfig:3\n",
      },
    };
    expect(findingsOf(passthroughSlow, probes)).toEqual([]);
  });

  it('leaves failures and hangs to the other rules', () => {
    expect(
      findingsOf(passthroughSlow, { 'distro-nvidia-smi': { stdout: '', exitCode: 124, durationMs: 15000 } }),
    ).toEqual([]);
    const blocked = afterPrompt(fixture('nvidia-smi/errors/gpu-access-blocked__ms-WSL-14339.txt'));
    expect(
      findingsOf(passthroughSlow, {
        'distro-nvidia-smi': { stdout: blocked, exitCode: 17, durationMs: 5000 },
      }),
    ).toEqual([]);
  });
});
