import { describe, expect, it } from 'vitest';
import { planFit } from '../sizing/fit';
import { shapeFromPreset } from '../sizing/model-shape';
import { findPreset } from '../sizing/presets';
import { checkWslConfig } from '../wslconfig/check';
import { proposeWslConfig } from './setup-proposal';

const HOST = { totalMemoryBytes: 64 * 2 ** 30, logicalProcessors: 16 };

function planFor(model: string, hostRamGiB = 64) {
  const preset = findPreset(model);
  if (!preset) throw new Error(`no preset ${model}`);
  const shape = shapeFromPreset(preset, 'Q4_K_M');
  if (!shape.ok) throw new Error(shape.reason);
  return planFit({
    model: shape.shape,
    ctx: 8192,
    kvType: 'f16',
    vramFreeGiB: 22,
    hostRamGiB,
    hostLogicalProcessors: 16,
  });
}

const gib = (value: string): number => Number(/^(\d+)GB$/.exec(value)?.[1]);

function propose(config: string, model = 'llama-3.1-8b') {
  return proposeWslConfig(planFor(model), checkWslConfig(config, HOST), HOST);
}

describe('proposeWslConfig', () => {
  it('proposes nothing when the file already gives the model what it needs', () => {
    const proposal = propose('[wsl2]\nmemory=48GB\nprocessors=12\nswap=8GB\n');
    expect(proposal.changes).toEqual([]);
    expect(proposal.values).toEqual({ memoryGB: 48, processors: 12, swapGB: 8 });
  });

  it('writes back an ignored memory line as the value the user meant, naming the line', () => {
    const proposal = propose('[wsl2]\nmemory=16gb\nprocessors=12\n');
    const memory = proposal.changes.find((change) => change.key === 'memory');
    expect(memory?.value).toBe('16GB');
    expect(memory?.current).toBeUndefined();
    expect(memory?.why).toMatch(/ignores line 2/);
    expect(proposal.values.memoryGB).toBe(16);
  });

  it('raises memory that is too small for the model to no less than WSL’s default, and swap set below a quarter of it', () => {
    const plan = planFor('llama-3.1-70b');
    const proposal = proposeWslConfig(plan, checkWslConfig('[wsl2]\nmemory=8GB\nswap=1GB\n', HOST), HOST);
    const memory = proposal.changes.find((change) => change.key === 'memory');
    expect(gib(plan.wslconfig.memory.value)).toBeLessThan(32);
    expect(memory).toMatchObject({ current: '8GB', value: '32GB', needed: true });
    expect(memory?.why).toMatch(/would get 8 GiB/);
    expect(memory?.why).toMatch(/WSL's own default, half the RAM, is 32 GiB/);
    // Swap only follows the new memory: proposed, but nothing the goal needs.
    expect(proposal.changes.find((change) => change.key === 'swap')).toMatchObject({
      current: '1GB',
      value: '8GB',
      needed: false,
    });
  });

  it('leaves swap alone when WSL’s default for the new memory is what the plan wants', () => {
    const plan = planFor('llama-3.1-70b');
    const proposal = proposeWslConfig(plan, checkWslConfig('[wsl2]\nmemory=8GB\n', HOST), HOST);
    expect(proposal.changes.map((change) => change.key)).toEqual(['memory']);
  });

  it('lowers memory that leaves Windows too little, to what Windows can spare, not below WSL’s default', () => {
    const proposal = propose('[wsl2]\nmemory=64GB\n');
    const memory = proposal.changes.find((change) => change.key === 'memory');
    expect(memory?.current).toBe('64GB');
    expect(memory?.value).toBe('48GB');
    expect(memory?.why).toMatch(/leave Windows too little/);
    expect(memory?.why).toContain("Headroom's rule of thumb");
  });

  it.each([
    [8, 4],
    [12, 6],
  ])(
    'on a %i GB PC proposes no memory beyond WSL’s default of %i GB, and no change when there is no file',
    (hostGiB, defaultGiB) => {
      const host = { totalMemoryBytes: hostGiB * 2 ** 30, logicalProcessors: 8 };
      const proposal = proposeWslConfig(planFor('llama-3.1-8b', hostGiB), checkWslConfig('', host), host);
      expect(proposal.changes).toEqual([]);
      expect(proposal.values.memoryGB).toBe(defaultGiB);
      expect(proposal.goalFits).toBe(true);
      expect(proposal.notes).toEqual([]);
    },
  );

  it('says when the goal cannot fit beside Windows, naming the reserve as Headroom’s rule of thumb', () => {
    const host = { totalMemoryBytes: 8 * 2 ** 30, logicalProcessors: 8 };
    const proposal = proposeWslConfig(planFor('llama-3.1-70b', 8), checkWslConfig('', host), host);
    expect(proposal.values.memoryGB).toBe(4);
    expect(proposal.goalFits).toBe(false);
    expect(proposal.notes.join(' ')).toMatch(/more than fits beside Windows: WSL gets 4 GiB of the 8 GiB/);
    expect(proposal.notes.join(' ')).toContain("Headroom's rule of thumb");
  });

  it('bounds the sliders by the host and starts them at what WSL would create', () => {
    const proposal = propose('');
    expect(proposal.bounds.memory).toEqual({ min: 1, max: 64, step: 1 });
    expect(proposal.bounds.processors).toEqual({ min: 1, max: 16, step: 1 });
    expect(proposal.bounds.swap.max).toBe(32);
    expect(proposal.values).toEqual({ memoryGB: 32, processors: 16, swapGB: 8 });
  });
});
