import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelNumbers, kernelTooOld } from './kernel-too-old';
import { findingsOf } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

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
