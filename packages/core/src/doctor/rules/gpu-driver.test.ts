import { describe, expect, it } from 'vitest';
import { afterPrompt, findingsOf, fixture, queryCsv } from '../../testing/capture';
import {
  cudaVersionError,
  driverBranch,
  driverMismatch,
  driverTooOld,
  kernelNumbers,
  kernelTooOld,
  linuxDriverInDistro,
} from './gpu-driver';
import { GPU_RULES } from './index';

const GTX_1060 = { name: 'NVIDIA GeForce GTX 1060 3GB', usedMiB: 412, totalMiB: 3072 };

describe('driver-too-old', () => {
  it('reads the driver branch', () => {
    expect(driverBranch('472.12')).toBe(472);
    expect(driverBranch('610.62')).toBe(610);
    expect(driverBranch('n/a')).toBeUndefined();
  });

  it('reports a host driver older than R495, the first with CUDA on WSL 2 per NVIDIA’s guide', () => {
    const [finding] = findingsOf(driverTooOld, {
      'host-nvidia-smi-query': queryCsv([{ ...GTX_1060, driver: '472.12' }]),
    });
    expect(finding).toMatchObject({
      id: 'driver-too-old',
      severity: 'error',
      category: 'gpu',
      evidence: [
        { probe: 'host-nvidia-smi-query', excerpt: 'driver 472.12 < R495' },
        { probe: 'host-nvidia-smi-query', excerpt: 'driver_version 472.12' },
      ],
      fix: { kind: 'steps' },
      source:
        'https://docs.nvidia.com/cuda/wsl-user-guide/index.html#nvidia-compute-software-support-on-wsl-2',
    });
    expect(finding?.title).toContain('R495');
  });

  it('accepts R495 itself and the real drivers of the fixtures', () => {
    expect(
      findingsOf(driverTooOld, { 'host-nvidia-smi-query': queryCsv([{ ...GTX_1060, driver: '495.29' }]) }),
    ).toEqual([]);
    // A real Windows capture (591.86), the WSL table of microsoft/WSL#11277 (Windows driver 555.99) and the registry.
    expect(
      findingsOf(driverTooOld, {
        'host-nvidia-smi-query': fixture(
          'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/query-gpu-idle.csv',
        ),
      }),
    ).toEqual([]);
    expect(
      findingsOf(driverTooOld, {
        'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt'),
      }),
    ).toEqual([]);
  });

  it('falls back to the distro table’s Driver Version (the Windows driver) when the host said nothing', () => {
    // Hand-written in the pre-2023 layout: no real WSL table with a pre-R495 driver was found.
    const old = [
      '+-----------------------------------------------------------------------------+',
      '| NVIDIA-SMI 470.57.02    Driver Version: 471.41       CUDA Version: 11.4     |',
      '|-------------------------------+----------------------+----------------------+',
      '',
    ].join('\n');
    const [finding] = findingsOf(driverTooOld, { 'distro-nvidia-smi': old });
    expect(finding?.evidence[0]).toEqual({ probe: 'distro-nvidia-smi', excerpt: 'driver 471.41 < R495' });
  });
});

/** The table inside WSL of microsoft/WSL#11277: `NVIDIA-SMI 555.52.01   Driver Version: 555.99`. */
const WSL_TABLE = afterPrompt(
  fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
);
const RTX_4070 = { name: 'NVIDIA GeForce RTX 4070 ...', usedMiB: 576, totalMiB: 12282 };

