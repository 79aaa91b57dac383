import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../doctor/diagnose';
import type { Finding } from '../doctor/finding';
import { healthOf } from './health-state';

function finding(id: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding {
  return {
    id,
    severity,
    category: 'gpu',
    title: `${id} title`,
    explanation: '',
    evidence: [],
    fix: { kind: 'steps', label: 'Fix', steps: [] },
    source: 'https://example.org',
    ...extra,
  };
}

const report = (health: DoctorReport['health'], findings: Finding[] = []): DoctorReport => ({
  health,
  findings,
  exitCode: 0,
  notChecked: [],
  notRead: [],
});

describe('healthOf', () => {
  it('is green and OK when the checks pass and the passthrough answers in under 0.5 s', () => {
    expect(healthOf(report('green'), { ms: 180, ok: true })).toEqual({ health: 'green', summary: 'OK' });
  });

  it('is grey while WSL is stopped, which is normal', () => {
    expect(healthOf(report('grey'))).toEqual({ health: 'grey', summary: 'WSL stopped (normal)' });
  });

  it('turns amber for a slow or very slow passthrough (the GPU answers) and red when it hangs', () => {
    expect(healthOf(report('green'), { ms: 1_240, ok: true })).toEqual({
      health: 'amber',
      summary: 'GPU passthrough slow, 1.2 s',
    });
    expect(healthOf(report('green'), { ms: 2_400, ok: true })).toEqual({
      health: 'amber',
      summary: 'GPU passthrough very slow, 2.4 s',
    });
    expect(healthOf(report('amber', [finding('x', 'warning')]), { ms: 10_000, ok: false }).health).toBe(
      'red',
    );
  });

  it('says a .wslconfig change is waiting for a restart, and names the broken thing when red', () => {
    const pending = finding('wslconfig-not-applied', 'error', { pendingRestart: true });
    expect(healthOf(report('amber', [pending])).summary).toBe(
      'Waiting for a WSL restart: wslconfig-not-applied title',
    );
    expect(healthOf(report('red', [pending, finding('driver-mismatch', 'error')])).summary).toBe(
      'driver-mismatch title',
    );
  });

  it('keeps the worse of the report and the latency', () => {
    expect(healthOf(report('red', [finding('no-nvidia-gpu', 'error')]), { ms: 900, ok: true })).toEqual({
      health: 'red',
      summary: 'no-nvidia-gpu title',
    });
  });
});
