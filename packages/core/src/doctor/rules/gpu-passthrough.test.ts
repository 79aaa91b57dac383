import { describe, expect, it } from 'vitest';
import { afterPrompt, findingsOf, fixture, inputOf, type ProbeSpec, queryCsv } from '../../testing/capture';
import {
  gpuPassthroughMissing,
  hostGpuTcc,
  noNvidiaGpu,
  passthroughHang,
  passthroughSlow,
} from './gpu-passthrough';
import { GPU_RULES } from './index';

const smi = (path: string): string => afterPrompt(fixture(`nvidia-smi/${path}`));

/** A Windows host with a working RTX 2080 SUPER: the real query and table of nvidia_gpu_exporter's 591.86 capture. */
const HOST: Readonly<Record<string, ProbeSpec>> = {
  'host-nvidia-smi': fixture(
    'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/banner-idle.txt',
  ),
  'host-nvidia-smi-query': fixture(
    'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/query-gpu-idle.csv',
  ),
};

/** The in-distro probes of a healthy Ubuntu, but for nvidia-smi. */
const DISTRO: Readonly<Record<string, ProbeSpec>> = {
  'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
  'distro-libcuda': fixture('distro/libcuda-wsl.txt'),
  'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-clean.txt'),
};

describe('gpu-passthrough-missing', () => {
  it.each([
    'errors/gpu-access-blocked__ms-WSL-14339.txt',
    'errors/gpu-access-blocked__staralt-dxgkrnl-dkms-7.txt',
  ])('reports the distro nvidia-smi of %s as blocked, and nothing else about the GPU', (path) => {
    const probes = { ...HOST, ...DISTRO, 'distro-nvidia-smi': { stdout: smi(path), exitCode: 17 } };
    const [finding, ...rest] = findingsOf(gpuPassthroughMissing, probes);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'gpu-passthrough-missing',
      severity: 'error',
      category: 'gpu',
      title: 'WSL cannot use the GPU: access is blocked by the operating system',
      evidence: [
        {
          probe: 'distro-nvidia-smi',
          excerpt: 'Failed to initialize NVML: GPU access blocked by the operating system',
        },
      ],
      fix: { kind: 'steps' },
      source: 'https://github.com/microsoft/WSL/issues/14339',
    });
    expect(finding?.confidence).toBeUndefined();
    // No duplicate noise: the missing table gives no driver-mismatch or cuda-version-error.
    expect(findingsOf(GPU_RULES, probes).map((item) => item.id)).toEqual(['gpu-passthrough-missing']);
  });

  it('reports a missing /usr/lib/wsl/lib (nvidia-smi not found, no WSL libcuda.so.1) with both probes as evidence', () => {
    const [finding] = findingsOf(gpuPassthroughMissing, {
      ...HOST,
      ...DISTRO,
      'distro-nvidia-smi': {
        stdout: smi('errors/command-not-found__ms-WSL-8794-ssh-session.txt'),
        exitCode: 127,
      },
      'distro-libcuda': { stdout: fixture('distro/libcuda-no-gpu.txt'), exitCode: 1 },
    });
    expect(finding?.id).toBe('gpu-passthrough-missing');
    expect(finding?.title).toContain('/usr/lib/wsl/lib/nvidia-smi');
    expect(finding?.evidence).toEqual([
      {
        probe: 'distro-nvidia-smi',
        excerpt: '/usr/lib/wsl/lib/nvidia-smi: not found (zsh: command not found: nvidia-smi)',
      },
      { probe: 'distro-libcuda', excerpt: 'no /usr/lib/wsl/lib/libcuda.so.1' },
    ]);
    expect(finding?.fix).toMatchObject({ kind: 'steps' });
    expect(finding?.fix.kind === 'steps' && finding.fix.steps).toContain(
      'In PowerShell, run `wsl --update`.',
    );
  });

  it('reports WSL’s libcuda.so.1 missing even when nvidia-smi was not collected', () => {
    const [finding] = findingsOf(gpuPassthroughMissing, {
      ...DISTRO,
      'distro-libcuda': { stdout: fixture('distro/libcuda-no-gpu.txt'), exitCode: 1 },
    });
    expect(finding).toMatchObject({
      id: 'gpu-passthrough-missing',
      evidence: [{ probe: 'distro-libcuda', excerpt: 'no /usr/lib/wsl/lib/libcuda.so.1' }],
    });
  });

  it('reports "couldn’t communicate" inside WSL, and points at the Linux driver when one is installed', () => {
    const probes = {
      ...HOST,
      ...DISTRO,
      'distro-nvidia-smi': { stdout: smi('errors/couldnt-communicate__ms-WSL-11888.txt'), exitCode: 9 },
    };
    const [plain] = findingsOf(gpuPassthroughMissing, probes);
    expect(plain?.evidence[0]?.excerpt).toMatch(/^NVIDIA-SMI has failed because it couldn't communicate/);
    expect(plain?.fix).toMatchObject({ kind: 'steps', label: 'Bring the GPU back into WSL' });
    const [withDriver] = findingsOf(gpuPassthroughMissing, {
      ...probes,
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-driver-550.txt'),
    });
    expect(withDriver?.explanation).toContain('A Linux NVIDIA driver is installed in the distro');
    expect(withDriver?.fix).toMatchObject({
      kind: 'steps',
      label: 'Remove the Linux NVIDIA driver from the distro',
    });
  });

  it('reports "No devices were found" inside WSL while Windows has a GPU', () => {
    const [finding] = findingsOf(gpuPassthroughMissing, {
      ...HOST,
      ...DISTRO,
      'distro-nvidia-smi': {
        stdout: smi('errors/no-devices-found__open-gpu-kernel-modules-862.txt'),
        exitCode: 6,
      },
    });
    expect(finding).toMatchObject({
      title: 'WSL sees no GPU, although Windows has one',
      evidence: [{ probe: 'distro-nvidia-smi', excerpt: 'No devices were found' }],
    });
  });

  it('says medium confidence when only the exit code tells the failure', () => {
    const [finding] = findingsOf(gpuPassthroughMissing, {
      ...HOST,
      'distro-nvidia-smi': { stdout: '', exitCode: 17 },
    });
    expect(finding).toMatchObject({
      title: 'WSL cannot use the GPU: access is blocked by the operating system',
    });
    expect(finding?.confidence).toBe('medium');
  });

  it('reports gpuSupport=false from .wslconfig even when the VM did not run, with an unset fix', () => {
    const [finding] = findingsOf(gpuPassthroughMissing, HOST, {
      wslconfig: '[wsl2]\r\ngpuSupport=false\r\n',
    });
    expect(finding).toMatchObject({
      id: 'gpu-passthrough-missing',
      severity: 'error',
      category: 'gpu',
      evidence: [{ probe: '.wslconfig', excerpt: 'gpuSupport=false', line: 2 }],
      fix: { kind: 'unset-wslconfig', keys: ['wsl2.gpuSupport'] },
    });
    expect(finding?.explanation).toContain('line 2 of your .wslconfig');
  });

  it('adds the distro’s evidence to gpuSupport=false, and reports safeMode=true the same way', () => {
    const [off] = findingsOf(
      gpuPassthroughMissing,
      {
        ...HOST,
        ...DISTRO,
        'distro-nvidia-smi': { stdout: 'sh: 1: /usr/lib/wsl/lib/nvidia-smi: not found\n', exitCode: 127 },
      },
      { wslconfig: '[wsl2]\ngpuSupport=false\n' },
    );
    expect(off?.evidence.map((item) => item.probe)).toEqual(['.wslconfig', 'distro-nvidia-smi']);
    const [safe] = findingsOf(gpuPassthroughMissing, HOST, { wslconfig: '[wsl2]\nsafeMode=true\n' });
    expect(safe?.fix).toMatchObject({ kind: 'unset-wslconfig', keys: ['wsl2.safeMode'] });
  });

  it('says when gpuSupport=false is not applied yet: the running VM still has the GPU', () => {
    const [finding] = findingsOf(
      gpuPassthroughMissing,
      {
        ...HOST,
        ...DISTRO,
        'distro-nvidia-smi': smi('wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
      },
      { wslconfig: '[wsl2]\ngpuSupport=false\n' },
    );
    expect(finding?.evidence).toEqual([{ probe: '.wslconfig', excerpt: 'gpuSupport=false', line: 2 }]);
    expect(finding?.explanation).toContain('the next time WSL starts, it will not');
  });

  it('stays silent on a working passthrough (the WSL table of microsoft/WSL#11277) and gpuSupport=true', () => {
    const probes = {
      ...HOST,
      ...DISTRO,
      'distro-nvidia-smi': smi('wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
    };
    expect(findingsOf([gpuPassthroughMissing, noNvidiaGpu], probes)).toEqual([]);
    expect(findingsOf(gpuPassthroughMissing, probes, { wslconfig: '[wsl2]\ngpuSupport=true\n' })).toEqual([]);
  });

  it('leaves a WSL 1 distro (no /usr/lib/wsl there) to the WSL rules', () => {
    expect(
      findingsOf(gpuPassthroughMissing, {
        ...HOST,
        'distro-uname': '4.4.0-19041-Microsoft\n',
        'distro-nvidia-smi': { stdout: 'sh: 1: /usr/lib/wsl/lib/nvidia-smi: not found\n', exitCode: 127 },
      }),
    ).toEqual([]);
  });

  it('leaves a hang to passthrough-hang', () => {
    expect(
      findingsOf(gpuPassthroughMissing, { ...HOST, 'distro-nvidia-smi': { stdout: '', exitCode: 124 } }),
    ).toEqual([]);
  });
});

describe('no-nvidia-gpu', () => {
  /** A laptop with an Intel and an NVIDIA adapter (registry/display-class-laptop-optimus.txt). */
  const optimus = fixture('registry/display-class-laptop-optimus.txt');

  it('replaces gpu-passthrough-missing when the host has no nvidia-smi and no NVIDIA adapter', () => {
    const probes = {
      'host-nvidia-smi': { stdout: '', error: 'not-found' as const, exitCode: null },
      ...DISTRO,
      'distro-nvidia-smi': { stdout: 'sh: 1: /usr/lib/wsl/lib/nvidia-smi: not found\n', exitCode: 127 },
      'distro-libcuda': { stdout: fixture('distro/libcuda-no-gpu.txt'), exitCode: 1 },
    };
    const findings = findingsOf(GPU_RULES, probes);
    expect(findings.map((item) => item.id)).toEqual(['no-nvidia-gpu']);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      category: 'gpu',
      evidence: [{ probe: 'host-nvidia-smi', excerpt: 'command not found' }],
      confidence: 'medium',
    });
  });

  it('is sure when the registry lists no NVIDIA adapter either', () => {
    const registry = [
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0000',
      '    DriverDesc    REG_SZ    Intel(R) UHD Graphics 770',
      '    ProviderName    REG_SZ    Intel Corporation',
      '    DriverVersion    REG_SZ    31.0.101.5186',
      '',
    ].join('\r\n');
    const [finding] = findingsOf(noNvidiaGpu, {
      'host-nvidia-smi': { stdout: '', error: 'not-found', exitCode: null },
      'reg-display-driver': `\r\n${registry}`,
    });
    expect(finding?.evidence).toEqual([
      { probe: 'host-nvidia-smi', excerpt: 'command not found' },
      {
        probe: 'reg-display-driver',
        excerpt: 'no NVIDIA display adapter (found: Intel(R) UHD Graphics 770)',
      },
    ]);
    expect(finding?.confidence).toBeUndefined();
    expect(finding?.title).toBe('Intel(R) UHD Graphics 770 found, no NVIDIA GPU');
  });

  it('names the adapters the host facts list when the registry was not read', () => {
    const { facts } = inputOf({ 'host-nvidia-smi': { stdout: '', error: 'not-found', exitCode: null } });
    const gpuControllers = [
      { vendor: 'Intel Corporation', model: 'Intel(R) Arc(TM) A770 Graphics' },
      { vendor: 'Advanced Micro Devices, Inc.', model: 'AMD Radeon(TM) Graphics' },
    ];
    const [finding] = noNvidiaGpu({ facts: { ...facts, host: { ...facts.host, gpuControllers } } });
    expect(finding?.title).toBe(
      'Intel(R) Arc(TM) A770 Graphics / AMD Radeon(TM) Graphics found, no NVIDIA GPU',
    );
    expect(finding?.explanation).toMatch(/^Windows shows Intel\(R\) Arc\(TM\) A770 Graphics and AMD Radeon/);
  });

  it('believes a working nvidia-smi in the distro over a missing one on the host', () => {
    expect(
      findingsOf(noNvidiaGpu, {
        'host-nvidia-smi': { stdout: '', error: 'not-found', exitCode: null },
        'distro-nvidia-smi': smi('wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
      }),
    ).toEqual([]);
  });

  it('believes the registry’s NVIDIA adapter over a missing nvidia-smi, and stays silent on a working host', () => {
    expect(
      findingsOf(noNvidiaGpu, {
        'host-nvidia-smi': { stdout: '', error: 'not-found', exitCode: null },
        'reg-display-driver': optimus,
      }),
    ).toEqual([]);
    expect(findingsOf(noNvidiaGpu, HOST)).toEqual([]);
  });
});

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

