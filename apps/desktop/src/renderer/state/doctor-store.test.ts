import type { DoctorFinding, DoctorReportPayload } from '@headroom/contract';
import { describe, expect, it } from 'vitest';
import { createDoctorStore, reportNotice } from './doctor-store';
import { fakeBridge } from './testing/fake-bridge';

const FINDING: DoctorFinding = {
  id: 'wslconfig-ignored-lines',
  severity: 'error',
  title: 'WSL ignores line 2 of .wslconfig',
  explanation: 'WSL skips these lines.',
  source: 'https://example.org',
  evidence: ['wslconfig: memory=16gb'],
  fix: { label: 'Fix the lines WSL ignores', steps: [], runnable: true },
  area: 'wslconfig',
  muted: false,
  pendingRestart: false,
};
const REPORT: DoctorReportPayload = {
  health: 'red',
  checkedAt: '2026-11-21T12:00:00.000Z',
  findings: [FINDING],
  notChecked: [],
  changes: [],
};
const PREVIEW = {
  findingId: FINDING.id,
  label: FINDING.fix.label,
  diff: [{ kind: 'removed', text: 'memory=16gb' }],
  path: 'C:\\Users\\u\\.wslconfig',
};

describe('createDoctorStore', () => {
  it('previews a fix, applies it and says what was done', async () => {
    const fake = fakeBridge();
    fake.answer('doctor.report', () => REPORT);
    fake.answer('doctor.previewFix', () => PREVIEW);
    fake.answer('doctor.fix', () => ({
      message: 'Done: Fix the lines WSL ignores.',
      report: { ...REPORT, health: 'amber', findings: [] },
    }));
    const store = createDoctorStore(fake.bridge);
    await store.getState().load();
    await store.getState().previewFix(FINDING.id);
    expect(store.getState().preview?.diff).toHaveLength(1);
    await store.getState().applyFix();
    expect(store.getState()).toMatchObject({
      preview: undefined,
      notice: 'Done: Fix the lines WSL ignores.',
      report: { health: 'amber', findings: [] },
      fixing: false,
    });
    expect(fake.calls.map((call) => call.channel)).toEqual([
      'doctor.report',
      'doctor.previewFix',
      'doctor.fix',
    ]);
  });

  it('announces a run of the checks, counting only what is not muted', async () => {
    const fake = fakeBridge();
    fake.answer('doctor.check', () => ({ ...REPORT, findings: [{ ...FINDING, muted: true }] }));
    const store = createDoctorStore(fake.bridge);
    await store.getState().check();
    expect(store.getState().notice).toBe('Checked: nothing needs your attention.');
    expect(reportNotice(REPORT)).toBe('Checked: 1 finding.');
  });
});
