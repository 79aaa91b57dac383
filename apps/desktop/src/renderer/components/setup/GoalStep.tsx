import type { DiscoveredModel, SetupGoal, SetupModels, SetupPlan } from '@headroom/contract';
import { useEffect, useId, useState } from 'react';
import { defaultGoal, STEP, tickedEdits } from '../../state/setup-store';
import { useSetup, useVerify } from '../../state/store-context';
import { useShutdownConfirm } from '../useShutdownConfirm';
import { gib } from './format';
import { Proposal } from './Proposal';

const KV_WORDS: Readonly<Record<string, string>> = {
  f16: 'f16 (llama.cpp’s default)',
  q8_0: 'q8_0 (half the memory)',
  q4_0: 'q4_0 (a quarter; some quality lost)',
};

/** How long the goal waits after the last keystroke in the context field before it is sized. */
const SIZE_AFTER_MS = 400;

/** The context a preset starts at: Headroom found no runtime to ask. */
const PRESET_CONTEXT = 8192;

/** The goal form's fields as chosen or typed, before they are checked. */
interface GoalDraft {
  kind: SetupGoal['model']['kind'];
  discoveredId: string;
  presetId: string;
  quant: string;
  path: string;
  ctx: string;
  kvType: string;
}

function draftOf(goal: SetupGoal): GoalDraft {
  const { model } = goal;
  return {
    kind: model.kind,
    discoveredId: model.kind === 'discovered' ? model.id : '',
    presetId: model.kind === 'preset' ? model.id : 'llama-3.1-8b',
    quant: model.kind === 'preset' ? model.quant : 'Q4_K_M',
    path: model.kind === 'gguf' ? model.path : '',
    ctx: String(goal.ctx),
    kvType: goal.kvType,
  };
}

/** A field's problem in words, and which field it is about. */
interface DraftProblem {
  readonly text: string;
  readonly field: 'ctx' | 'path';
}

function readDraft(draft: GoalDraft, models: SetupModels): { goal: SetupGoal } | { problem: DraftProblem } {
  const ctx = Number(draft.ctx.trim());
  if (!/^\d+$/.test(draft.ctx.trim()) || ctx < 256 || ctx > 10_000_000) {
    return {
      problem: {
        field: 'ctx',
        text: 'Enter the context length as a whole number of tokens, from 256 (e.g. 8192).',
      },
    };
  }
  if (draft.kind === 'discovered') {
    return { goal: { model: { kind: 'discovered', id: draft.discoveredId }, ctx, kvType: draft.kvType } };
  }
  if (draft.kind === 'gguf') {
    const path = draft.path.trim();
    if (path === '')
      return { problem: { field: 'path', text: 'Enter the full path of a .gguf file on this PC.' } };
    return { goal: { model: { kind: 'gguf', path }, ctx, kvType: draft.kvType } };
  }
  const preset = models.presets.find((candidate) => candidate.id === draft.presetId);
  if (preset && ctx > preset.maxContext) {
    return {
      problem: {
        field: 'ctx',
        text: `${preset.name} was trained for at most ${preset.maxContext.toLocaleString('en')} tokens.`,
      },
    };
  }
  return {
    goal: { model: { kind: 'preset', id: draft.presetId, quant: draft.quant }, ctx, kvType: draft.kvType },
  };
}

/** The models found on this PC, largest first (the order the service gives, kept should it change). */
function largestFirst(models: SetupModels): DiscoveredModel[] {
  return [...models.discovered].sort((a, b) => b.sizeBytes - a.sizeBytes);
}

/** Why the context field holds what it holds, for the model chosen. */
function contextReason(draft: GoalDraft, models: SetupModels): string {
  if (draft.kind === 'discovered') {
    const model = models.discovered.find((candidate) => candidate.id === draft.discoveredId);
    if (model?.defaultContext) return model.defaultContext.why;
  }
  return `${PRESET_CONTEXT.toLocaleString('en')} tokens is Headroom's rule of thumb for a model it did not find running; enter what your runtime uses.`;
}

/** One model found on this PC, as a choice: name, where, size and quantization; one that cannot be read says why. */
function DiscoveredChoice({
  model,
  checked,
  onPick,
}: {
  model: DiscoveredModel;
  checked: boolean;
  onPick: () => void;
}) {
  const unreadable = model.unreadable !== undefined;
  return (
    <li className="model-choice" data-model={model.id}>
      <label>
        <input type="radio" name="model" checked={checked} disabled={unreadable} onChange={onPick} />{' '}
        <strong>{model.name}</strong>{' '}
        <span className="model-choice__facts">
          {[model.where, gib(model.sizeBytes), model.quant].filter(Boolean).join(' · ')}
        </span>
      </label>
      {model.preselected && model.preselectedWhy ? (
        <p className="model-choice__why">Likely the one you use: {model.preselectedWhy}.</p>
      ) : null}
      {unreadable ? <p className="model-choice__why">Cannot be sized: {model.unreadable}</p> : null}
    </li>
  );
}

