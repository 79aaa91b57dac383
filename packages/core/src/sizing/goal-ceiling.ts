import { planFit, type FitInput, type FitPlan } from './fit';

/** WSL's memory ceiling judged against a sized goal: the numbers the honest end and the health light say. */
export interface GoalCeiling {
  /** The RAM the goal needs inside WSL (the plan's "RAM needed"). */
  readonly neededBytes: number;
  /** The memory WSL runs with under the current file: its `memory`, else WSL's default of half the host. */
  readonly currentBytes: number;
  /** The most Headroom would give WSL beside Windows (the plan's WSL memory cap); the host's RAM when unknown. */
  readonly maxBytes: number;
  /** The goal fits under the memory WSL has now. */
  readonly fitsNow: boolean;
  /** The goal fits on this PC at all: under the most that can be left beside Windows, and in the free VRAM. */
  readonly fitsAtMax: boolean;
}

/**
 * Judge WSL's memory ceiling (`currentBytes`, from `vmResources`) against a plan sized on this host. A goal that
 * needs more than WSL has now does not fit now, even when a bigger `memory=` would make it fit.
 */
export function goalCeiling(plan: FitPlan, currentBytes: number, hostMemoryBytes: number): GoalCeiling {
  const neededBytes = plan.ramNeeded.value;
  return {
    neededBytes,
    currentBytes,
    maxBytes: plan.wslMemoryCap?.value ?? hostMemoryBytes,
    fitsNow: plan.vramFits && neededBytes <= currentBytes,
    fitsAtMax: plan.fits,
  };
}

/** Context lengths are tried in steps of this many tokens (llama.cpp pads the KV cache to 256 cells). */
const CONTEXT_STEP = 256;

/**
 * The longest context, at most `upTo` tokens and in steps of 256, at which the model fits on this machine (beside
 * Windows and in the free VRAM), or undefined when it does not fit even at 256 tokens. What fits when the goal does
 * not: a shorter context of the same model.
 */
export function largestFittingContext(input: Omit<FitInput, 'ctx'>, upTo: number): number | undefined {
  const fits = (ctx: number): boolean => planFit({ ...input, ctx }).fits;
  let low = CONTEXT_STEP;
  if (!fits(low)) return undefined;
  let high = Math.max(low, Math.floor(upTo / CONTEXT_STEP) * CONTEXT_STEP);
  if (fits(high)) return high;
  // fits(low) and not fits(high): narrow down to the last step that fits.
  while (high - low > CONTEXT_STEP) {
    const middle = Math.floor((low + high) / 2 / CONTEXT_STEP) * CONTEXT_STEP;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}
