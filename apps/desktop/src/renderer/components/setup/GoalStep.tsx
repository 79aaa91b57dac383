import type { SetupGoal, SetupModels } from '@headroom/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useSetup } from '../../state/store-context';

const DEFAULT_GOAL: SetupGoal = {
  model: { kind: 'preset', id: 'llama-3.1-8b', quant: 'Q4_K_M' },
  ctx: 8192,
  kvType: 'f16',
};

const KV_WORDS: Readonly<Record<string, string>> = {
  f16: 'f16 (llama.cpp’s default)',
  q8_0: 'q8_0 (half the memory)',
  q4_0: 'q4_0 (a quarter; some quality lost)',
};

/** The goal form's fields as typed, before they are checked. */
interface GoalDraft {
  kind: 'preset' | 'gguf';
  presetId: string;
  quant: string;
  path: string;
  ctx: string;
  kvType: string;
}

function draftOf(goal: SetupGoal): GoalDraft {
  return {
    kind: goal.model.kind === 'discovered' ? 'preset' : goal.model.kind,
    presetId: goal.model.kind === 'preset' ? goal.model.id : 'llama-3.1-8b',
    quant: goal.model.kind === 'preset' ? goal.model.quant : 'Q4_K_M',
    path: goal.model.kind === 'gguf' ? goal.model.path : '',
    ctx: String(goal.ctx),
    kvType: goal.kvType,
  };
}

/** What is wrong with the draft, in words, or the goal it describes. */
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

/** Step 2: the model to run (a preset or a GGUF file), its context and KV cache type, and how it fits here. */
export function GoalStep() {
  const models = useSetup((s) => s.models);
  const goal = useSetup((s) => s.goal);
  const plan = useSetup((s) => s.plan);
  const planning = useSetup((s) => s.planning);
  const sizeGoal = useSetup((s) => s.sizeGoal);
  const goTo = useSetup((s) => s.goTo);
  const [draft, setDraft] = useState<GoalDraft>(() => draftOf(goal ?? DEFAULT_GOAL));
  const [problem, setProblem] = useState<DraftProblem | undefined>();
  const ids = { preset: useId(), quant: useId(), path: useId(), ctx: useId(), kv: useId() };

  if (!models) return <p className="status">Reading the models Headroom knows…</p>;
  const preset = models.presets.find((candidate) => candidate.id === draft.presetId);
  const update = (patch: Partial<GoalDraft>): void => setDraft((current) => ({ ...current, ...patch }));

  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const read = readDraft(draft, models);
    if ('problem' in read) {
      setProblem(read.problem);
      return;
    }
    setProblem(undefined);
    void sizeGoal(read.goal);
  };

  return (
    <div className="step">
      <p>
        Which model do you want to run, and with how long a context? Headroom sizes the GPU and WSL’s memory
        for it, as <code>headroom fit</code> does.
      </p>
      <form className="goal-form" onSubmit={onSubmit}>
        <fieldset>
          <legend>Which model?</legend>
          <label>
            <input
              type="radio"
              name="model-kind"
              checked={draft.kind === 'preset'}
              onChange={() => update({ kind: 'preset' })}
            />{' '}
            A model Headroom knows
          </label>
          <label>
            <input
              type="radio"
              name="model-kind"
              checked={draft.kind === 'gguf'}
              onChange={() => update({ kind: 'gguf' })}
            />{' '}
            A GGUF file on this PC
          </label>
        </fieldset>
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
          </div>
        ) : (
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
        )}
        <div className="field-row">
          <label htmlFor={ids.ctx}>Context length (tokens)</label>
          <input
            id={ids.ctx}
            inputMode="numeric"
            value={draft.ctx}
            aria-invalid={problem?.field === 'ctx'}
            aria-describedby={problem?.field === 'ctx' ? `${ids.ctx}-problem` : undefined}
            onChange={(event) => update({ ctx: event.target.value })}
          />
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
        {problem ? (
          <p className="field-error" id={`${ids[problem.field]}-problem`} role="alert">
            {problem.text}
          </p>
        ) : null}
        <div className="card__actions step__actions">
          <button type="button" className="button" onClick={() => goTo(1)}>
            Back
          </button>
          <button type="submit" className={plan ? 'button' : 'button button--primary'} disabled={planning}>
            {planning ? 'Sizing…' : 'Size it'}
          </button>
          {plan ? (
            <button type="button" className="button button--primary" onClick={() => goTo(3)}>
              Next: review the changes
            </button>
          ) : null}
        </div>
      </form>
      {plan ? (
        <section aria-labelledby="sizing-title" className="sizing">
          <h3 id="sizing-title">
            {plan.model}: {plan.fits ? 'fits this PC' : 'does not fit beside Windows'}
          </h3>
          <table className="distros">
            <caption className="visually-hidden">
              How the model fits, with how each number is computed
            </caption>
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
        </section>
      ) : null}
    </div>
  );
}
