/**
 * The doctor: pure rules that turn a capture's facts into findings (what is wrong, the evidence, the fix, the
 * source), and the health light and exit code that sum them up.
 */
import type { Rule } from './rule';
import { GPU_RULES, SETUP_RULES } from './rules';

export { diagnose, type DoctorReport, type Health } from './diagnose';
export {
  CATEGORY_EXIT_CODES,
  type Evidence,
  type Finding,
  type FindingCategory,
  type FindingFix,
  type FindingSeverity,
} from './finding';
export type { DoctorInput, MisplacedFile, Rule, TargetNeed } from './rule';
export { GPU_RULES, SETUP_RULES } from './rules';
export { shapeNeed, targetNeed, type TargetModel } from './target';

/** Every rule `headroom doctor` runs. */
export const STANDARD_RULES: readonly Rule[] = [...SETUP_RULES, ...GPU_RULES];
