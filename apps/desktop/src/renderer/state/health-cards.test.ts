import type { DoctorFinding, DoctorReportPayload } from '@headroom/contract';
import { describe, expect, it } from 'vitest';
import { allGreen, healthCards } from './health-cards';

const NOT_APPLIED: DoctorFinding = {
  id: 'wslconfig-not-applied',
  severity: 'error',
  title: '.wslconfig changed since WSL started',
  explanation: 'WSL reads it only at its start.',
  source: 'https://example.org',
  evidence: [],
  fix: { label: 'Shut down WSL and verify', steps: [], runnable: false },
  area: 'wslconfig',
  muted: false,
  pendingRestart: true,
};
const REPORT: DoctorReportPayload = {
  health: 'green',
  checkedAt: '2026-11-21T12:00:00.000Z',
  findings: [],
  notChecked: [],
  changes: [],
};

describe('healthCards', () => {
  it('gives five green cards on a healthy report', () => {
    const cards = healthCards(REPORT, undefined);
    expect(cards.map((card) => card.area)).toEqual(['wsl', 'wslconfig', 'gpu', 'memory', 'updates']);
    expect(allGreen(cards)).toBe(true);
  });

  it('makes a change waiting for WSL’s restart amber, with shutdown-and-verify as its action', () => {
    const cards = healthCards({ ...REPORT, health: 'amber', findings: [NOT_APPLIED] }, undefined);
    expect(cards[1]).toMatchObject({
      light: 'amber',
      line: '.wslconfig changed since WSL started',
      action: { label: 'Shut down WSL and verify' },
    });
    expect(allGreen(cards)).toBe(false);
  });

  it('leaves muted findings out, and shows a stopped WSL grey and the changes since the baseline amber', () => {
    const cards = healthCards(
      { ...REPORT, health: 'grey', findings: [{ ...NOT_APPLIED, muted: true }], changes: ['driver 1 → 2'] },
      undefined,
    );
    expect(cards.map((card) => card.light)).toEqual(['grey', 'green', 'green', 'green', 'amber']);
  });
});
