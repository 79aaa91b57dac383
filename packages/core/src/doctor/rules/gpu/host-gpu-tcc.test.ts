import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostGpuTcc } from './host-gpu-tcc';
import { GPU_RULES } from './index';
import { afterPrompt, findingsOf, queryCsv } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

/** The Windows table of microsoft/WSL#11865: an L40S in TCC on Windows Server 2022. */
const L40S_TCC = fixture('nvidia-smi/banners/windows__ms-WSL-11865__smi555.85-L40S-TCC__truncated.txt');

/** The Windows table of https://github.com/microsoft/WSL/issues/9254: a Tesla P100 in TCC next to a GeForce in WDDM. */
const MIXED = [
  '+-----------------------------------------------------------------------------+',
  '| NVIDIA-SMI 526.98       Driver Version: 526.98       CUDA Version: 12.0     |',
  '|-------------------------------+----------------------+----------------------+',
  '| GPU  Name            TCC/WDDM | Bus-Id        Disp.A | Volatile Uncorr. ECC |',
  '| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |',
  '|                               |                      |               MIG M. |',
  '|===============================+======================+======================|',
  '|   0  Tesla P100-PCIE... TCC   | 00000000:04:00.0 Off |                    0 |',
  '| N/A   35C    P0    25W / 250W |      8MiB / 16384MiB |      0%      Default |',
  '|                               |                      |                  N/A |',
  '+-------------------------------+----------------------+----------------------+',
  '|   1  NVIDIA GeForce ... WDDM  | 00000000:81:00.0  On |                  N/A |',
  '| 33%   40C    P8     9W / 250W |    971MiB / 11264MiB |      7%      Default |',
  '|                               |                      |                  N/A |',
  '+-------------------------------+----------------------+----------------------+',
  '',
].join('\n');

describe('host-gpu-tcc', () => {
  it('reports the L40S in TCC from the host table of microsoft/WSL#11865', () => {
    const [finding] = findingsOf(hostGpuTcc, { 'host-nvidia-smi': L40S_TCC });
    expect(finding).toMatchObject({
      id: 'host-gpu-tcc',
      severity: 'error',
      category: 'gpu',
      title: 'GPU 0 (NVIDIA L40S) runs in TCC mode; WSL needs WDDM',
      evidence: [{ probe: 'host-nvidia-smi', excerpt: 'GPU 0 NVIDIA L40S: Driver-Model TCC' }],
      source: 'https://docs.nvidia.com/cuda/wsl-user-guide/index.html#wsl-2-support-constraints',
    });
    expect(finding?.fix.kind === 'steps' && finding.fix.steps[0]).toBe(
      'In PowerShell as administrator, run `nvidia-smi -i 0 -dm 0` (0 = WDDM, 1 = TCC).',
    );
  });

  it('with the distro blocked, reports both the cause and the symptom', () => {
    const blocked = afterPrompt(fixture('nvidia-smi/errors/gpu-access-blocked__ms-WSL-14339.txt'));
    const findings = findingsOf(GPU_RULES, {
      'host-nvidia-smi': L40S_TCC,
      'distro-nvidia-smi': { stdout: blocked, exitCode: 17 },
    });
    expect(findings.map((item) => item.id)).toEqual(['gpu-passthrough-missing', 'host-gpu-tcc']);
    expect(findings[0]?.explanation).toContain('Your GPU runs in TCC mode, the likely cause here.');
  });

  it('names only the TCC GPU of a mixed host (microsoft/WSL#9254) and mentions the mixed-mode report', () => {
    const [finding] = findingsOf(hostGpuTcc, { 'host-nvidia-smi': MIXED });
    expect(finding?.evidence).toEqual([
      { probe: 'host-nvidia-smi', excerpt: 'GPU 0 Tesla P100-PCIE...: Driver-Model TCC' },
    ]);
    expect(finding?.explanation).toContain('microsoft/WSL#13027');
  });

  it('reads driver_model.current from the query', () => {
    const [finding] = findingsOf(hostGpuTcc, {
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA RTX A6000', driver: '566.36', model: 'TCC', usedMiB: 1, totalMiB: 49140 },
      ]),
    });
    expect(finding?.evidence).toEqual([
      { probe: 'host-nvidia-smi-query', excerpt: 'GPU 0 NVIDIA RTX A6000: driver_model.current TCC' },
    ]);
  });

  it('stays silent on WDDM hosts (the real 591.86 query and the 2-GPU table of microsoft/WSL#9134)', () => {
    const windows = 'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86';
    expect(
      findingsOf(hostGpuTcc, { 'host-nvidia-smi-query': fixture(`${windows}/query-gpu-idle.csv`) }),
    ).toEqual([]);
    const twoGpus = fixture(
      'nvidia-smi/banners/windows__ms-WSL-9134__smi517.48-2gpu-wddm-oldlayout__truncated.txt',
    );
    expect(findingsOf(hostGpuTcc, { 'host-nvidia-smi': twoGpus })).toEqual([]);
  });
});
