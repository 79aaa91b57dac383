import { describe, expect, it } from 'vitest';
import { captureOf, doctorOf } from '../testing/capture';
import { readCaptureFacts } from './capture-facts';
import { probesNotRead } from './not-read';

describe('probesNotRead', () => {
  it('lists probes that did not finish (spawn failed, output limit, timed out) as checks not made', () => {
    const capture = captureOf({
      'reg-display-driver': { error: 'spawn-failed', exitCode: null },
      'wsl-status': { stdout: 'x'.repeat(10), error: 'output-limit', exitCode: null },
      'host-nvidia-smi-query': { exitCode: null, timedOut: true },
      'wsl-version': { error: 'not-found', exitCode: null },
    });
    expect(probesNotRead(readCaptureFacts(capture))).toEqual(
      expect.arrayContaining([
        { probe: 'reg-display-driver', reason: 'the command could not be started' },
        { probe: 'wsl-status', reason: 'the command printed more than Headroom reads' },
        { probe: 'host-nvidia-smi-query', reason: 'the command did not answer in time' },
      ]),
    );
    // A program that is not there is an answer (no WSL, no NVIDIA driver), not a check left undone.
    expect(probesNotRead(readCaptureFacts(capture)).map((item) => item.probe)).not.toContain('wsl-version');
    expect(doctorOf(capture).health).not.toBe('green');
  });
});
