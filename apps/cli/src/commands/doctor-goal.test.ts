import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';
import { useCliSandbox } from '../testing/sandbox';

const sandbox = useCliSandbox('doctor-goal', 'each');

interface DoctorJson {
  health: string;
  findings: { id: string; title: string }[];
}

async function doctor(...args: string[]): Promise<{ code: number; json: DoctorJson }> {
  const { code, stdout } = await runCli('doctor', ...args, '--json');
  return { code, json: JSON.parse(stdout) as DoctorJson };
}

/** Save a goal in the setup's state, as the wizard does when the user picks a model. */
function saveGoal(goal: object): void {
  const data = join(sandbox.dir, 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'setup.json'), JSON.stringify({ step: 3, completed: false, goal }));
}

// Without --simulate the CLI works on the simulated machine kept in the data folder, the app's (healthy here).
describe('headroom doctor judges WSL’s memory against the goal saved in setup', () => {
  it('finds the healthy machine’s 48 GB too small for a saved Llama 3.1 70B goal at its full 128K context', async () => {
    saveGoal({ model: { kind: 'preset', id: 'llama-3.1-70b', quant: 'Q4_K_M' }, ctx: 131072, kvType: 'f16' });
    const { code, json } = await doctor();
    expect(code).toBe(1);
    expect(json.health).toBe('red');
    expect(json.findings.find((finding) => finding.id === 'memory-ceiling')?.title).toMatch(
      /^WSL has 48\.0 GiB; Llama 3\.1 70B Instruct Q4_K_M at 131072 tokens needs \d+\.\d GiB$/,
    );
  }, 60_000);

  it('lets --model judge another model than the saved goal', async () => {
    saveGoal({ model: { kind: 'preset', id: 'llama-3.1-70b', quant: 'Q4_K_M' }, ctx: 131072, kvType: 'f16' });
    const { json } = await doctor('--model', 'llama-3.1-8b');
    expect(json.findings.map((finding) => finding.id)).not.toContain('memory-ceiling');
  }, 60_000);
});
