import { basename } from 'node:path';
import type {
  DiscoveredModel,
  LoginItem,
  SetupCheckResult,
  SetupGoal,
  SetupModels,
  SetupPlan,
  SetupPreview,
  SetupState,
  SkippedModelPlace,
} from '@headroom/contract';
import { setupStateSchema } from '@headroom/contract';
import {
  checkWslConfig,
  decodeConfigBytes,
  diagnose,
  diffLines,
  findPreset,
  fittingAlternatives,
  formatSize,
  goalCeiling,
  isKvCacheType,
  largestFittingContext,
  KV_CACHE_TYPES,
  MODEL_PRESETS,
  planFit,
  proposeWslConfig,
  readCaptureFacts,
  setupGates,
  setupGpus,
  setWslConfigValues,
  shapeFromGguf,
  shapeFromPreset,
  STANDARD_RULES,
  vmResources,
  WslConfigEditError,
  wslMemTotalBytes,
  type Finding,
  type FitPlan,
  type GoalCandidate,
  type ModelShape,
  type ShapeResult,
  type WslSettingValue,
} from '@headroom/core';
import { openJsonDocument, readGgufFile, type GgufRead, type JsonDocument } from '@headroom/host';
import { fixedBytes, isWslconfigFix } from '../doctor/doctor-handlers';
import { toSetupFinding } from '../finding-view';
import { ServiceError } from '../service-error';
import type { GoalTarget } from './goal-target';
import type { VerifierDeps } from '../verify/verify-handlers';

/** Turning "start at sign-in" on and off: Electron's login item in the app, a stand-in in the demo. */
export interface LoginItemPort {
  get(): Promise<boolean>;
  set(enabled: boolean): Promise<void>;
}

/** A model found on this PC, with the shape sizing uses (or why there is none). */
export interface FoundModel {
  readonly model: DiscoveredModel;
  readonly shape: ShapeResult;
}

/** What a look for models found: the models (largest first, at most one preselected) and the places not looked in. */
export interface ModelSearch {
  readonly models: readonly FoundModel[];
  readonly skipped: readonly SkippedModelPlace[];
}

/**
 * Finding the models on this PC: Ollama's API and the GGUF files in the model folders. `vramTotalMiB` (the first
 * GPU's, from the last check) sets the context Ollama would default to.
 */
export type ModelFinder = (context: { readonly vramTotalMiB: number | undefined }) => Promise<ModelSearch>;

/** What the wizard's channels need: the verifier's machine, where the wizard's place is kept, and sign-in. */
export interface SetupDeps {
  readonly verifier: VerifierDeps;
  /** The JSON file that keeps the wizard's place across restarts. */
  readonly stateFile: string;
  /** Where .wslconfig lives, shown above the diff. */
  readonly wslconfigPath: string;
  readonly loginItem?: LoginItemPort;
  /** Default: read the header of a GGUF file on this PC. */
  readonly readGguf?: (path: string) => Promise<GgufRead>;
  /** Default: none found (a machine with nothing to ask). */
  readonly findModels?: ModelFinder;
  /** The saved goal as the doctor's target: the check judges WSL's memory against it, a sizing is kept for it. */
  readonly goalTarget?: GoalTarget;
  /** Told when a saved state names another goal (the health light judges the goal). */
  readonly onGoalSaved?: () => void;
  readonly clock?: () => Date;
}

/** The wizard's channels' handlers. */
export interface SetupHandlers {
  check(): Promise<SetupCheckResult>;
  fix(findingId: string): Promise<{ message: string }>;
  models(): Promise<SetupModels>;
  plan(goal: SetupGoal): Promise<SetupPlan>;
  preview(edits: readonly { key: string; value: string }[]): Promise<SetupPreview>;
  state(): Promise<SetupState>;
  saveState(state: SetupState): Promise<{ saved: boolean }>;
  loginItem(): Promise<LoginItem>;
  setLoginItem(enabled: boolean): Promise<LoginItem>;
}

const GIB = 2 ** 30;
const FIRST_START: SetupState = { step: 1, completed: false };
const SIZING_KEYS = ['memory', 'processors', 'swap'] as const;

function settingText(
  key: (typeof SIZING_KEYS)[number],
  value: WslSettingValue | undefined,
): string | undefined {
  if (typeof value !== 'number') return undefined;
  return key === 'processors' ? String(value) : formatSize(BigInt(value));
}