describe('driver-mismatch', () => {
  it('compares the distro’s Driver Version with the host’s, never the NVIDIA-SMI number', () => {
    expect(
      findingsOf(driverMismatch, {
        'host-nvidia-smi-query': queryCsv([{ ...RTX_4070, driver: '555.99' }]),
        'distro-nvidia-smi': WSL_TABLE,
      }),
    ).toEqual([]);
  });

  it('reports a distro on 555.99 while the host query says 552.12', () => {
    const [finding] = findingsOf(driverMismatch, {
      'host-nvidia-smi-query': queryCsv([{ ...RTX_4070, driver: '552.12' }]),
      'distro-nvidia-smi': WSL_TABLE,
    });
    expect(finding).toMatchObject({
      id: 'driver-mismatch',
      severity: 'error',
      category: 'gpu',
      title: 'WSL uses NVIDIA driver 555.99, but Windows runs 552.12',
      evidence: [
        { probe: 'distro-nvidia-smi', excerpt: 'distro driver 555.99 ≠ host 552.12' },
        { probe: 'distro-nvidia-smi', excerpt: 'Driver Version: 555.99' },
        { probe: 'host-nvidia-smi-query', excerpt: 'driver_version 552.12' },
      ],
      fix: { kind: 'shutdown-and-verify' },
      source: 'https://github.com/microsoft/WSL/issues/11277',
      confidence: 'medium',
    });
  });

  it('reads the host driver from the host table when there is no query (real 591.86 Windows table)', () => {
    const [finding] = findingsOf(driverMismatch, {
      'host-nvidia-smi': fixture(
        'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/banner-idle.txt',
      ),
      'distro-nvidia-smi': WSL_TABLE,
    });
    expect(finding?.evidence[0]).toEqual({
      probe: 'distro-nvidia-smi',
      excerpt: 'distro driver 555.99 ≠ host 591.86',
    });
    expect(finding?.evidence[2]).toEqual({ probe: 'host-nvidia-smi', excerpt: 'Driver Version: 591.86' });
  });

  it('falls back to the registry’s NVIDIA driver (32.0.15.6094 = 560.94)', () => {
    const [finding] = findingsOf(driverMismatch, {
      'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt'),
      'distro-nvidia-smi': WSL_TABLE,
    });
    expect(finding?.evidence[0]?.excerpt).toBe('distro driver 555.99 ≠ host 560.94');
    expect(finding?.evidence[2]?.probe).toBe('reg-display-driver');
  });

  it('reads a header-only WSL table too (llama.cpp#6261: 550.54.10 / 551.61)', () => {
    const table = fixture('nvidia-smi/wsl/llama.cpp-6261__banner-smi550.54.10-drv551.61__header-only.txt');
    const host = (driver: string) => ({ 'host-nvidia-smi-query': queryCsv([{ ...RTX_4070, driver }]) });
    expect(findingsOf(driverMismatch, { ...host('551.61'), 'distro-nvidia-smi': table })).toEqual([]);
    expect(findingsOf(driverMismatch, { ...host('551.86'), 'distro-nvidia-smi': table })).toHaveLength(1);
  });

  it('says nothing when either side is unknown, or when the distro’s nvidia-smi is blocked', () => {
    expect(findingsOf(driverMismatch, { 'distro-nvidia-smi': WSL_TABLE })).toEqual([]);
    expect(
      findingsOf(driverMismatch, { 'host-nvidia-smi-query': queryCsv([{ ...RTX_4070, driver: '552.12' }]) }),
    ).toEqual([]);
    const blocked = {
      'host-nvidia-smi-query': queryCsv([{ ...RTX_4070, driver: '552.12' }]),
      'distro-nvidia-smi': {
        stdout: afterPrompt(fixture('nvidia-smi/errors/gpu-access-blocked__ms-WSL-14339.txt')),
        exitCode: 17,
      },
    };
    expect(findingsOf(GPU_RULES, blocked).map((finding) => finding.id)).toEqual(['gpu-passthrough-missing']);
  });
});

const WSL_LIBCUDA = fixture('distro/libcuda-wsl.txt');

describe('linux-driver-in-distro', () => {
  it('names the Linux driver packages dpkg lists and removes exactly those', () => {
    const [finding] = findingsOf(linuxDriverInDistro, {
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-driver-550.txt'),
      'distro-libcuda': WSL_LIBCUDA,
    });
    const names = [
      'libnvidia-compute-550',
      'nvidia-compute-utils-550',
      'nvidia-dkms-550',
      'nvidia-driver-550',
      'nvidia-kernel-common-550',
      'nvidia-kernel-source-550',
      'nvidia-utils-550',
    ];
    expect(finding).toMatchObject({
      id: 'linux-driver-in-distro',
      severity: 'error',
      category: 'gpu',
      source: 'https://docs.nvidia.com/cuda/wsl-user-guide/index.html#cuda-support-for-wsl-2',
    });
    expect(finding?.evidence).toHaveLength(1);
    expect(finding?.evidence[0]?.probe).toBe('distro-nvidia-packages');
    expect(finding?.evidence[0]?.excerpt).toContain('nvidia-driver-550 550.120-0ubuntu0.24.04.1');
    // Not the container toolkit, not packages dpkg lists as removed (rc) or never installed (un).
    expect(finding?.evidence[0]?.excerpt).not.toMatch(/container|nvidia-driver-535|nvidia-384/);
    expect(finding?.fix).toMatchObject({ kind: 'steps' });
    const steps = finding?.fix.kind === 'steps' ? finding.fix.steps : [];
    expect(steps[0]).toBe(`In the distro, run \`sudo apt remove --purge ${names.join(' ')}\`.`);
    expect(steps[1]).toBe('In PowerShell, run `wsl --shutdown`, then open your distro again.');
  });

  it('reports a libcuda.so.1 that resolves outside /usr/lib/wsl/lib, with the shadowing path', () => {
    const [finding] = findingsOf(linuxDriverInDistro, {
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-none.txt'),
      'distro-libcuda': fixture('distro/libcuda-shadowed-by-linux-driver.txt'),
    });
    expect(finding?.evidence).toEqual([
      {
        probe: 'distro-libcuda',
        excerpt: 'libcuda.so.1 => /usr/lib/x86_64-linux-gnu/libcuda.so.1 (not /usr/lib/wsl/lib)',
      },
    ]);
    const steps = finding?.fix.kind === 'steps' ? finding.fix.steps : [];
    expect(steps[0]).toContain('sudo nvidia-installer --uninstall');
  });

  it('uses the distro’s package manager', () => {
    const [finding] = findingsOf(linuxDriverInDistro, {
      'distro-nvidia-packages':
        'manager rpm\nii |xorg-x11-drv-nvidia-cuda-libs|565.57.01-1.fc41\nii |akmod-nvidia|565.57.01-1.fc41\n',
    });
    const steps = finding?.fix.kind === 'steps' ? finding.fix.steps : [];
    expect(steps[0]).toBe('In the distro, run `sudo dnf remove xorg-x11-drv-nvidia-cuda-libs akmod-nvidia`.');
  });

  it('stays silent on a clean distro (only the container toolkit, old driver removed)', () => {
    expect(
      findingsOf(linuxDriverInDistro, {
        'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-clean.txt'),
        'distro-libcuda': WSL_LIBCUDA,
      }),
    ).toEqual([]);
  });
});

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

