import type { SetupGoal, SetupModels, SetupState } from '@headroom/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedService, type SimulatedServiceFixture } from '../testing/simulated-service';

let fixture: SimulatedServiceFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

/** A channel's answer, or its error thrown. */
async function ask<T>(channel: string, request: unknown): Promise<T> {
  const reply = (await fixture?.router.invoke(channel, request)) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

async function saveGoal(goal: SetupGoal): Promise<void> {
  const state = await ask<SetupState>('setup.state', undefined);
  await ask('setup.saveState', { ...state, goal });
}

const PRESET_70B: SetupGoal = {
  model: { kind: 'preset', id: 'llama-3.1-70b', quant: 'Q4_K_M' },
  ctx: 8192,
  kvType: 'f16',
};

describe('the saved goal counts in the health light and the doctor', () => {
  it('leaves the memory-ceiling PC green while no goal is saved', async () => {
    fixture = await createSimulatedService('memory-ceiling');
    const snapshot = await fixture.headroom.health.check();
    expect(fixture.headroom.health.report()?.findings.map((finding) => finding.id)).not.toContain(
      'memory-ceiling',
    );
    expect(snapshot.health).toBe('green');
  });

  it('turns the light red with a saved 70B goal that WSL’s 8 GB cannot hold', async () => {
    fixture = await createSimulatedService('memory-ceiling');
    await saveGoal(PRESET_70B);
    const snapshot = await fixture.headroom.health.check();
    expect(snapshot.health).toBe('red');
    const finding = fixture.headroom.health.report()?.findings.find((entry) => entry.id === 'memory-ceiling');
    expect(finding?.title).toMatch(
      /^WSL has 8\.0 GiB; Llama 3\.1 70B Instruct Q4_K_M at 8192 tokens needs \d+\.\d GiB$/,
    );
    expect(finding?.evidence[0]?.excerpt).toMatch(/^memory: 8\.0 GiB; needed: \d+\.\d GiB$/);
    // The Overview's Memory card is drawn from the same report (doctor.report).
    const report = await ask<{ findings: { id: string; area: string; severity: string }[] }>(
      'doctor.report',
      undefined,
    );
    expect(report.findings.find((entry) => entry.id === 'memory-ceiling')).toMatchObject({
      area: 'memory',
      severity: 'error',
    });
  });

  it('judges a model found on this PC once the wizard sized it, and says so in the setup check', async () => {
    fixture = await createSimulatedService('memory-ceiling');
    const models = await ask<SetupModels>('setup.models', undefined);
    const preselected = models.discovered.find((model) => model.preselected);
    const goal: SetupGoal = {
      model: { kind: 'discovered', id: preselected?.id ?? '' },
      ctx: preselected?.defaultContext?.tokens ?? 4096,
      kvType: 'f16',
    };
    await ask('setup.plan', goal);
    await saveGoal(goal);
    const check = await ask<{ otherFindings: { id: string; title: string }[] }>('setup.check', undefined);
    expect(check.otherFindings.find((finding) => finding.id === 'memory-ceiling')?.title).toMatch(
      /^WSL has 8\.0 GiB; llama3\.1:70b Q4_K_M at 4096 tokens needs \d+\.\d GiB$/,
    );
    expect((await fixture.headroom.health.check()).health).toBe('red');
  });
});
