import { describe, expect, it } from 'vitest';
import { planFit } from './fit';
import { goalCeiling } from './goal-ceiling';
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