describe('kernel-too-old', () => {
  it('reads the leading version numbers', () => {
    expect(kernelNumbers('5.10.16.3-1')).toEqual([5, 10, 16, 3]);
    expect(kernelNumbers('5.15.167.4-microsoft-standard-WSL2')).toEqual([5, 15, 167, 4]);
    expect(kernelNumbers('unknown')).toEqual([]);
  });

  it('is an error below NVIDIA’s minimum, 4.19.121 (uname of microsoft/WSL#5868: 4.19.104)', () => {
    const [finding] = findingsOf(kernelTooOld, { 'distro-uname': '4.19.104-microsoft-standard\n' });
    expect(finding).toMatchObject({
      id: 'kernel-too-old',
      severity: 'error',
      category: 'gpu',
      evidence: [{ probe: 'distro-uname', excerpt: '4.19.104-microsoft-standard' }],
      fix: { kind: 'wsl-update' },
      source: 'https://docs.nvidia.com/cuda/wsl-user-guide/index.html#wsl-2-support-constraints',
    });
    expect(finding?.title).toContain('4.19.121');
    expect(finding?.confidence).toBeUndefined();
  });

  it('is a medium-confidence warning below Microsoft’s 5.10.43.3 (5.10.16.3 of microsoft/WSL#8794)', () => {
    // The login banner of errors/command-not-found__ms-WSL-8794-ssh-session.txt shows the kernel this distro ran.
    const release = /GNU\/Linux (\S+)/.exec(
      fixture('nvidia-smi/errors/command-not-found__ms-WSL-8794-ssh-session.txt'),
    )?.[1];
    expect(release).toBe('5.10.16.3-microsoft-standard-WSL2');
    const [finding] = findingsOf(kernelTooOld, { 'distro-uname': `${release ?? ''}\n` });
    expect(finding).toMatchObject({
      id: 'kernel-too-old',
      severity: 'warning',
      category: 'gpu',
      evidence: [{ probe: 'distro-uname', excerpt: '5.10.16.3-microsoft-standard-WSL2' }],
      source: 'https://learn.microsoft.com/en-us/windows/ai/directml/gpu-cuda-in-wsl',
      confidence: 'medium',
    });
    expect(finding?.explanation).toContain('4.19.121');
    expect(finding?.explanation).toContain('5.10.43.3');
  });

  it('falls back to `wsl --version` and accepts its 5.15.79.1 (zh-CN, microsoft/WSL#9640)', () => {
    expect(
      findingsOf(kernelTooOld, { 'wsl-version': fixture('wsl/wsl-version.zh-CN.issue9640.txt') }),
    ).toEqual([]);
    const old = fixture('wsl/wsl-version.zh-CN.issue9640.txt').replace('5.15.79.1', '5.10.16.3-1');
    const [finding] = findingsOf(kernelTooOld, { 'wsl-version': old });
    expect(finding?.evidence).toEqual([{ probe: 'wsl-version', excerpt: 'Kernel version: 5.10.16.3-1' }]);
  });

  it('prefers the running kernel to the one `wsl --version` names', () => {
    const old = fixture('wsl/wsl-version.zh-CN.issue9640.txt').replace('5.15.79.1', '5.10.16.3-1');
    expect(
      findingsOf(kernelTooOld, {
        'wsl-version': old,
        'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
      }),
    ).toEqual([]);
  });

  it('points at a custom kernel in .wslconfig, which `wsl --update` does not replace', () => {
    const [finding] = findingsOf(
      kernelTooOld,
      { 'distro-uname': '5.10.16.3-microsoft-standard-WSL2+\n' },
      { wslconfig: '[wsl2]\nkernel=C:\\\\kernels\\\\bzImage\n' },
    );
    expect(finding?.fix).toMatchObject({ kind: 'unset-wslconfig', keys: ['wsl2.kernel'] });
    expect(finding?.evidence[1]).toMatchObject({ probe: '.wslconfig', line: 2 });
  });

  it('leaves WSL 1 (its fake 4.4.0 kernel) to the WSL rules', () => {
    expect(findingsOf(kernelTooOld, { 'distro-uname': '4.4.0-19041-Microsoft\n' })).toEqual([]);
  });
});