const TABLE = afterPrompt(
  fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
);
const QUERY = queryCsv([
  { name: 'NVIDIA GeForce RTX 4070', driver: '555.99', usedMiB: 576, totalMiB: 12282 },
]);

/**
 * What `headroom collect` records for the batch: every in-distro probe carries the batch's duration, and the batch
 * record holds the script's output, where `ms=` (when given) is nvidia-smi's own time inside the distro.
 */
function batch(
  durationMs: number,
  probes: Readonly<Record<string, string>>,
  smiMs?: number,
): Record<string, ProbeSpec> {
  const blocks = Object.entries(probes)
    .map(
      ([id, stdout]) =>
        `@@headroom-probe ${id} begin@@\n${stdout}\n@@headroom-probe ${id} stderr@@\n\n` +
        `@@headroom-probe ${id} end exit=0${id === 'distro-nvidia-smi' && smiMs !== undefined ? ` ms=${smiMs}` : ''}@@\n`,
    )
    .join('');
  return {
    ...Object.fromEntries(Object.entries(probes).map(([id, stdout]) => [id, { stdout, durationMs }])),
    'distro-batch': { stdout: blocks, durationMs },
  };
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
  it('warns when nvidia-smi, timed on its own, is in the very slow band, and says the bands are a rule of thumb', () => {
    const [finding] = findingsOf(passthroughSlow, {
      'distro-nvidia-smi': { stdout: TABLE, durationMs: 2400 },
    });
    expect(finding).toMatchObject({
      id: 'passthrough-slow',
      severity: 'warning',
      category: 'runtime',
      title: 'GPU passthrough very slow: nvidia-smi took 2.4 s in WSL',
      evidence: [{ probe: 'distro-nvidia-smi', excerpt: 'answered in 2.4 s' }],
    });
    expect(finding?.explanation).toContain('The GPU works');
    expect(finding?.explanation).toContain('Headroom’s rule of thumb');
  });

  it('reads nvidia-smi’s own time from the batch script (ms=), never the batch’s duration', () => {
    const probes = (smiMs?: number): Record<string, ProbeSpec> =>
      batch(
        6400,
        {
          'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
          'distro-nvidia-smi': TABLE,
          'distro-nvidia-smi-query': QUERY,
        },
        smiMs,
      );
    expect(findingsOf(passthroughSlow, probes(2600))[0]?.title).toBe(
      'GPU passthrough very slow: nvidia-smi took 2.6 s in WSL',
    );
    expect(findingsOf(passthroughSlow, probes(180))).toEqual([]);
    expect(findingsOf(passthroughSlow, probes())).toEqual([]);
  });

  it('does not call a healthy 0.3 s answer slow', () => {
    expect(findingsOf(passthroughSlow, { 'distro-nvidia-smi': { stdout: TABLE, durationMs: 300 } })).toEqual(
      [],
    );
  });

  it('ignores a batch that started the VM: its time includes the boot', () => {
    const probes = {
      ...batch(9000, { 'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n', 'distro-nvidia-smi': TABLE }),
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
