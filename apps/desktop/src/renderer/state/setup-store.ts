import type {
  ErrorPayload,
  HeadroomBridge,
  LoginItem,
  SetupCheckResult,
  SetupGoal,
  SetupModels,
  SetupPlan,
  SetupPreview,
  SetupState,
} from '@headroom/contract';
import { VERIFY_EDIT_KEYS } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** A `[wsl2]` key the wizard sizes. */
export type SizingKey = (typeof VERIFY_EDIT_KEYS)[number];

/** One row of the proposal: the slider's value in its unit (GB or a count) and whether the change is ticked. */
export interface EditRow {
  readonly amount: number;
  readonly ticked: boolean;
}

/**
 * The wizard's steps, in order. The goal step holds the proposal too, so applying is one decision: the path on a
 * machine that passes its checks is "Next", "Apply and verify" (and "Shut down" when distributions run).
 */
export const SETUP_STEPS = ['Check', 'Goal', 'Apply and verify', 'Done'] as const;

/** The step numbers, by name, so views and the store never count by hand. */
export const STEP = { check: 1, goal: 2, apply: 3, done: 4 } as const;

/** The preset the goal starts at when no model was found on this PC. */
const FALLBACK_GOAL: SetupGoal = {
  model: { kind: 'preset', id: 'llama-3.1-8b', quant: 'Q4_K_M' },
  ctx: 8192,
  kvType: 'f16',
};

/**
 * The goal the wizard starts at: the model found on this PC that is most likely in use (the preselected one, else
 * the largest readable), at the context its runtime gives it by default; a preset when none was found.
 */
export function defaultGoal(models: SetupModels | undefined): SetupGoal {
  const readable = (models?.discovered ?? []).filter((model) => model.unreadable === undefined);
  const model = readable.find((candidate) => candidate.preselected) ?? readable[0];
  if (!model) return FALLBACK_GOAL;
  return {
    model: { kind: 'discovered', id: model.id },
    ctx: model.defaultContext?.tokens ?? FALLBACK_GOAL.ctx,
    kvType: 'f16',
  };
}

/** Whether the goal, sized after the verification against the file WSL now runs with, holds without changes. */
export type GoalNow =
  | { readonly state: 'fits'; readonly plan: SetupPlan }
  | { readonly state: 'short'; readonly plan: SetupPlan }
  | { readonly state: 'too-big'; readonly plan: SetupPlan; readonly fitting: readonly string[] };

/** What the wizard shows and does; its place and choices are saved in the service after every move. */
export interface SetupStoreState {
  /** The saved place has been read (until then the window does not know whether this is a first start). */
  readonly loaded: boolean;
  readonly step: number;
  readonly completed: boolean;
  readonly check: SetupCheckResult | undefined;
  readonly checking: boolean;
  readonly models: SetupModels | undefined;
  readonly goal: SetupGoal | undefined;
  readonly plan: SetupPlan | undefined;
  readonly planning: boolean;
  readonly edits: Readonly<Record<SizingKey, EditRow>> | undefined;
  readonly preview: SetupPreview | undefined;
  /** The goal judged against the file as it is after the verification; undefined until judged. */
  readonly goalNow: GoalNow | undefined;
  readonly loginItem: LoginItem | undefined;
  readonly error: ErrorPayload | undefined;
  /** What just happened, for the live region. */
  readonly notice: string | undefined;
  readonly load: () => Promise<void>;
  readonly runCheck: () => Promise<void>;
  readonly fix: (findingId: string) => Promise<void>;
  readonly goTo: (step: number) => void;
  readonly sizeGoal: (goal: SetupGoal) => Promise<void>;
  /** Forget the sizing shown: the goal is being changed and its new sizing is not in yet. */
  readonly dropPlan: () => void;
  /** Size the goal again against the file WSL now runs with: does it fit now, and if not, what does. */
  readonly judgeGoal: () => Promise<void>;
  readonly setEdit: (key: SizingKey, row: Partial<EditRow>) => void;
  readonly finish: () => void;
  /** Reopened from the overview or the tray: a finished setup starts over at step 1, an unfinished one resumes. */
  readonly reopen: () => void;
  readonly setLoginItem: (enabled: boolean) => Promise<void>;
}

/** The `.wslconfig` value of a slider's amount: memory and swap in GB, processors as a count. */
export function editValue(key: SizingKey, amount: number): string {
  return key === 'processors' ? String(amount) : `${amount}GB`;
}

/** The ticked rows as the edits `verify.run` and `setup.preview` take. */
export function tickedEdits(
  edits: Readonly<Record<SizingKey, EditRow>> | undefined,
): { key: SizingKey; value: string }[] {
  if (!edits) return [];
  return VERIFY_EDIT_KEYS.filter((key) => edits[key].ticked).map((key) => ({
    key,
    value: editValue(key, edits[key].amount),
  }));
}

