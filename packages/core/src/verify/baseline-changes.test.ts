import { describe, expect, it } from 'vitest';
import { factsOf, queryCsv } from '../testing/capture';
import { baselineChanges } from './baseline-changes';
import type { VerifyBaseline } from './verify-checks';

const facts = (driver: string, kernel: string) =>
  factsOf({
    'host-nvidia-smi-query': queryCsv([
      { name: 'NVIDIA GeForce RTX 4090', driver, usedMiB: 1186, totalMiB: 24564 },
    ]),
    'wsl-version': `WSL version: 2.3.26.0\nKernel version: ${kernel}\nWSLg version: 1.0.65\nMSRDC version: 1.2.5620\nDirect3D version: 1.611.1-81528511\nDXCore version: 10.0.26100.1-240331-1435.ge-release\nWindows version: 10.0.26100.2314\n`,
  });

const baseline: VerifyBaseline = {
  configHash: 'abc',
  hostDriver: '552.12',
  wslVersion: '2.3.26.0',
  kernel: '5.15.167.4-microsoft-standard-WSL2',
  gpu: 'NVIDIA GeForce RTX 4090',
  verifiedAt: '2026-11-01T12:00:00.000Z',
};

describe('baselineChanges', () => {
  it('says what changed since the verified setup, and when a version went back', () => {
    expect(baselineChanges(baseline, facts('560.94', '5.15.133.1-1')).map((change) => change.text)).toEqual([
      'driver 552.12 → 560.94',
      'kernel 5.15.167.4 → 5.15.133.1 — older',
    ]);
  });

  it('finds nothing when the machine is as it was verified (the kernel compared by its number)', () => {
    expect(baselineChanges(baseline, facts('552.12', '5.15.167.4-1'))).toEqual([]);
  });
});
