import { describe, expect, it } from 'vitest';
import { readCaptureFacts } from '../capture/capture-facts';
import { afterPrompt, captureOf, fixture, type ProbeOutputs } from '../testing/capture';
import { initialVerifyState } from './verify-machine';
import { verifyChecks } from './verify-checks';

const GIB = 2 ** 30;
const WSL_BANNER = afterPrompt(
  fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
);

function checksOf(outputs: ProbeOutputs) {
  return verifyChecks({
    machine: { ...initialVerifyState(0), sawStopped: true },
    facts: readCaptureFacts(captureOf(outputs)),
    expected: { memoryBytes: 16 * GIB, processors: 8, swapBytes: 4 * GIB },
    wslconfig: undefined,
  });
}

const gpuChecks = (outputs: ProbeOutputs) =>
  checksOf(outputs).filter((check) => check.id === 'gpu' || check.id === 'driver-match');

describe('verifyChecks never passes the GPU when it could not look', () => {
  it.each([
    ['timed out', { stdout: '', exitCode: null, timedOut: true }],
    [
      'failed',
      { stdout: 'Unable to determine the device handle for GPU0000:01:00.0: Unknown Error\n', exitCode: 15 },
    ],
    ['printed what Headroom cannot read', { stdout: 'garbage\n', exitCode: 0 }],
  ])('Windows nvidia-smi %s, an NVIDIA adapter in the registry: GPU and driver checks fail', (_, smi) => {
    const checks = gpuChecks({
      'host-nvidia-smi-query': smi,
      'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt'),
      'distro-nvidia-smi': WSL_BANNER,
    });
    expect(checks.find((check) => check.id === 'gpu')).toMatchObject({ ok: false });
    expect(checks.find((check) => check.id === 'gpu')?.message).not.toContain('There is no NVIDIA GPU');
    // The registry still names the driver: compared, not passed blind.
    expect(checks.find((check) => check.id === 'driver-match')?.expected).toBe('560.94');
  });

  it('fails the driver check when no Windows driver could be read at all', () => {
    const checks = gpuChecks({
      'host-nvidia-smi-query': { stdout: '', exitCode: null, timedOut: true },
      'distro-nvidia-smi': WSL_BANNER,
    });
    expect(checks.find((check) => check.id === 'driver-match')).toMatchObject({
      ok: false,
      expected: 'unknown',
    });
  });

  it('passes both on a PC that shows no NVIDIA GPU (no nvidia-smi: no NVIDIA driver)', () => {
    const checks = gpuChecks({ 'host-nvidia-smi-query': { error: 'not-found', exitCode: null } });
    expect(checks.map((check) => [check.id, check.ok])).toEqual([
      ['gpu', true],
      ['driver-match', true],
    ]);
  });
});
