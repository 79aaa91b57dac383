import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cudaVersionError } from './cuda-version-error';
import { GPU_RULES } from './index';
import { afterPrompt, findingsOf, queryCsv } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

/** The table inside WSL of https://github.com/microsoft/WSL/issues/11589, up to where the excerpt is cut. */
const CUDA_ERR_TABLE = [
  'Wed May 15 21:49:41 2024       ',
  '+---------------------------------------------------------------------------------------+',
  '| NVIDIA-SMI 545.46                 Driver Version: 546.80       CUDA Version: ERR!     |',
  '|-----------------------------------------+----------------------+----------------------+',
  '| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |',
  '| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |',
  '|                                         |                      |               MIG M. |',
  '|=========================================+======================+======================|',
  '|   0  NVIDIA GeForce RTX 3060 ...    On  | 00000000:01:00.0  On |                  N/A |',
  '| N/A   54C    P8              16W /  80W |    816MiB /  6144MiB |      3%      Default |',
  '',
].join('\n');

const HOST = {
  'host-nvidia-smi-query': queryCsv([
    { name: 'NVIDIA GeForce RTX 3060 Laptop GPU', driver: '546.80', usedMiB: 816, totalMiB: 6144 },
  ]),
};

describe('cuda-version-error', () => {
  it('reports `CUDA Version: ERR!` in the distro’s table, and no driver mismatch (546.80 on both sides)', () => {
    const probes = { ...HOST, 'distro-nvidia-smi': CUDA_ERR_TABLE };
    const [finding] = findingsOf(cudaVersionError, probes);
    expect(finding).toMatchObject({
      id: 'cuda-version-error',
      severity: 'error',
      category: 'gpu',
      evidence: [{ probe: 'distro-nvidia-smi', excerpt: 'CUDA Version: ERR!' }],
      fix: { kind: 'steps' },
      source: 'https://github.com/microsoft/WSL/issues/11589',
      confidence: 'medium',
    });
    expect(finding?.explanation).not.toContain('Linux NVIDIA driver');
    expect(findingsOf(GPU_RULES, probes).map((item) => item.id)).toEqual(['cuda-version-error']);
  });

  it('names the Linux driver in the distro as the likely cause when there is one', () => {
    const [finding] = findingsOf(cudaVersionError, {
      ...HOST,
      'distro-nvidia-smi': CUDA_ERR_TABLE,
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-driver-550.txt'),
    });
    expect(finding?.explanation).toContain('A Linux NVIDIA driver or libcuda in the distro');
    expect(finding?.fix.kind === 'steps' && finding.fix.steps[0]).toMatch(
      /^Remove the Linux NVIDIA driver first/,
    );
  });

  it('stays silent on a table with a CUDA version (microsoft/WSL#11277), and on a blocked GPU', () => {
    const table = afterPrompt(
      fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
    );
    expect(findingsOf(cudaVersionError, { 'distro-nvidia-smi': table })).toEqual([]);
    const blocked = afterPrompt(fixture('nvidia-smi/errors/gpu-access-blocked__ms-WSL-14339.txt'));
    expect(findingsOf(cudaVersionError, { 'distro-nvidia-smi': { stdout: blocked, exitCode: 17 } })).toEqual(
      [],
    );
  });
});
