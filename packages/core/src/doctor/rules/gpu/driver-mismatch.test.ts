import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { driverMismatch } from './driver-mismatch';
import { GPU_RULES } from './index';
import { afterPrompt, findingsOf, queryCsv } from './test-capture';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../testdata/${path}`, import.meta.url), 'utf8');

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