/** The sizing of the goal in one heading, with how each number was reached behind a disclosure. */
function Sizing({ plan }: { plan: SetupPlan }) {
  return (
    <section aria-labelledby="sizing-title" className="sizing">
      <h3 id="sizing-title">
        {plan.model}: {plan.fits ? 'fits this PC' : 'does not fit beside Windows'}
      </h3>
      <details>
        <summary>How Headroom sized it</summary>
        <table className="distros">
          <caption className="visually-hidden">How the model fits, with how each number is computed</caption>
          <tbody>
            {plan.sizing.map((line) => (
              <tr key={line.label}>
                <th scope="row">{line.label}</th>
                <td className="sizing__value">{line.value}</td>
                <td className="sizing__why">{line.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.warnings.length > 0 ? (
          <ul className="ignored-lines">
            {plan.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </section>
  );
}

/**
 * Step 2: the model (found on this PC, the likely one preselected; a preset or a GGUF path behind "another model"),
 * its context with the reason for its default, quantization and KV type under "Advanced", and how it fits, sized
 * by itself on every change; below it the proposal and the one decision, "Apply and verify".
 */
export function GoalStep() {
  const models = useSetup((s) => s.models);
  const goal = useSetup((s) => s.goal);
  if (!models) return <p className="status">Looking for the models on this PC…</p>;
  return <GoalForm models={models} initial={goal ?? defaultGoal(models)} />;
}

function GoalForm({ models, initial }: { models: SetupModels; initial: SetupGoal }) {
  const goal = useSetup((s) => s.goal);
  const plan = useSetup((s) => s.plan);
  const planning = useSetup((s) => s.planning);
  const edits = useSetup((s) => s.edits);
  const sizeGoal = useSetup((s) => s.sizeGoal);
  const dropPlan = useSetup((s) => s.dropPlan);
  const goTo = useSetup((s) => s.goTo);
  const run = useVerify((s) => s.run);
  const [draft, setDraft] = useState<GoalDraft>(() => draftOf(initial));
  const ids = { preset: useId(), quant: useId(), path: useId(), ctx: useId(), kv: useId(), why: useId() };
  const discovered = largestFirst(models);
  const read = readDraft(draft, models);
  const problem = 'problem' in read ? read.problem : undefined;
  const wanted = 'goal' in read ? read.goal : undefined;
  const wantedKey = wanted ? JSON.stringify(wanted) : undefined;
  const current = wantedKey !== undefined && wantedKey === JSON.stringify(goal);

  // Sizing follows the form: a changed goal drops the old answer at once and is sized after a short pause.
  useEffect(() => {
    if (current) return undefined;
    dropPlan();
    if (!wantedKey) return undefined;
    const timer = setTimeout(() => void sizeGoal(JSON.parse(wantedKey) as SetupGoal), SIZE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [current, wantedKey, dropPlan, sizeGoal]);

  const ticked = tickedEdits(edits);
  const confirm = useShutdownConfirm((stopRunning) => {
    goTo(STEP.apply);
    void run({ edits: ticked, stopRunning });
  });
  const update = (patch: Partial<GoalDraft>): void => setDraft((before) => ({ ...before, ...patch }));
  const pickDiscovered = (model: DiscoveredModel): void =>
    update({
      kind: 'discovered',
      discoveredId: model.id,
      ctx: String(model.defaultContext?.tokens ?? PRESET_CONTEXT),
    });
  const preset = models.presets.find((candidate) => candidate.id === draft.presetId);
  const pickedModel =
    draft.kind === 'discovered'
      ? models.discovered.find((candidate) => candidate.id === draft.discoveredId)
      : undefined;
  const shown = current ? plan : undefined;
  const ready = shown !== undefined && !planning;

  return (
    <div className="step">
      <p>
        Which model do you want to run? Headroom sizes the GPU and WSL’s memory for it, as{' '}
        <code>headroom fit</code> does, and proposes what .wslconfig needs.
      </p>
      <form className="goal-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>Which model?</legend>
          {discovered.length > 0 ? (
            <ul className="model-choices" aria-label="Models on this PC">
              {discovered.map((model) => (
                <DiscoveredChoice
                  key={model.id}
                  model={model}
                  checked={draft.kind === 'discovered' && draft.discoveredId === model.id}
                  onPick={() => pickDiscovered(model)}
                />
              ))}
            </ul>
          ) : (
            <p className="card__summary">Headroom found no model on this PC; choose one below.</p>
          )}
          {models.skipped.length > 0 ? (
            <p className="card__summary">
              Not looked in: {models.skipped.map((place) => `${place.where} (${place.why})`).join('; ')}.
            </p>
          ) : null}
          <details className="goal-form__other" open={discovered.length === 0 || draft.kind !== 'discovered'}>
            <summary>Another model</summary>
            <label>
              <input
                type="radio"
                name="model"
                checked={draft.kind === 'preset'}
                onChange={() => update({ kind: 'preset', ctx: String(PRESET_CONTEXT) })}
              />{' '}
              A model Headroom knows
            </label>
            {draft.kind === 'preset' ? (
              <div className="field-row">
                <label htmlFor={ids.preset}>Model</label>
                <select
                  id={ids.preset}
                  value={draft.presetId}
                  onChange={(event) => {
                    const next = models.presets.find((candidate) => candidate.id === event.target.value);
                    update({
                      presetId: event.target.value,
                      quant: next?.quants.includes(draft.quant) ? draft.quant : (next?.quants[0] ?? 'Q4_K_M'),
                    });
                  }}
                >
                  {models.presets.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <label>
              <input
                type="radio"
                name="model"
                checked={draft.kind === 'gguf'}
                onChange={() => update({ kind: 'gguf', ctx: String(PRESET_CONTEXT) })}
              />{' '}
              A GGUF file on this PC
            </label>
            {draft.kind === 'gguf' ? (
              <div className="field-row">
                <label htmlFor={ids.path}>Path of the .gguf file</label>
                <input
                  id={ids.path}
                  value={draft.path}
                  placeholder="D:\models\Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf"
                  aria-invalid={problem?.field === 'path'}
                  aria-describedby={problem?.field === 'path' ? `${ids.path}-problem` : undefined}
                  onChange={(event) => update({ path: event.target.value })}
                />
              </div>
            ) : null}
          </details>
        </fieldset>
        <div className="field-row">
          <label htmlFor={ids.ctx}>Context length (tokens)</label>
          <input
            id={ids.ctx}
            inputMode="numeric"
            value={draft.ctx}
            aria-invalid={problem?.field === 'ctx'}
            aria-describedby={problem?.field === 'ctx' ? `${ids.ctx}-problem` : ids.why}
            onChange={(event) => update({ ctx: event.target.value })}
          />
        </div>
        <p className="card__summary" id={ids.why} data-testid="context-why">
          {contextReason(draft, models)}
        </p>
        <details className="goal-form__advanced">
          <summary>Advanced: quantization and KV cache</summary>
          <div className="field-row">
            {draft.kind === 'preset' ? (
              <>
                <label htmlFor={ids.quant}>Quantization</label>
                <select
                  id={ids.quant}
                  value={draft.quant}
                  onChange={(event) => update({ quant: event.target.value })}
                >
                  {(preset?.quants ?? []).map((quant) => (
                    <option key={quant} value={quant}>
                      {quant}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <p className="card__summary">
                Quantization: {pickedModel?.quant ?? 'read from the file'}, from the model file itself.
              </p>
            )}
            <label htmlFor={ids.kv}>KV cache type</label>
            <select
              id={ids.kv}
              value={draft.kvType}
              onChange={(event) => update({ kvType: event.target.value })}
            >
              {models.kvTypes.map((type) => (
                <option key={type} value={type}>
                  {KV_WORDS[type] ?? type}
                </option>
              ))}
            </select>
          </div>
        </details>
        {problem ? (
          <p className="field-error" id={`${ids[problem.field]}-problem`} role="alert">
            {problem.text}
          </p>
        ) : null}
      </form>
      {shown ? (
        <>
          <Sizing plan={shown} />
          <Proposal plan={shown} />
        </>
      ) : problem ? null : (
        <p className="status" data-testid="sizing-status">
          Sizing…
        </p>
      )}
      <div className="card__actions step__actions">
        <button type="button" className="button" onClick={() => goTo(STEP.check)}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || confirm.asking}
          onClick={confirm.ask}
        >
          {confirm.asking ? 'Looking at WSL…' : ticked.length === 0 ? 'Verify now' : 'Apply and verify'}
        </button>
      </div>
      {confirm.dialog}
    </div>
  );
}