function rowsFromPlan(plan: SetupPlan): Record<SizingKey, EditRow> {
  // Only what the goal needs starts ticked; a change that merely follows (swap after memory) waits for the user.
  const proposed = new Set(plan.changes.filter((change) => change.needed).map((change) => change.key));
  return {
    memory: { amount: plan.values.memoryGB, ticked: proposed.has('memory') },
    processors: { amount: plan.values.processors, ticked: proposed.has('processors') },
    swap: { amount: plan.values.swapGB, ticked: proposed.has('swap') },
  };
}

/**
 * Smaller goals to try when the chosen one cannot fit beside Windows, most like it first: the same model with a
 * q8_0 KV cache, then at half and a quarter of the context, then the other models found on this PC.
 */
function alternatives(goal: SetupGoal, models: SetupModels | undefined): { goal: SetupGoal; how: string }[] {
  const words = (ctx: number): string => `at ${ctx.toLocaleString('en')} tokens`;
  const tried: { goal: SetupGoal; how: string }[] = [];
  if (goal.kvType === 'f16') {
    tried.push({ goal: { ...goal, kvType: 'q8_0' }, how: `${words(goal.ctx)} with a q8_0 KV cache` });
  }
  for (const ctx of [Math.floor(goal.ctx / 2), Math.floor(goal.ctx / 4)]) {
    if (ctx >= 2048) tried.push({ goal: { ...goal, ctx }, how: words(ctx) });
  }
  const chosen = goal.model.kind === 'discovered' ? goal.model.id : undefined;
  for (const model of models?.discovered ?? []) {
    if (model.id === chosen || model.unreadable !== undefined) continue;
    const ctx = model.defaultContext?.tokens ?? goal.ctx;
    tried.push({
      goal: { model: { kind: 'discovered', id: model.id }, ctx, kvType: goal.kvType },
      how: words(ctx),
    });
  }
  return tried;
}

function rowsFromSaved(saved: SetupState['edits']): Record<SizingKey, EditRow> | undefined {
  if (!saved) return undefined;
  const row = (key: SizingKey): EditRow => {
    const entry = saved.find((edit) => edit.key === key);
    return { amount: entry ? Number.parseInt(entry.value, 10) || 0 : 0, ticked: entry?.ticked ?? false };
  };
  return { memory: row('memory'), processors: row('processors'), swap: row('swap') };
}

/**
 * The wizard's store over a bridge. Every move (step, goal, ticks and sliders) is saved with `setup.saveState`, so
 * the wizard resumes where it was after a restart; previews of the file follow each edit, latest answer wins.
 */