/** The sizing lines the goal step shows, each with its number and the sentence that computes it. */
function sizingLines(plan: FitPlan): SetupPlan['sizing'] {
  const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;
  return [
    { label: 'Weights', value: gib(plan.weights.value), why: plan.weights.explanation },
    { label: 'KV cache', value: gib(plan.kvCache.value), why: plan.kvCache.explanation },
    {
      label: 'VRAM for every layer',
      value: gib(plan.vramForAllLayers.value),
      why: plan.vramForAllLayers.explanation,
    },
    {
      label: 'Layers on the GPU',
      value: `${plan.layersOnGpu.value} of ${plan.model.layers}`,
      why: plan.layersOnGpu.explanation,
    },
    { label: 'RAM WSL needs', value: gib(plan.ramNeeded.value), why: plan.ramNeeded.explanation },
    ...(plan.windowsKeeps
      ? [{ label: 'Windows keeps', value: gib(plan.windowsKeeps.value), why: plan.windowsKeeps.explanation }]
      : []),
  ];
}

/**
 * Smaller goals to offer when the goal does not fit, nearest first: a preset's smaller quantizations at the same
 * context, then the goal's model at half, a quarter … of the context down to 2048 tokens.
 */
function smallerGoals(
  goal: SetupGoal,
  shape: ModelShape,
  planOf: (model: ModelShape, ctx: number) => FitPlan,
): GoalCandidate[] {
  const candidates: GoalCandidate[] = [];
  const preset = goal.model.kind === 'preset' ? findPreset(goal.model.id) : undefined;
  if (preset && goal.model.kind === 'preset') {
    const quant = goal.model.quant.toUpperCase();
    const size = preset.files[quant]?.gb ?? Number.POSITIVE_INFINITY;
    const smaller = Object.entries(preset.files)
      .filter(([, file]) => file.gb !== undefined && file.gb < size)
      .sort(([, a], [, b]) => (b.gb ?? 0) - (a.gb ?? 0));
    for (const [name] of smaller) {
      const smallerShape = shapeFromPreset(preset, name);
      if (smallerShape.ok)
        candidates.push({
          label: `${name} at ${goal.ctx} tokens`,
          plan: planOf(smallerShape.shape, goal.ctx),
        });
    }
  }
  for (let ctx = Math.floor(goal.ctx / 2); ctx >= 2048; ctx = Math.floor(ctx / 2)) {
    candidates.push({ label: `${ctx} tokens of context`, plan: planOf(shape, ctx) });
  }
  return candidates;
}

/** The id of the model a goal names when it is one found on this PC. */
function discoveredId(goal: SetupGoal): string | undefined {
  return goal.model.kind === 'discovered' ? goal.model.id : undefined;
}

