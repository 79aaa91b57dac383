import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedService, type SimulatedServiceFixture } from '../testing/simulated-service';
import { areaOf, notCheckedWords } from './doctor-handlers';

let fixture: SimulatedServiceFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

describe('the doctor channels', () => {
  it('previews a .wslconfig fix as a diff, applies it, and keeps a mute across a new service', async () => {
    fixture = await createSimulatedService('invalid-memory-value');
    const { handlers } = fixture.service;
    const report = await handlers['doctor.report'](undefined);
    const ignored = report.findings.find((finding) => finding.id === 'wslconfig-ignored-lines');
    expect(ignored).toMatchObject({ area: 'wslconfig', muted: false, fix: { runnable: true } });

    const preview = await handlers['doctor.previewFix']({ findingId: 'wslconfig-ignored-lines' });
    expect(preview.diff.filter((line) => line.kind !== 'same').map((line) => line.text)).toEqual([
      'memory=16gb',
      'memory=16GB',
    ]);
    const fixed = await handlers['doctor.fix']({ findingId: 'wslconfig-ignored-lines' });
    expect(fixed.message).toMatch(/^Done: /);
    expect(fixed.report.findings.map((finding) => finding.id)).not.toContain('wslconfig-ignored-lines');
    const path = join(fixture.windows.stateDir, 'profile', '.wslconfig');
    expect(readFileSync(path, 'latin1')).toContain('memory=16GB');

    const muted = await handlers['doctor.mute']({ findingId: 'wslconfig-not-applied', muted: true });
    expect(muted.findings.find((finding) => finding.id === 'wslconfig-not-applied')?.muted).toBe(true);
  });

  it('refuses to fix a finding that is not current', async () => {
    fixture = await createSimulatedService('healthy');
    await expect(fixture.service.handlers['doctor.fix']({ findingId: 'no-such' })).rejects.toThrow(
      /Run the checks again/,
    );
  });
});

describe('areaOf and notCheckedWords', () => {
  it('puts driver findings under updates, and says plainly what inside WSL was not read', () => {
    expect(areaOf({ id: 'driver-mismatch', category: 'gpu' })).toBe('updates');
    expect(areaOf({ id: 'passthrough-slow', category: 'runtime' })).toBe('gpu');
    expect(notCheckedWords(['host-nvidia-smi', 'distro-meminfo'])).toEqual([
      'the GPU on Windows (nvidia-smi)',
      'Inside WSL (the memory inside WSL): WSL was not running, and the checks never start it.',
    ]);
  });
});