export function createSetupStore(bridge: HeadroomBridge): StoreApi<SetupStoreState> {
  let previewSeq = 0;

  const store = createRequestStore<SetupStoreState>((set, get, request) => {
    const save = (): void => {
      const { step, completed, check, goal, edits } = get();
      const state: SetupState = {
        step,
        completed,
        ...(check ? { check } : {}),
        ...(goal ? { goal } : {}),
        ...(edits
          ? {
              edits: VERIFY_EDIT_KEYS.map((key) => ({
                key,
                value: editValue(key, edits[key].amount),
                ticked: edits[key].ticked,
              })),
            }
          : {}),
      };
      void request(async () => (await bridge.invoke('setup.saveState', state), undefined));
    };

    const refreshPreview = (): Promise<void> => {
      const seq = ++previewSeq;
      return request(
        async () => ({ preview: await bridge.invoke('setup.preview', { edits: tickedEdits(get().edits) }) }),
        { current: () => seq === previewSeq },
      );
    };

    const plan = (goal: SetupGoal, keepEdits: boolean): Promise<void> =>
      request(
        async () => {
          const result = await bridge.invoke('setup.plan', goal);
          set({ plan: result, ...(keepEdits && get().edits ? {} : { edits: rowsFromPlan(result) }) });
          save();
          await refreshPreview();
          // The preview's answer (or error) is already set.
          return undefined;
        },
        {
          busy: 'planning',
          overlap: true,
          // Until the new goal is sized, nothing of the old one's plan may be shown or applied.
          before: { error: undefined, goal, plan: undefined, preview: undefined },
          failed: { edits: undefined },
        },
      );

    return {
      loaded: false,
      step: 1,
      completed: false,
      check: undefined,
      checking: false,
      models: undefined,
      goal: undefined,
      plan: undefined,
      planning: false,
      edits: undefined,
      preview: undefined,
      goalNow: undefined,
      loginItem: undefined,
      error: undefined,
      notice: undefined,

      load: () =>
        request(
          async () => {
            const [saved, models, loginItem] = await Promise.all([
              bridge.invoke('setup.state'),
              bridge.invoke('setup.models'),
              bridge.invoke('app.loginItem'),
            ]);
            const edits = rowsFromSaved(saved.edits);
            set({
              loaded: true,
              // A place saved by a wizard with more steps resumes at this one's last.
              step: Math.min(saved.step, SETUP_STEPS.length),
              completed: saved.completed,
              check: saved.check,
              goal: saved.goal,
              edits,
              models,
              loginItem,
            });
            if (saved.step >= STEP.goal) {
              if (saved.goal) await plan(saved.goal, edits !== undefined);
              else await plan(defaultGoal(models), false);
            }
            // Sizing the goal set its own answer or error.
            return undefined;
          },
          { failed: { loaded: true } },
        ),

      runCheck: () =>
        request(
          async () => {
            const check = await bridge.invoke('setup.check');
            set({
              check,
              notice: !check.ready
                ? 'Some checks need attention.'
                : check.checks.some((gate) => gate.status === 'unknown')
                  ? 'Nothing failed, but Headroom could not check everything.'
                  : check.otherFindings.length > 0
                    ? 'The four checks passed. See “Also found” for more.'
                    : 'Every check passed.',
            });
            save();
            return {};
          },
          {
            busy: 'checking',
            before: { error: undefined, notice: 'Checking WSL, your distribution and the GPU…' },
            failed: { notice: undefined },
          },
        ),

      fix: async (findingId) => {
        let message: string | undefined;
        await request(
          async () => {
            message = (await bridge.invoke('setup.fix', { findingId })).message;
            return { notice: message };
          },
          { before: { error: undefined } },
        );
        if (message === undefined) return;
        // The check after a fix says what changed; the notice keeps saying what the fix did.
        await get().runCheck();
        set({ notice: message });
      },

      goTo: (step) => {
        const to = Math.min(Math.max(step, 1), SETUP_STEPS.length);
        // Reaching the last step is finishing: leaving it through the rail must not read as "left half-way".
        set({
          step: to,
          completed: get().completed || to === STEP.done,
          error: undefined,
          notice: undefined,
        });
        save();
        // The goal step sizes its goal (at first the likely model) at once, against the file as it is now: no
        // button for what can happen by itself, and no sizing left from before an apply.
        const { models, goal } = get();
        if (to === STEP.goal && models) void plan(goal ?? defaultGoal(models), false);
      },

      sizeGoal: (goal) => plan(goal, false),

      dropPlan: () => {
        if (get().plan) set({ plan: undefined, preview: undefined });
      },

      judgeGoal: async () => {
        const { goal, models } = get();
        if (!goal) return;
        set({ goalNow: undefined });
        await request(
          async () => {
            const now = await bridge.invoke('setup.plan', goal);
            if (now.fits) {
              const short = now.changes.some((change) => change.needed);
              return { goalNow: { state: short ? 'short' : 'fits', plan: now } };
            }
            // The service's ceiling already says what does fit; without it, smaller goals are sized one by one.
            const { ceiling } = now;
            if (ceiling) {
              const words = (ctx: number): string => `at ${ctx.toLocaleString('en')} tokens`;
              const fitting = [
                ...(ceiling.largestContext === undefined
                  ? []
                  : [`${now.model} ${words(ceiling.largestContext)}`]),
                ...(ceiling.fittingModels ?? []).map((model) => `${model.name} ${words(model.ctx)}`),
              ];
              return { goalNow: { state: 'too-big', plan: now, fitting } };
            }
            const fitting: string[] = [];
            for (const candidate of alternatives(goal, models)) {
              const sized = await bridge.invoke('setup.plan', candidate.goal);
              if (sized.fits) fitting.push(`${sized.model} ${candidate.how}`.trim());
              if (fitting.length === 2) break;
            }
            return { goalNow: { state: 'too-big', plan: now, fitting } };
          },
          { before: { error: undefined } },
        );
      },

      setEdit: (key, row) => {
        const edits = get().edits;
        if (!edits) return;
        set({ edits: { ...edits, [key]: { ...edits[key], ...row } } });
        save();
        void refreshPreview();
      },

      finish: () => {
        set({ completed: true, step: SETUP_STEPS.length });
        save();
      },

      reopen: () => {
        if (!get().completed) return;
        // A new run checks anew: the old check is dropped, so step 1 runs it by itself.
        set({
          step: STEP.check,
          completed: false,
          check: undefined,
          goalNow: undefined,
          error: undefined,
          notice: undefined,
        });
        save();
      },

      setLoginItem: (enabled) =>
        request(async () => ({ loginItem: await bridge.invoke('app.setLoginItem', { enabled }) }), {
          before: { loginItem: { supported: true, enabled } },
          failed: { loginItem: get().loginItem },
        }),
    };
  });
  return store;
}