function acceptState(value: unknown): SetupState | undefined {
  const result = setupStateSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Build the wizard's handlers over the verifier's machine (the same wsl.exe, .wslconfig store and host). */
export function createSetupHandlers(deps: SetupDeps): SetupHandlers {
  const { verifier } = deps;
  const clock = deps.clock ?? (() => new Date());
  const readHeader = deps.readGguf ?? readGgufFile;
  const stateDocument: JsonDocument<SetupState> = openJsonDocument(deps.stateFile, acceptState);
  /** The findings of the last check, by id: what `fix` runs. */
  let lastFindings = new Map<string, Finding>();
  /** The last check's result: the machine sizing uses, when the window has not saved it yet. */
  let lastCheck: SetupCheckResult | undefined;
  const findModels: ModelFinder = deps.findModels ?? (() => Promise.resolve({ models: [], skipped: [] }));
  /** The models of the last look, by id: what a `discovered` goal names. */
  let lastModels: ReadonlyMap<string, FoundModel> | undefined;

  async function searchModels(): Promise<ModelSearch> {
    const gpu = (lastCheck ?? (await stateDocument.read())?.check)?.machine.gpus[0];
    const search = await findModels({ vramTotalMiB: gpu?.vramTotalMiB });
    lastModels = new Map(search.models.map((found) => [found.model.id, found]));
    return search;
  }

  async function readShape(goal: SetupGoal): Promise<ShapeResult> {
    if (goal.model.kind === 'discovered') {
      const { id } = goal.model;
      const found =
        lastModels?.get(id) ?? (await searchModels()).models.find((entry) => entry.model.id === id);
      if (!found) {
        throw new ServiceError(
          'invalid-request',
          `The model "${id}" is no longer on this PC; pick it again.`,
        );
      }
      return found.shape;
    }
    if (goal.model.kind === 'preset') {
      const preset = findPreset(goal.model.id);
      if (!preset)
        throw new ServiceError('invalid-request', `Headroom has no model preset "${goal.model.id}".`);
      return shapeFromPreset(preset, goal.model.quant.toUpperCase());
    }
    const path = goal.model.path;
    let read: GgufRead;
    try {
      read = await readHeader(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'there is no such file'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : code === 'EACCES' || code === 'EPERM'
              ? 'Headroom may not read it'
              : (error as Error).message;
      throw new ServiceError('invalid-request', `Could not read ${path}: ${why}.`);
    }
    if (!read.info)
      throw new ServiceError(
        'invalid-request',
        `${path} is not a GGUF model Headroom can read: ${read.problem ?? 'unknown problem'}.`,
      );
    return shapeFromGguf(read.info, read.size, basename(path));
  }

  return {
    async check() {
      const capture = await verifier.collectBooted();
      const facts = readCaptureFacts(capture);
      const target = await deps.goalTarget?.need(facts);
      const report = diagnose({ facts, ...(target ? { target } : {}) }, STANDARD_RULES);
      const gates = setupGates(facts, report);
      lastFindings = new Map(report.findings.map((finding) => [finding.id, finding]));
      const settings = facts.wslconfig?.settings ?? {};
      const current: SetupCheckResult['current'] = {};
      for (const key of SIZING_KEYS) {
        const text = settingText(key, settings[`wsl2.${key}`]);
        if (text !== undefined) current[key] = text;
      }
      const distros = facts.wsl.distros?.ok === true ? facts.wsl.distros.value : [];
      const distro = distros.find((candidate) => candidate.isDefault) ?? distros[0];
      const memTotal = wslMemTotalBytes(facts);
      lastCheck = {
        checks: gates.gates.map((gate) => ({
          id: gate.id,
          title: gate.title,
          status: gate.status,
          summary: gate.summary,
          findings: gate.findings.map(toSetupFinding),
        })),
        otherFindings: gates.others.map(toSetupFinding),
        machine: {
          memoryBytes: verifier.host.totalMemoryBytes,
          logicalProcessors: verifier.host.logicalProcessors,
          gpus: setupGpus(facts),
        },
        current,
        ...(distro ? { distro: distro.name } : {}),
        ...(memTotal === undefined ? {} : { wslMemTotalBytes: memTotal }),
        ready: gates.ready,
        gpuOnly: gates.gpuOnly,
        checkedAt: clock().toISOString(),
      };
      return lastCheck;
    },

    async fix(findingId) {
      const finding = lastFindings.get(findingId);
      if (!finding) {
        throw new ServiceError('invalid-request', 'Run the checks again first: that finding is not current.');
      }
      const { fix } = finding;
      if (!isWslconfigFix(fix)) {
        throw new ServiceError(
          'unavailable',
          `Headroom cannot do "${fix.label}" itself; follow the steps shown.`,
        );
      }
      const snapshot = await verifier.store.read();
      const bytes = fixedBytes(snapshot.bytes, fix);
      await verifier.store.write(bytes, { expectedHash: snapshot.hash, reason: `setup: ${fix.label}` });
      lastFindings.delete(findingId);
      return {
        message: `Done: ${fix.label}. A backup of the old .wslconfig was kept. It applies at WSL's next start.`,
      };
    },

    async models() {
      const search = await searchModels();
      return {
        discovered: search.models.map((found) => found.model),
        skipped: [...search.skipped],
        presets: MODEL_PRESETS.map((preset) => ({
          id: preset.id,
          name: preset.name,
          quants: Object.entries(preset.files)
            .filter(([, file]) => file.gb !== undefined)
            .map(([quant]) => quant),
          maxContext: preset.maxContext,
        })),
        kvTypes: Object.keys(KV_CACHE_TYPES),
      };
    },

    async plan(goal) {
      if (!isKvCacheType(goal.kvType)) {
        throw new ServiceError('invalid-request', `"${goal.kvType}" is not a KV cache type Headroom knows.`);
      }
      const shape = await readShape(goal);
      if (!shape.ok) throw new ServiceError('invalid-request', shape.reason);
      await deps.goalTarget?.remember(goal.model, shape.shape);
      const saved = lastCheck ?? (await stateDocument.read())?.check;
      const gpu = saved?.machine.gpus[0];
      const { host } = verifier;
      const { kvType } = goal;
      const machine = {
        vramFreeGiB: gpu ? gpu.vramFreeMiB / 1024 : undefined,
        hostRamGiB: host.totalMemoryBytes / GIB,
        hostLogicalProcessors: host.logicalProcessors,
      };
      const planOf = (model: ModelShape, ctx: number): FitPlan => planFit({ model, ctx, kvType, ...machine });
      const plan = planOf(shape.shape, goal.ctx);
      const snapshot = await verifier.store.read();
      const fileCheck = checkWslConfig(snapshot.bytes, host);
      const proposal = proposeWslConfig(plan, fileCheck, host);
      const alternatives = proposal.goalFits
        ? []
        : fittingAlternatives(smallerGoals(goal, shape.shape, planOf), proposal.values.memoryGB);
      const verdict = goalCeiling(
        plan,
        vmResources(fileCheck.settings, host).memoryBytes,
        host.totalMemoryBytes,
      );
      let ceiling: SetupPlan['ceiling'] = verdict;
      if (!verdict.fitsAtMax) {
        // What does fit instead: a shorter context of the same model, and the other models found here.
        const largestContext = largestFittingContext({ model: shape.shape, kvType, ...machine }, goal.ctx);
        const fittingModels = [...(lastModels?.values() ?? [])].flatMap((found) => {
          const ctx = found.model.defaultContext?.tokens;
          if (!found.shape.ok || ctx === undefined || found.model.id === discoveredId(goal)) return [];
          const fits = planFit({ model: found.shape.shape, ctx, kvType: 'f16', ...machine }).fits;
          return fits ? [{ id: found.model.id, name: found.model.name, ctx }] : [];
        });
        ceiling = {
          ...verdict,
          ...(largestContext === undefined ? {} : { largestContext }),
          fittingModels,
        };
      }
      return {
        model: plan.model.name,
        fits: plan.vramFits && proposal.goalFits,
        sizing: sizingLines(plan),
        warnings: [...proposal.notes, ...alternatives, ...plan.warnings],
        changes: proposal.changes.map((change) => ({
          key: change.key,
          value: change.value,
          ...(change.current === undefined ? {} : { current: change.current }),
          why: change.why,
          needed: change.needed,
        })),
        bounds: proposal.bounds,
        values: proposal.values,
        ceiling,
      };
    },

    async preview(edits) {
      const snapshot = await verifier.store.read();
      let bytes: Uint8Array;
      try {
        bytes = setWslConfigValues(
          snapshot.bytes,
          edits.map(({ key, value }) => ({ key: `wsl2.${key}`, value })),
        );
      } catch (error) {
        if (error instanceof WslConfigEditError) throw new ServiceError('invalid-request', error.message);
        throw error;
      }
      const check = checkWslConfig(bytes, verifier.host);
      return {
        diff: diffLines(decodeConfigBytes(snapshot.bytes).text, decodeConfigBytes(bytes).text).map(
          (line) => ({
            kind: line.kind,
            text: line.text,
            ...(line.oldLine === undefined ? {} : { oldLine: line.oldLine }),
            ...(line.newLine === undefined ? {} : { newLine: line.newLine }),
          }),
        ),
        problems: check.problems.map((problem) => ({
          line: problem.line,
          severity: problem.severity,
          message: problem.message,
          ignoredByWsl: problem.ignoredByWsl,
        })),
        vm: vmResources(check.settings, verifier.host),
        path: deps.wslconfigPath,
      };
    },

    async state() {
      return (await stateDocument.read()) ?? FIRST_START;
    },

    async saveState(state) {
      const before = (await stateDocument.read())?.goal;
      await stateDocument.write(state);
      if (JSON.stringify(before) !== JSON.stringify(state.goal)) deps.onGoalSaved?.();
      return { saved: true };
    },

    async loginItem() {
      return deps.loginItem
        ? { supported: true, enabled: await deps.loginItem.get() }
        : { supported: false, enabled: false };
    },

    async setLoginItem(enabled) {
      if (!deps.loginItem) {
        throw new ServiceError(
          'unavailable',
          'Starting at sign-in is set by the installed app, not this window.',
        );
      }
      await deps.loginItem.set(enabled);
      return { supported: true, enabled: await deps.loginItem.get() };
    },
  };
}
