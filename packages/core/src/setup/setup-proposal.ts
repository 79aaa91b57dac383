import type { FitPlan } from '../sizing/fit';
import { FIT_RULES } from '../sizing/fit';
import type { WslConfigCheck, WslSettingValue } from '../wslconfig/check';
import type { WslConfigProblem } from '../wslconfig/problem';
import { formatSize } from '../wslconfig/suggest';
import { vmResources } from '../wslconfig/vm-resources';

/** The `[wsl2]` keys the wizard sizes. */
export type SizingKey = 'memory' | 'processors' | 'swap';

/** One proposed change: the value to write, what the file says now, and one line of why. */
export interface ProposedChange {
  readonly key: SizingKey;
  readonly value: string;
  /** The value WSL reads from the file now; undefined when it uses its default (or ignores the line). */
  readonly current: string | undefined;
  readonly why: string;
  /**
   * The goal needs it: memory the VM lacks (or takes from Windows), or a line WSL ignores. A swap change that only
   * follows the new memory is proposed but not needed, so the wizard shows it unticked.
   */
  readonly needed: boolean;
}

/** A slider's range. */
export interface SliderBounds {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The proposal: the changes, the sliders' bounds from the host, and where each slider starts. */
export interface SetupProposal {
  readonly changes: readonly ProposedChange[];
  readonly bounds: {
    readonly memory: SliderBounds;
    readonly processors: SliderBounds;
    readonly swap: SliderBounds;
  };
  readonly values: { readonly memoryGB: number; readonly processors: number; readonly swapGB: number };
  /** Whether the goal's RAM fits in the memory proposed (it may not, beside Windows' reserve on a small PC). */
  readonly goalFits: boolean;
  /** What the user must know besides the changes: why the goal cannot fit, and the rules of thumb behind it. */
  readonly notes: readonly string[];
}

/** The host the sliders are bounded by. */
export interface ProposalHost {
  readonly totalMemoryBytes: number;
  readonly logicalProcessors: number;
}

const GIB = 2 ** 30;
const KEYS: Readonly<Record<SizingKey, string>> = {
  memory: 'wsl2.memory',
  processors: 'wsl2.processors',
  swap: 'wsl2.swap',
};

function currentText(key: SizingKey, value: WslSettingValue | undefined): string | undefined {
  if (typeof value !== 'number') return undefined;
  return key === 'processors' ? String(value) : formatSize(BigInt(value));
}

/** The text after `: ` in a fit explanation (`memory=24GB: why`), which already names the value. */
function reason(explanation: string): string {
  const at = explanation.indexOf(': ');
  return at < 0 ? explanation : explanation.slice(at + 2);
}

/** The value a fix of an ignored line would write (`memory=16gb` → `16GB`), when the fix says. */
function fixedValue(problem: WslConfigProblem): string | undefined {
  for (const edit of problem.fix?.edits ?? []) {
    if (edit.kind === 'set') return edit.value;
    if (edit.kind === 'replace-line') {
      const at = edit.text.indexOf('=');
      if (at >= 0) return edit.text.slice(at + 1).trim();
    }
  }
  return undefined;
}

function gibOf(text: string): number {
  const match = /^(\d+)\s*GB$/i.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Propose the `[wsl2]` changes a goal asks for, only where the file falls short: memory when the VM WSL would create
 * has less than the plan needs or more than Windows can spare (never below WSL's own default of half the RAM, never
 * below what the goal needs when lowering, and on a PC too small for Windows' reserve no more than that default; a
 * goal that does not fit is said in `notes`); any key whose line WSL ignores (written back so WSL reads it, keeping what the user meant when the engine can tell); swap at 25 % of the
 * memory chosen, at most 8 GB, when WSL's own default would differ. Every change says
 * why in one line. The sliders are bounded by the host: memory 1 GB up to its RAM, processors 1 up to its count,
 * swap 0 up to half its RAM.
 */
export function proposeWslConfig(plan: FitPlan, config: WslConfigCheck, host: ProposalHost): SetupProposal {
  const vm = vmResources(config.settings, host);
  const ignored = (key: SizingKey): WslConfigProblem | undefined =>
    config.problems.find((problem) => problem.ignoredByWsl && problem.key === KEYS[key]);
  const changes: ProposedChange[] = [];
  const current = (key: SizingKey): string | undefined => currentText(key, config.settings[KEYS[key]]);

  const capGiB = plan.wslMemoryCap ? Math.floor(plan.wslMemoryCap.value / GIB) : undefined;
  const vmGiB = vm.memoryBytes / GIB;
  // WSL's own default (half the RAM): the proposal never goes below it, and on a PC too small for Windows' reserve
  // and Headroom's floor it is the most proposed.
  const defaultGiB = Math.floor(host.totalMemoryBytes / 2 / GIB);
  const upperGiB = capGiB === undefined ? Number.POSITIVE_INFINITY : Math.max(capGiB, defaultGiB);
  const goalGiB = Math.ceil(plan.ramNeeded.value / GIB - 1e-9);
  const planMemoryGiB = Math.min(gibOf(plan.wslconfig.memory.value), upperGiB);
  const raisedGiB = Math.max(planMemoryGiB, defaultGiB);
  const memoryLine = ignored('memory');
  const meant = memoryLine ? fixedValue(memoryLine) : undefined;
  const meantGiB = meant === undefined ? Number.NaN : gibOf(meant);
  if (memoryLine) {
    const keepMeant = meantGiB >= planMemoryGiB && (capGiB === undefined || meantGiB <= capGiB);
    changes.push({
      key: 'memory',
      value: keepMeant && meant !== undefined ? meant.toUpperCase() : plan.wslconfig.memory.value,
      current: undefined,
      needed: true,
      why: `WSL ignores line ${memoryLine.line} and falls back to half the RAM; ${
        keepMeant
          ? 'this writes the value you meant so WSL reads it'
          : reason(plan.wslconfig.memory.explanation)
      }.`,
    });
  } else if (vmGiB < planMemoryGiB) {
    changes.push({
      key: 'memory',
      value: `${raisedGiB}GB`,
      current: current('memory'),
      needed: true,
      why:
        `The VM would get ${vmGiB.toFixed(0)} GiB; the model needs ${planMemoryGiB} GiB (${reason(plan.wslconfig.memory.explanation)})` +
        (raisedGiB > planMemoryGiB ? `; WSL's own default, half the RAM, is ${raisedGiB} GiB.` : '.'),
    });
  } else if (vmGiB > upperGiB && Math.max(upperGiB, goalGiB) < vmGiB) {
    const loweredGiB = Math.max(upperGiB, goalGiB);
    changes.push({
      key: 'memory',
      value: `${loweredGiB}GB`,
      current: current('memory'),
      needed: true,
      why: `The VM may take ${vmGiB.toFixed(0)} GiB and leave Windows too little; ${loweredGiB} GiB leaves it ${
        Math.round(host.totalMemoryBytes / GIB) - loweredGiB
      } GiB (Headroom's rule of thumb: Windows keeps max(8 GiB, 25 % of the RAM)).`,
    });
  }
  const memoryChange = changes.find((change) => change.key === 'memory');
  const swapLine = ignored('swap');
  const chosenMemoryGiB = memoryChange ? gibOf(memoryChange.value) : Math.round(vmGiB);
  const swapGiB = Math.min(FIT_RULES.maxSwapGiB, Math.ceil(chosenMemoryGiB * FIT_RULES.swapShare));
  const swapSetting = config.settings[KEYS.swap];
  const swapAfterGiB = typeof swapSetting === 'number' ? swapSetting / GIB : Math.ceil(chosenMemoryGiB / 4);
  if (swapLine || (memoryChange && swapAfterGiB !== swapGiB)) {
    const swapWhy = reason(plan.wslconfig.swap.explanation);
    changes.push({
      key: 'swap',
      value: `${swapGiB}GB`,
      current: current('swap'),
      needed: swapLine !== undefined,
      why: swapLine ? `WSL ignores line ${swapLine.line}; ${swapWhy}.` : `${swapWhy}.`,
    });
  }
  const processorsLine = ignored('processors');
  if (processorsLine && plan.wslconfig.processors.value !== undefined) {
    changes.push({
      key: 'processors',
      value: plan.wslconfig.processors.value,
      current: undefined,
      needed: true,
      why: `WSL ignores line ${processorsLine.line}; ${reason(plan.wslconfig.processors.explanation)}.`,
    });
  }

  const hostGiB = Math.max(1, Math.floor(host.totalMemoryBytes / GIB));
  const valueOf = (key: SizingKey, fallback: number): number => {
    const change = changes.find((candidate) => candidate.key === key);
    const proposed =
      change === undefined ? Number.NaN : key === 'processors' ? Number(change.value) : gibOf(change.value);
    return Number.isFinite(proposed) ? proposed : fallback;
  };
  const memoryGB = Math.min(hostGiB, valueOf('memory', Math.round(vmGiB)));
  const goalFits = goalGiB <= memoryGB;
  const notes: string[] = [];
  if (!goalFits) {
    notes.push(
      `The goal needs ${goalGiB} GiB inside WSL, more than fits beside Windows: WSL gets ${memoryGB} GiB of the ` +
        `${hostGiB} GiB (Headroom's rule of thumb keeps max(8 GiB, 25 % of the RAM) for Windows, and Headroom never ` +
        "proposes less than WSL's own default of half the RAM). Pick a smaller quantization or a shorter context, " +
        'or put more layers on the GPU.',
    );
  }
  return {
    goalFits,
    notes,
    changes,
    bounds: {
      memory: { min: 1, max: hostGiB, step: 1 },
      processors: { min: 1, max: Math.max(1, host.logicalProcessors), step: 1 },
      swap: { min: 0, max: Math.max(FIT_RULES.maxSwapGiB, Math.floor(hostGiB / 2)), step: 1 },
    },
    values: {
      memoryGB,
      processors: valueOf('processors', vm.processors),
      swapGB: valueOf(
        'swap',
        typeof swapSetting === 'number' ? Math.round(swapSetting / GIB) : Math.ceil(chosenMemoryGiB / 4),
      ),
    },
  };
}
