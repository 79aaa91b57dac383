import type { FitPlan } from '../sizing/fit';

const GIB = 2 ** 30;

/** A smaller goal the wizard may offer: its label (`Q3_K_M at 8192 tokens`) and its plan on this PC. */
export interface GoalCandidate {
  readonly label: string;
  readonly plan: FitPlan;
}

/**
 * The candidates that fit where the goal did not: their RAM inside WSL within `wslMemoryGiB` and their VRAM within
 * what is free, in the order given (the nearest to the goal first), at most `limit`. Each line names the llama.cpp
 * flags, so a partial offload says its `-ngl`.
 */
export function fittingAlternatives(
  candidates: readonly GoalCandidate[],
  wslMemoryGiB: number,
  limit = 2,
): string[] {
  return candidates
    .filter(({ plan }) => plan.vramFits && Math.ceil(plan.ramNeeded.value / GIB - 1e-9) <= wslMemoryGiB)
    .slice(0, limit)
    .map(
      ({ label, plan }) =>
        `What fits: ${label}, ${plan.layersOnGpu.value} of ${plan.model.layers} layers on the GPU ` +
        `(llama.cpp ${plan.llamaCpp.value}; ${Math.ceil(plan.ramNeeded.value / GIB - 1e-9)} GB in WSL).`,
    );
}
