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

/** The wizard's steps, in order. */
export const SETUP_STEPS = ['Check', 'Goal', 'Proposal', 'Apply and verify', 'Done'] as const;

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
  readonly loginItem: LoginItem | undefined;
  readonly error: ErrorPayload | undefined;
  /** What just happened, for the live region. */
  readonly notice: string | undefined;
  readonly load: () => Promise<void>;
  readonly runCheck: () => Promise<void>;
  readonly fix: (findingId: string) => Promise<void>;
  readonly goTo: (step: number) => void;
  readonly sizeGoal: (goal: SetupGoal) => Promise<void>;
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
  const proposed = new Set(plan.changes.map((change) => change.key));
  return {
    memory: { amount: plan.values.memoryGB, ticked: proposed.has('memory') },
    processors: { amount: plan.values.processors, ticked: proposed.has('processors') },
    swap: { amount: plan.values.swapGB, ticked: proposed.has('swap') },
  };
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
              step: saved.step,
              completed: saved.completed,
              check: saved.check,
              goal: saved.goal,
              edits,
              models,
              loginItem,
            });
            if (saved.goal && saved.step >= 2) await plan(saved.goal, edits !== undefined);
            // Sizing the saved goal set its own answer or error.
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
        set({ step: Math.min(Math.max(step, 1), SETUP_STEPS.length), error: undefined, notice: undefined });
        save();
      },

      sizeGoal: (goal) => plan(goal, false),

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
        set({ step: 1, completed: false, error: undefined, notice: undefined });
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
