import { describe, expect, it } from 'vitest';
import { planFit } from './fit';
import { goalCeiling, largestFittingContext } from './goal-ceiling';
import { shapeFromPreset } from './model-shape';
import { findPreset } from './presets';

const GIB = 2 ** 30;

function plan70b(hostGiB: number) {
  const preset = findPreset('llama-3.1-70b');
  if (!preset) throw new Error('no preset');
  const shape = shapeFromPreset(preset, 'Q4_K_M');
  if (!shape.ok) throw new Error(shape.reason);
  return planFit({ model: shape.shape, ctx: 8192, kvType: 'f16', vramFreeGiB: 23, hostRamGiB: hostGiB });
}

describe('goalCeiling', () => {
  it('says a 70B goal does not fit under the 8 GiB WSL has now, and whether it would fit beside Windows', () => {
    const plan = plan70b(32);
    const ceiling = goalCeiling(plan, 8 * GIB, 32 * GIB);
    expect(ceiling.neededBytes).toBe(plan.ramNeeded.value);
    expect(ceiling.neededBytes).toBeGreaterThan(8 * GIB);
    expect(ceiling.fitsNow).toBe(false);
    expect(ceiling.maxBytes).toBe(24 * GIB);
    expect(ceiling.fitsAtMax).toBe(plan.fits);
  });

  it('says it fits now when WSL already has what it needs', () => {
    const plan = plan70b(64);
    expect(goalCeiling(plan, 48 * GIB, 64 * GIB).fitsNow).toBe(true);
  });
});

describe('largestFittingContext', () => {
  const preset = findPreset('llama-3.1-70b');
  const shape = preset ? shapeFromPreset(preset, 'Q4_K_M') : undefined;
  if (!shape?.ok) throw new Error('no preset');
  const input = { model: shape.shape, kvType: 'f16' as const, vramFreeGiB: 23, hostRamGiB: 64 };

  it('finds the longest context that still fits beside Windows, one 256-token step short of one that does not', () => {
    const ctx = largestFittingContext(input, 131_072);
    expect(ctx).toBeDefined();
    expect((ctx ?? 1) % 256).toBe(0);
    expect(planFit({ ...input, ctx: ctx ?? 0 }).fits).toBe(true);
    expect(planFit({ ...input, ctx: (ctx ?? 0) + 256 }).fits).toBe(false);
  });

  it('is undefined when the model does not fit even at 256 tokens', () => {
    expect(largestFittingContext({ ...input, hostRamGiB: 16 }, 131_072)).toBeUndefined();
  });
});
